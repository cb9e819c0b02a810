// Client-made ids (UUIDv7) for cases and events.
import crypto from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';

// uuid's v7 asks the OS for 16 random bytes per id, a measurable part of an acceptance (three
// ids); one draw fills 256 ids. Ids need not sort within a millisecond: events are ordered by
// rowid and cases by acceptance time.
const pool = Buffer.alloc(16 * 256);
let poolNext = pool.length;
function random16(): Uint8Array {
  if (poolNext === pool.length) {
    crypto.randomFillSync(pool);
    poolNext = 0;
  }
  return pool.subarray(poolNext, (poolNext += 16));
}
export const newId = (): string => uuidv7({ random: random16() });
