// The page upload protocol (beside the event push): a page is uploaded in chunks to
// /sync/v1/pages/:sha256, each chunk at the offset the server says it holds; the server checks
// the whole against its sha256 and its bytes against an image type, and acknowledges the page
// only once it is durable. Pages are accepted only when a case of the device names them, so a
// case's events always travel first.
import { z } from 'zod';
import { Sha256Hex } from '../scans/page';

/** Largest chunk the server takes in one request (the client sizes chunks to the link, below this). */
export const MAX_CHUNK_BYTES = 256 * 1024;
export const PAGE_CHUNK_TYPE = 'application/octet-stream';

export const PageParams = z.object({ sha256: Sha256Hex });
export const ChunkQuery = z.object({ offset: z.coerce.number().int().min(0) });

export const PageUploadStatus = z.object({
  sha256: z.string(),
  /** Bytes of the page as its case declares them. */
  bytes: z.number().int(),
  /** Bytes the server holds (all of them once stored). */
  held: z.number().int(),
  /** Durable and verified: nothing more to send. */
  stored: z.boolean(),
});
export type PageUploadStatus = z.infer<typeof PageUploadStatus>;
