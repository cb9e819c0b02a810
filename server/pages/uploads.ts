// Page uploads from the windows: resumable (the server says how much it holds), idempotent
// (a stored page answers stored, a resent chunk overwrites its own bytes), checked end to end
// (sha256 over the whole, the type read from the bytes) and acknowledged only once durable
// (blob store fsync + rename, then the page_blobs row).
import crypto from 'node:crypto';
import type { Db } from '../db/db';
import type { Device } from '../sync/devices';
import type { BlobStore } from './blobStore';
import { HttpError } from '../http/errors';
import { MAX_PAGE_BYTES, sniffImageType } from '../../shared/scans/page';
import { imageSize } from '../../shared/scans/imageSize';
import { MAX_CHUNK_BYTES, type PageUploadStatus } from '../../shared/sync/pages';

/** Bytes of the page as a case of this device declares it, or 404. */
async function declaredBytes(db: Db, device: Device, sha256: string): Promise<number> {
  const { rows } = await db.query<{ bytes: number }>(
    `SELECT (p->>'bytes')::int AS bytes FROM cases c, jsonb_array_elements(c.state->'pages') p
     WHERE c.device_id = $1 AND c.state->'pages' @> $2::jsonb AND p->>'sha256' = $3 LIMIT 1`,
    [device.id, JSON.stringify([{ sha256 }]), sha256],
  );
  if (!rows.length) throw new HttpError(404, 'page_unknown', '服务器上没有引用该扫描页的办件，请先上传办件事件');
  return rows[0].bytes;
}

async function storedBytes(db: Db, sha256: string): Promise<number | null> {
  const { rows } = await db.query<{ bytes: number }>('SELECT bytes FROM page_blobs WHERE sha256 = $1', [sha256]);
  return rows.length ? rows[0].bytes : null;
}

const uploadId = (device: Device, sha256: string) => `${device.id}-${sha256}`;

// One chunk at a time per upload in this process: a retried request never interleaves with the one it retries.
const lanes = new Map<string, Promise<unknown>>();
function serial<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const prev = lanes.get(key) ?? Promise.resolve();
  const run = prev.then(fn, fn);
  const tail = run.catch(() => {});
  lanes.set(key, tail);
  void tail.then(() => lanes.get(key) === tail && lanes.delete(key));
  return run;
}

export async function pageStatus(db: Db, blobs: BlobStore, device: Device, sha256: string): Promise<PageUploadStatus> {
  const bytes = await declaredBytes(db, device, sha256);
  const stored = await storedBytes(db, sha256);
  if (stored !== null) return { sha256, bytes, held: stored, stored: true };
  return { sha256, bytes, held: Math.min(bytes, await blobs.heldBytes(uploadId(device, sha256))), stored: false };
}

export async function putChunk(db: Db, blobs: BlobStore, device: Device, sha256: string, offset: number, chunk: Buffer): Promise<PageUploadStatus> {
  if (!Buffer.isBuffer(chunk) || chunk.length === 0) throw new HttpError(400, 'empty_body', '扫描页分块为空');
  if (chunk.length > MAX_CHUNK_BYTES) throw new HttpError(413, 'body_too_large', `每块不超过 ${MAX_CHUNK_BYTES / 1024} KB`);
  const bytes = await declaredBytes(db, device, sha256);
  if (bytes > MAX_PAGE_BYTES) throw new HttpError(413, 'body_too_large', '扫描页超过单页上限');
  const id = uploadId(device, sha256);
  return serial(id, async () => {
    const stored = await storedBytes(db, sha256);
    if (stored !== null) return { sha256, bytes, held: stored, stored: true };
    if (offset + chunk.length > bytes) throw new HttpError(400, 'invalid_input', `分块超出扫描页的长度（${bytes} 字节）`);
    const held = await blobs.heldBytes(id);
    if (offset > held) throw new HttpError(409, 'offset_mismatch', `服务器已收到该页 ${held} 字节，请从第 ${held} 字节继续`, { held });
    const now = await blobs.append(id, offset, chunk);
    if (now < bytes) return { sha256, bytes, held: now, stored: false };
    const data = await blobs.readPartial(id);
    const type = sniffImageType(data);
    const size = imageSize(data);
    if (crypto.createHash('sha256').update(data).digest('hex') !== sha256 || !type || !size) {
      await blobs.dropPartial(id);
      throw new HttpError(422, 'page_invalid', type && size ? '扫描页内容与其 sha256 不符，已丢弃，请重新上传' : '上传的内容不是图片，已丢弃');
    }
    await blobs.commit(id, sha256);
    await db.query(
      'INSERT INTO page_blobs (sha256, bytes, content_type, width, height, device_id) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (sha256) DO NOTHING',
      [sha256, data.length, type, size.width, size.height, device.id],
    );
    return { sha256, bytes, held: data.length, stored: true };
  });
}
