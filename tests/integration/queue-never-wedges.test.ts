// One bad entry never stops a window's uploads. Server side: an entry the database still
// refuses inside the push transaction becomes its own `storage_failed` rejection; a reused event
// id with other content is a conflict. Client side: a batch the server keeps failing on is split
// until the entry is found, which is held back and shown while the rest flows (the last entry in
// the queue too) — and a server that fails on everything holds nothing. Old text with NUL in a
// workstation file still uploads.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { BACKENDS, enrolDevice as enrolRaw, fullPayload, nowIso, push, startTestServer, type TestServer } from './server-harness';
import { acceptCase, enrolDevice, startSyncServer, type SyncServer } from '../helpers/syncWorld';
import { OFFICE_A } from './server-harness';
import { SyncClient, HELD_NOTICE } from '../../electron/sync/client';
import { SyncLoop } from '../../electron/sync/loop';
import { attachSync } from '../../electron/services/handlers/sync';
import { listHeld, outboxSize, requeueHeld } from '../../electron/store/outbox';
import { sha256Hex } from '../../electron/store/caseEvents';
import { eventHash } from '../../shared/sync/chain';
import { tx } from '../../electron/store/db';
import { readSyncState } from '../../electron/store/syncState';
import { fromStoredState } from '../../server/sync/storedState';

const POISON_TRIGGER = `
CREATE FUNCTION poison_entry() RETURNS trigger AS $$
BEGIN
  IF NEW.payload->>'comment' = 'poison' THEN RAISE EXCEPTION 'refused by a trigger'; END IF;
  RETURN NEW;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER poison_entry BEFORE INSERT ON case_events FOR EACH ROW EXECUTE FUNCTION poison_entry();`;

describe.each(BACKENDS)('server: an entry the database refuses is rejected alone, on %s', (backend) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(backend, { rateLimit: false });
    await t.db.exec(POISON_TRIGGER); // stands for any refusal the schema did not foresee
  });
  afterAll(async () => {
    await t?.close();
  });

  it('storage_failed for that entry, the entries around it applied, the cursor past it', async () => {
    const dev = await enrolRaw(t);
    const [a, b] = [uuidv7(), uuidv7()];
    const e = (seq: number, caseId: string, type: Parameters<typeof fullPayload>[0], given: Record<string, unknown> = {}) =>
      ({ seq, id: uuidv7(), caseId, type, payload: fullPayload(type, given), deviceTime: nowIso(), staffNo: '1001' });
    const batch = [e(1, a, 'case.opened'), e(2, a, 'case.decided'), e(3, a, 'case.rated', { comment: 'poison' }), e(4, b, 'case.opened'), e(5, a, 'case.completed')];
    const r = await push(t, dev, batch);
    expect(r.status).toBe(200);
    expect(r.json.appliedThrough).toBe(5);
    expect(r.json.rejected.map((x: { seq: number; code: string }) => [x.seq, x.code])).toEqual([[3, 'storage_failed']]);
    const stored = (await t.db.query<{ device_seq: unknown }>('SELECT device_seq FROM case_events WHERE device_id = $1 ORDER BY device_seq', [dev.deviceId])).rows.map((x) => Number(x.device_seq));
    expect(stored).toEqual([1, 2, 4, 5]);
    const c = await t.db.query<{ status: string; state: { rating: string | null } }>('SELECT status, state FROM cases WHERE id = $1', [a]);
    expect({ ...c.rows[0], state: fromStoredState(c.rows[0].state) }).toMatchObject({ status: 'completed', state: { rating: null } }); // the refused rating is not in the state
    const rec = await t.db.query<{ code: string; entry_text: string }>('SELECT code, entry_text FROM rejected_events WHERE device_id = $1', [dev.deviceId]);
    expect(rec.rows).toEqual([{ code: 'storage_failed', entry_text: expect.stringContaining('poison') }]);
  });

  it('a reused event id: the same content is skipped, other content is refused as a conflict', async () => {
    const dev = await enrolRaw(t);
    const caseId = uuidv7();
    const opened = { seq: 1, id: uuidv7(), caseId, type: 'case.opened', payload: fullPayload('case.opened'), deviceTime: nowIso(), staffNo: '1001' };
    expect((await push(t, dev, [opened])).json).toMatchObject({ appliedThrough: 1, applied: 1 });
    const same = await push(t, dev, [{ ...opened, seq: 2 }]);
    expect(same.json).toMatchObject({ appliedThrough: 2, applied: 0, rejected: [] });
    const other = await push(t, dev, [{ ...opened, seq: 3, payload: fullPayload('case.opened', { itemName: '改过的事项名' }) }]);
    expect(other.json).toMatchObject({ appliedThrough: 3, applied: 0, rejected: [{ seq: 3, code: 'event_id_conflict' }] });
  });
});

