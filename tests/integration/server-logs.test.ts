// Server logs name ids and codes, never personal data: a push that fails with PostgreSQL
// errors whose message and detail contain the applicant's name, ID number and phone is logged
// with its SQLSTATE, table, constraint, route and device id only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, OFFICE_A, Outbox, call, enrolDevice, push, startTestServer, type TestServer } from './server-harness';
import type { Queryable } from '../../server/db/db';
import type { EnrolResponse } from '../../shared/sync/protocol';

const APPLICANT = { kind: 'person', name: '王小明', idNumber: '11010519491231002X', phone: '13800138000' };
const SECRETS = [APPLICANT.name, APPLICANT.idNumber, APPLICANT.phone];

type Fault = (tx: Queryable, entry: { payload: { applicant: typeof APPLICANT } }) => Promise<unknown>;
/** PostgreSQL errors whose text embeds the entry's values. */
const FAULTS: Record<string, Fault> = {
  // 22P02: invalid input syntax for type integer: "王小明"
  cast: (tx, e) => tx.query('SELECT $1::integer', [e.payload.applicant.name]),
  // 23514 on status_events_status_check, detail: Failing row contains (… 王小明 11010519491231002X 13800138000 …)
  check: (tx, e) => tx.query(
    `INSERT INTO status_events (id, case_id, office_code, status, reason, decided_by) VALUES (gen_random_uuid(), gen_random_uuid(), $1, 'bogus', $2, $3)`,
    [OFFICE_A, `${e.payload.applicant.idNumber} ${e.payload.applicant.phone}`, e.payload.applicant.name]),
};

describe.each(BACKENDS)('server logs on %s', (backend) => {
  let t: TestServer;
  let dev: EnrolResponse;
  let fault: Fault | null = null;
  const lines: string[] = [];
  beforeAll(async () => {
    t = await startTestServer(backend, {
      rateLimit: false,
      logStream: { write: (line) => { lines.push(line); } },
      pushHook: async (entry, tx) => { if (fault) await fault(tx, entry as never); },
    });
    dev = await enrolDevice(t);
  });
  afterAll(async () => { await t?.close(); });

  const failingPush = async (kind: keyof typeof FAULTS) => {
    lines.length = 0;
    fault = FAULTS[kind];
    const box = new Outbox();
    const caseId = box.open();
    box.add(caseId, 'case.decided', { decision: 'accept', applicant: APPLICANT });
    box.entries[0].payload.applicant = APPLICANT;
    const r = await push(t, dev, box.entries);
    fault = null;
    expect(r.status).toBe(500);
    expect(r.json.code).toBe('internal');
    for (const s of SECRETS) expect(r.text).not.toContain(s);
    const records = lines.map((l) => JSON.parse(l) as Record<string, any>);
    for (const s of SECRETS) expect(lines.join('\n')).not.toContain(s);
    return records.find((x) => x.level >= 50 && x.msg === 'request failed')!;
  };

  it('a cast error that quotes the applicant name: SQLSTATE, route and device id only', async () => {
    const rec = await failingPush('cast');
    expect(rec).toMatchObject({ deviceId: dev.deviceId, route: '/sync/v1/push', err: { code: '22P02' } });
    expect(rec.err.message).toBeUndefined();
    expect(rec.reqId).toBeTruthy();
  });

  it('a check violation whose detail holds the failing row: code, table and constraint only', async () => {
    const rec = await failingPush('check');
    expect(rec).toMatchObject({ deviceId: dev.deviceId, err: { code: '23514', table: 'status_events', constraint: 'status_events_status_check' } });
    expect(rec.err.detail).toBeUndefined();
    // The request lines name the route and status, never the body or the query string.
    const done = lines.map((l) => JSON.parse(l)).find((x) => x.msg === 'request completed');
    expect(done).toMatchObject({ deviceId: dev.deviceId, res: { statusCode: 500 } });
  });

  it('bad input (4xx) and query strings are not logged either', async () => {
    lines.length = 0;
    const bad = await push(t, dev, [{ seq: 'x', payload: { applicant: APPLICANT } }]);
    expect(bad.status).toBe(400);
    await call(t.server.url, `/sync/v1/status-events?after=0&note=${encodeURIComponent(APPLICANT.name)}`, { token: dev.deviceToken });
    const text = lines.join('\n');
    for (const s of [...SECRETS, encodeURIComponent(APPLICANT.name)]) expect(text).not.toContain(s);
    expect(text).toContain('/sync/v1/status-events');
  });
});
