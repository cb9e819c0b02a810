// The references of cases and events to their device and office, checked per statement since
// server migration 010, refuse what the foreign keys refused: a row naming a device or office
// that does not exist, and deleting or renumbering one that rows still name (SQLSTATE 23503).
// A case whose facts the dashboard counts is not deleted either.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../server/db/db';
import { BACKENDS, OFFICE_A, OFFICE_B, openTestDb, seedOffices } from './server-harness';

const DEVICE = '0190a000-0000-7000-8000-0000000000d1';
const OTHER_DEVICE = '0190a000-0000-7000-8000-0000000000d2';
const UNKNOWN = '0190a000-0000-7000-8000-0000000000ff';
let n = 0;
const caseId = () => `0190a000-0000-7000-8000-${String(++n).padStart(12, '0')}`;

const insertCase = (db: Db, id: string, device = DEVICE, office = OFFICE_A) =>
  db.query(
    `INSERT INTO cases (id, office_code, device_id, item_code, status, created_device_time, state)
     VALUES ($1, $2, $3, 'T0000000001', 'accepted', now(), jsonb_build_object('status', 'accepted', 'itemCode', 'T0000000001'))`,
    [id, office, device],
  );
const insertEvent = (db: Db, id: string, caseOf: string, seq: number, device = DEVICE) =>
  db.query(
    `INSERT INTO case_events (id, case_id, device_id, device_seq, type, payload, device_time) VALUES ($1, $2, $3, $4, 'case.opened', '{}', now())`,
    [id, caseOf, device, seq],
  );
const code = (p: Promise<unknown>) => p.then(() => 'ok', (err: { code?: string }) => err.code);

describe.each(BACKENDS)('references of cases and events (%s)', (kind) => {
  let db: Db;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ db, drop } = await openTestDb(kind));
    await seedOffices(db);
    for (const [id, office] of [[DEVICE, OFFICE_A], [OTHER_DEVICE, OFFICE_B]]) {
      await db.query(`INSERT INTO devices (id, office_code, window_code, name, token_hash) VALUES ($1, $2, '01', '测试设备', $3)`, [id, office, id]);
    }
  });
  afterAll(() => drop());

  it('a case or event naming a device or office that does not exist is refused, in a batch too', async () => {
    expect(await code(insertCase(db, caseId(), UNKNOWN))).toBe('23503');
    expect(await code(insertCase(db, caseId(), DEVICE, '999999'))).toBe('23503');
    const ok = caseId();
    expect(await code(insertCase(db, ok))).toBe('ok');
    expect(await code(insertEvent(db, caseId(), ok, 1, UNKNOWN))).toBe('23503');
    // One statement, many rows: one bad row refuses the statement, as a per-row key would.
    const good = caseId();
    const bad = caseId();
    expect(await code(db.query(
      `INSERT INTO cases (id, office_code, device_id, item_code, status, created_device_time)
       VALUES ($1, $3, $4, 'T1', 'accepted', now()), ($2, $3, $5, 'T1', 'accepted', now())`, [good, bad, OFFICE_A, DEVICE, UNKNOWN]))).toBe('23503');
    expect((await db.query('SELECT 1 FROM cases WHERE id = ANY($1::uuid[])', [[good, bad]])).rows).toEqual([]);
    expect(await code(insertEvent(db, caseId(), caseId(), 2))).toBe('23503'); // its case: still a foreign key
    // A case and its events in one statement (a push's prepared batch): the key is checked at its end.
    const both = caseId();
    expect(await code(db.query(
      `WITH c AS (INSERT INTO cases (id, office_code, device_id, item_code, status, created_device_time) VALUES ($1, $2, $3, 'T1', 'accepted', now()))
       INSERT INTO case_events (id, case_id, device_id, device_seq, type, payload, device_time) VALUES ($4, $1, $3, 3, 'case.opened', '{}', now())`,
      [both, OFFICE_A, DEVICE, caseId()]))).toBe('ok');
  });

  it('a case cannot be moved to a device or office that does not exist', async () => {
    const id = caseId();
    await insertCase(db, id);
    expect(await code(db.query('UPDATE cases SET device_id = $2 WHERE id = $1', [id, UNKNOWN]))).toBe('23503');
    expect(await code(db.query(`UPDATE cases SET office_code = '999999' WHERE id = $1`, [id]))).toBe('23503');
    expect(await code(db.query('UPDATE cases SET device_id = $2, office_code = $3 WHERE id = $1', [id, OTHER_DEVICE, OFFICE_B]))).toBe('ok');
  });

  it('a device or office that cases or events name is neither deleted nor renumbered', async () => {
    const id = caseId();
    await insertCase(db, id);
    await insertEvent(db, caseId(), id, 10);
    expect(await code(db.query('DELETE FROM devices WHERE id = $1', [DEVICE]))).toBe('23503');
    expect(await code(db.query('UPDATE devices SET id = $2 WHERE id = $1', [DEVICE, UNKNOWN]))).toBe('23503');
    // An office without windows (those are still foreign keys), named by one case only.
    await db.query(`INSERT INTO offices (code, name, level, address) VALUES ('999998', '测试中心', 'county', '沈阳市')`);
    await insertCase(db, caseId(), DEVICE, '999998');
    expect(await code(db.query(`DELETE FROM offices WHERE code = '999998'`))).toBe('23503');
    expect(await code(db.query(`UPDATE offices SET code = '999997' WHERE code = '999998'`))).toBe('23503');
    expect((await db.query('SELECT 1 FROM devices WHERE id = $1', [DEVICE])).rows).toHaveLength(1);
    // A device nothing names may go.
    const spare = '0190a000-0000-7000-8000-0000000000d3';
    await db.query(`INSERT INTO devices (id, office_code, window_code, name, token_hash) VALUES ($1, $2, '01', '备用', $3)`, [spare, OFFICE_A, spare]);
    expect(await code(db.query('DELETE FROM devices WHERE id = $1', [spare]))).toBe('ok');
  });

  it('a case whose facts are counted is not deleted; without its facts and events it is', async () => {
    const id = caseId();
    await insertCase(db, id);
    expect((await db.query('SELECT 1 FROM case_facts WHERE case_id = $1', [id])).rows).toHaveLength(1);
    expect(await code(db.query('DELETE FROM cases WHERE id = $1', [id]))).toBe('23503');
    await db.query('DELETE FROM case_facts WHERE case_id = $1', [id]);
    expect(await code(db.query('DELETE FROM cases WHERE id = $1', [id]))).toBe('ok');
  });
});