describe('client: the entry the server keeps failing on is held, the rest flows', () => {
  let srv: SyncServer;
  let poisoned = new Set<string>();
  let down = false;
  beforeAll(async () => {
    srv = await startSyncServer('pglite', {
      // A server fault that only this entry triggers (or, with `down`, every push): a 500 each time.
      pushHook: (e) => {
        if (down || poisoned.has(String((e as { id?: unknown }).id))) throw new Error('simulated server fault');
      },
    });
  });
  afterAll(async () => {
    await srv.destroy();
  });

  const fastClient = (d: Awaited<ReturnType<typeof enrolDevice>>) => new SyncClient({ db: d.ws.db, timeoutMs: 5_000, retryDelayMs: 0 });
  const serverEvents = async (deviceId: string) => Number((await srv.db.query<{ n: unknown }>('SELECT count(*) AS n FROM case_events WHERE device_id = $1', [deviceId])).rows[0].n);

  it('isolates one bad entry among ten, holds it (and its case\'s later entry) with a message, uploads the other eight; re-queued after the fix', async () => {
    const d = await enrolDevice(srv, srv.url, OFFICE_A, 'W-hold');
    for (let i = 0; i < 5; i++) acceptCase(d);
    const events = d.ws.db.prepare("SELECT id FROM case_events WHERE type LIKE 'case.%' ORDER BY rowid").all() as { id: string }[];
    poisoned = new Set([events[2].id]); // the second case's case.opened
    const client = fastClient(d);
    await client.pushAll();
    expect(await serverEvents(d.deviceId)).toBe(8);
    expect(listHeld(d.ws.db)).toEqual([
      expect.objectContaining({ eventId: events[2].id, message: expect.stringContaining('中心服务器多次无法保存该记录（500 internal）') }),
      expect.objectContaining({ eventId: events[3].id, message: expect.stringContaining('随之搁置') }), // its case.decided: it could not apply alone
    ]);
    expect(Number((await srv.db.query<{ n: unknown }>('SELECT count(*) AS n FROM rejected_events WHERE device_id = $1', [d.deviceId])).rows[0].n)).toBe(0);
    expect(outboxSize(d.ws.db)).toBe(0);
    expect(new SyncLoop(client).status()).toMatchObject({ held: 2, pending: 0 });
    expect(readSyncState(d.ws.db)?.notice).toBe(HELD_NOTICE);

    poisoned = new Set(); // the server is fixed
    requeueHeld(d.ws.db);
    await client.pushAll();
    expect(await serverEvents(d.deviceId)).toBe(10);
    expect(listHeld(d.ws.db)).toEqual([]);
    const c2 = await srv.db.query<{ status: string }>('SELECT status FROM cases WHERE id = (SELECT case_id FROM case_events WHERE id = $1)', [events[2].id]);
    expect(c2.rows[0].status).toBe('accepted');
    d.ws.close();
  });

  it('a server that fails on every push holds nothing; the queue is whole when it recovers', async () => {
    const d = await enrolDevice(srv, srv.url, OFFICE_A, 'W-down');
    for (let i = 0; i < 3; i++) acceptCase(d);
    const client = fastClient(d);
    down = true;
    await expect(client.pushAll()).rejects.toMatchObject({ kind: 'server' });
    expect(listHeld(d.ws.db)).toEqual([]);
    expect(outboxSize(d.ws.db)).toBe(6);
    down = false;
    await client.pushAll();
    expect(await serverEvents(d.deviceId)).toBe(6);
    d.ws.close();
  });

  it('the last entry in the queue, failing alone, is held too: listed for the window, proven by the next case, re-queued by a supervisor after the fix', async () => {
    const d = await enrolDevice(srv, srv.url, OFFICE_A, 'W-lone');
    const first = acceptCase(d);
    const decided = (d.ws.db.prepare("SELECT id FROM case_events WHERE case_id = ? AND type = 'case.decided'").get(first) as { id: string }).id;
    poisoned = new Set([decided]); // the newest entry: nothing of another case behind it
    const client = fastClient(d);
    await client.pushAll(); // no generic error: the one bad entry is named instead
    expect(await serverEvents(d.deviceId)).toBe(1);
    expect(outboxSize(d.ws.db)).toBe(0);
    expect(readSyncState(d.ws.db)?.notice).toBe(HELD_NOTICE);
    const loop = new SyncLoop(client);
    attachSync(d.ws, loop);
    const listed = await d.ws.dispatch('sync.held', {});
    const caseNumber = (d.ws.db.prepare('SELECT case_number AS n FROM cases WHERE id = ?').get(first) as { n: string }).n;
    expect(listed).toEqual({ ok: true, value: { held: [expect.objectContaining({ eventId: decided, caseNumber, type: 'case.decided', message: expect.stringContaining('中心服务器多次无法保存该记录（500 internal）') })] } });

    acceptCase(d); // the next case uploads: the server stores entries, the hold stands
    await client.pushAll();
    expect(await serverEvents(d.deviceId)).toBe(3);
    expect(listHeld(d.ws.db).map((h) => h.eventId)).toEqual([decided]);

    poisoned = new Set(); // the administrator fixed the server
    expect(await d.ws.dispatch('sync.retryHeld', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } }); // a clerk
    d.ws.session.clerk = { ...d.ws.session.clerk!, role: 'supervisor' };
    expect(await d.ws.dispatch('sync.retryHeld', {})).toMatchObject({ ok: true, value: { held: 0, pending: 0 } });
    expect(await serverEvents(d.deviceId)).toBe(4);
    expect(readSyncState(d.ws.db)?.notice).toBeNull();
    d.ws.close();
  });

  it('a lone hold is put back once the next case fails as well: a server failing every push holds nothing in the end', async () => {
    const d = await enrolDevice(srv, srv.url, OFFICE_A, 'W-lone-down');
    acceptCase(d);
    const client = fastClient(d);
    down = true;
    try {
      await client.pushAll(); // one case only: its entries are held, nothing tells the server apart yet
      expect(listHeld(d.ws.db)).toHaveLength(2);
      acceptCase(d);
      await expect(client.pushAll()).rejects.toMatchObject({ kind: 'server' }); // another case fails too: it is the server
      expect(listHeld(d.ws.db)).toEqual([]);
      expect(outboxSize(d.ws.db)).toBe(4);
      expect(readSyncState(d.ws.db)?.notice).toBeNull();
    } finally {
      down = false;
    }
    await client.pushAll();
    expect(await serverEvents(d.deviceId)).toBe(4);
    const kinds = (await srv.db.query<{ type: string }>('SELECT type FROM case_events WHERE device_id = $1 ORDER BY device_seq', [d.deviceId])).rows.map((r) => r.type);
    expect(kinds).toEqual(['case.opened', 'case.decided', 'case.opened', 'case.decided']); // in their original order
    d.ws.close();
  });

  it('an event an older version wrote with a NUL in its text uploads cleaned, its chain intact', async () => {
    const d = await enrolDevice(srv, srv.url, OFFICE_A, 'W-nul');
    const caseId = acceptCase(d);
    // As a version before text normalisation wrote it: the raw text in the file, linked as migration 006 links old events.
    const payload = { level: 'satisfied', reasonCategory: null, source: 'paper', comment: '服务\u0000好\ud800' };
    const prev = (d.ws.db.prepare("SELECT hash FROM case_events WHERE type LIKE 'case.%' ORDER BY rowid DESC LIMIT 1").get() as { hash: string }).hash;
    const e = { id: uuidv7(), caseId, type: 'case.rated', deviceTime: d.ws.now().toISOString(), staffNo: '1001', payload };
    tx(d.ws.db, () =>
      d.ws.db.prepare('INSERT INTO case_events (id, case_id, type, payload, staff_no, device_time, hash, prev_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(e.id, caseId, e.type, JSON.stringify(payload), '1001', e.deviceTime, eventHash(e, prev, sha256Hex), prev),
    );
    await fastClient(d).pushAll();
    expect(await serverEvents(d.deviceId)).toBe(3);
    const row = await srv.db.query<{ comment: string }>("SELECT payload->>'comment' AS comment FROM case_events WHERE case_id = $1 AND type = 'case.rated'", [caseId]);
    expect(row.rows[0].comment).toBe('服务好\ufffd');
    expect(Number((await srv.db.query<{ n: unknown }>('SELECT count(*) AS n FROM chain_breaks WHERE device_id = $1', [d.deviceId])).rows[0].n)).toBe(0);
    d.ws.close();
  });
});
