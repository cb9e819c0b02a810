// Two push batches in flight (SyncClient.pushWindow): the queue goes up with the next batch sent
// before the one ahead is answered, and whatever happens to either answer, every entry reaches the
// server exactly once, in order, and the outbox empties.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { acceptCase, openDevice, startSyncServer, type SyncServer } from '../helpers/syncWorld';
import { OFFICE_A } from './server-harness';
import { issueEnrolCode } from '../../server/admin/directory';
import { SyncClient } from '../../electron/sync/client';
import { outboxSize } from '../../electron/store/outbox';

let srv: SyncServer;
beforeAll(async () => {
  srv = await startSyncServer('pglite');
});
afterAll(async () => {
  await srv.destroy();
});

/** A window with `cases` accepted cases and a client whose pushes go through `wrap`. */
async function windowWith(cases: number, wrap: (f: typeof fetch) => typeof fetch) {
  const dbPath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'yc-dev-')), 'yichuang.db');
  const { ws, client: enrolling } = openDevice(dbPath, OFFICE_A);
  const { code } = await issueEnrolCode(srv.db, OFFICE_A, '01');
  const { deviceId } = await enrolling.enrol(srv.url, code);
  await enrolling.pullCatalogue();
  ws.catalogueChanged();
  for (let i = 0; i < cases; i++) acceptCase({ ws });
  const client = new SyncClient({ db: ws.db, timeoutMs: 20_000, batch: { initial: 40 }, fetch: wrap(fetch), retryDelayMs: 10 });
  return { ws, client, deviceId };
}

const serverSeqs = async (deviceId: string) =>
  (await srv.db.query<{ device_seq: unknown }>('SELECT device_seq FROM case_events WHERE device_id = $1 ORDER BY server_seq', [deviceId])).rows.map((r) => Number(r.device_seq));

describe('push with two batches in flight', () => {
  it('keeps two pushes out at once and stores every entry once, in order', async () => {
    let out = 0;
    let most = 0;
    const w = await windowWith(120, (f) => async (url, init) => {
      if (!String(url).endsWith('/push')) return f(url, init);
      most = Math.max(most, ++out);
      try {
        return await f(url, init);
      } finally {
        out--;
      }
    });
    await w.client.pushAll();
    expect(most).toBe(2);
    expect(outboxSize(w.ws.db)).toBe(0);
    expect(await serverSeqs(w.deviceId)).toEqual(Array.from({ length: 240 }, (_, i) => i + 1));
    w.ws.close();
  });

  it('answers lost on the way back (the server applied them) or calls cut before the server: nothing lost or doubled', async () => {
    let n = 0;
    const w = await windowWith(100, (f) => async (url, init) => {
      if (!String(url).endsWith('/push')) return f(url, init);
      n++;
      if (n % 3 === 0) throw new TypeError('fetch failed'); // never reached the server
      const reply = await f(url, init);
      if (n % 5 === 0) throw new TypeError('fetch failed'); // applied, answer lost
      return reply;
    });
    for (let round = 0; round < 30 && outboxSize(w.ws.db) > 0; round++) {
      await w.client.pushAll().catch(() => undefined); // the sync loop tries again later
    }
    expect(outboxSize(w.ws.db)).toBe(0);
    expect(await serverSeqs(w.deviceId)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    w.ws.close();
  });
});
