// Where the server keeps page bytes, behind a narrow interface: partial uploads grow chunk by
// chunk (each durable before it is acknowledged) and a verified upload becomes a blob named by
// its sha256. The filesystem is the default for the embedded and single servers; another store
// (an object store for a cluster) implements the same six calls.
import fs from 'node:fs/promises';
import { constants } from 'node:fs';
import path from 'node:path';

export interface BlobStore {
  /** Bytes held of an upload in progress (0: none). */
  heldBytes(uploadId: string): Promise<number>;
  /** Writes `chunk` at `offset` (≤ held; a resent or replayed chunk rewrites its own bytes) and returns the bytes held, on disk. */
  append(uploadId: string, offset: number, chunk: Uint8Array): Promise<number>;
  /** The partial upload's bytes (a page is at most a few MB). */
  readPartial(uploadId: string): Promise<Buffer>;
  /** Makes the partial upload the blob `sha256`: durable, atomic, then the partial is gone. */
  commit(uploadId: string, sha256: string): Promise<void>;
  dropPartial(uploadId: string): Promise<void>;
  /** The blob's bytes, or null. */
  read(sha256: string): Promise<Buffer | null>;
}

const SAFE = /^[0-9a-zA-Z-]{1,160}$/;

async function fsyncDir(dir: string) {
  const h = await fs.open(dir, constants.O_RDONLY);
  try {
    await h.sync();
  } finally {
    await h.close();
  }
}

/** Blobs at `<root>/<aa>/<sha256>`, partial uploads at `<root>/partial/<uploadId>`; fsync, then atomic rename. */
export function fsBlobStore(root: string): BlobStore {
  const partialDir = path.join(root, 'partial');
  const partialPath = (id: string) => {
    if (!SAFE.test(id)) throw new Error(`bad upload id ${id}`);
    return path.join(partialDir, id);
  };
  const blobPath = (sha: string) => {
    if (!/^[0-9a-f]{64}$/.test(sha)) throw new Error(`bad sha256 ${sha}`);
    return path.join(root, sha.slice(0, 2), sha);
  };
  let ready: Promise<void> | null = null;
  const ensure = () => (ready ??= fs.mkdir(partialDir, { recursive: true }).then(() => undefined));
  return {
    async heldBytes(id) {
      await ensure();
      return fs.stat(partialPath(id)).then((s) => s.size, () => 0);
    },
    async append(id, offset, chunk) {
      await ensure();
      const file = partialPath(id);
      const h = await fs.open(file, constants.O_RDWR | constants.O_CREAT, 0o600);
      try {
        const size = (await h.stat()).size;
        if (offset > size) throw Object.assign(new Error('offset past held bytes'), { held: size });
        await h.write(chunk, 0, chunk.length, offset);
        await h.sync();
        // A stale copy replayed late rewrites bytes already held with the same bytes: keep the rest
        // (the sha256 check at the end catches anything else).
        return Math.max(size, offset + chunk.length);
      } finally {
        await h.close();
      }
    },
    readPartial: async (id) => fs.readFile(partialPath(id)),
    async commit(id, sha) {
      const target = blobPath(sha);
      await fs.mkdir(path.dirname(target), { recursive: true });
      const h = await fs.open(partialPath(id), constants.O_RDONLY);
      try {
        await h.sync();
      } finally {
        await h.close();
      }
      await fs.rename(partialPath(id), target);
      await fsyncDir(path.dirname(target));
      await fsyncDir(partialDir);
    },
    dropPartial: async (id) => fs.rm(partialPath(id), { force: true }),
    read: async (sha) => fs.readFile(blobPath(sha)).catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? null : Promise.reject(e))),
  };
}
