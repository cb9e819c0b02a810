// An answer sent before the request body arrived whole (a caller refused in onRequest, a body
// over the limit). Hanging up at once would reset the connection under the caller's feet and
// it might never read the answer (a revoked window would see "network error" instead of
// 401 device_revoked, a too-large batch a failure instead of 413). So the rest of the body is
// dropped as it comes, never parsed or inflated, up to one legitimate body's worth or a few
// seconds; a caller still sending after that is cut off.
import type { IncomingMessage } from 'node:http';
import { MAX_BODY_BYTES } from '../../shared/sync/protocol';

const DRAIN_MS = 10_000;

export function dropUnreadBody(raw: IncomingMessage, maxBytes = MAX_BODY_BYTES, maxMs = DRAIN_MS): void {
  if (raw.complete) return;
  let left = maxBytes;
  const hangUp = () => raw.socket?.destroy();
  const timer = setTimeout(hangUp, maxMs);
  timer.unref();
  raw.on('data', (chunk: Buffer) => {
    left -= chunk.length;
    if (left < 0) hangUp();
  });
  raw.once('end', () => clearTimeout(timer));
  raw.once('close', () => clearTimeout(timer));
  raw.resume();
}
