// No entry can wedge a window's upload queue. An outsider's client pushes typed window events
// of every kind with one field — envelope or payload, at any depth — replaced by arbitrary JSON
// and Unicode (NUL, lone surrogates, bidi overrides, dates PostgreSQL refuses, numbers beyond
// every column, runaway nesting, new keys), each behind a valid history of its own case. On both
// back ends: never a 5xx; the bad entry is refused alone (as invalid_event exactly when the push
// schema refuses it), every entry around it is applied; whatever the schema admits is stored,
// its text as normalised, and the back office can read the case. The generator is ours.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { v7 as uuidv7 } from 'uuid';
import { BACKENDS, call, enrolDevice, fullPayload, nowIso, push, staff, startTestServer, type StaffClient, type TestServer } from './server-harness';
import { PushEntry, type CaseEventType } from '../../shared/sync/protocol';
import { WINDOW_EVENT_TYPES } from '../../shared/domain/caseEvents';
import { normalizeDeep } from '../../shared/text/normalize';
import { canonicalJson } from '../../shared/sync/chain';

type Entry = Record<string, unknown> & { seq: number; id: string; caseId: string; type: string; payload: Record<string, unknown> };

/** A legal history that puts a new case where an event of `type` may follow. */
const PREFIX: Record<CaseEventType, Array<[CaseEventType, Record<string, unknown>]>> = {
  'case.opened': [],
  'case.decided': [['case.opened', {}]],
  'case.supplemented': [['case.opened', {}], ['case.decided', { decision: 'acceptWithDeferral' }]],
  'case.completed': [['case.opened', {}], ['case.decided', { decision: 'accept' }]],
  'case.terminated': [['case.opened', {}], ['case.decided', { decision: 'acceptWithDeferral' }]],
  'case.delivered': [['case.opened', {}], ['case.decided', { decision: 'accept' }], ['case.completed', {}]],
  'case.rated': [['case.opened', {}], ['case.decided', { decision: 'accept' }]],
  'case.pagesAttached': [['case.opened', {}], ['case.decided', { decision: 'accept' }]],
};
/** A complete, valid template of each type (decided as the history above expects). */
const TEMPLATE: Record<CaseEventType, Record<string, unknown>> = {
  'case.opened': fullPayload('case.opened', { marks: { m1: { mark: 'missing', note: '未带' } }, answers: { s1: 'a' } }),
  'case.decided': fullPayload('case.decided', { missing: [{ materialId: 'm1', status: 'missing', note: '未带' }] }),
  'case.supplemented': fullPayload('case.supplemented', { materialIds: ['m1'], note: '已补交' }),
  'case.completed': fullPayload('case.completed'),
  'case.terminated': fullPayload('case.terminated'),
  'case.delivered': fullPayload('case.delivered', { receiverIdNumber: '11010519491231002X' }),
  'case.rated': fullPayload('case.rated', { comment: '很好' }),
  'case.pagesAttached': fullPayload('case.pagesAttached'),
};

const nasty = fc.constantFrom(
  '\u0000', 'a\u0000b', '\ud800', 'x\udfff', '\uffff', '\u202e申请人', '\ufeff', '\r\n', '0000-01-01T00:00:00Z', '2026-01-01T00:00:00+23:59',
  '2026-02-30', '9999-12-31T23:59:59Z', '', ' ', 'x'.repeat(3000), '__proto__', 'constructor', '{"a":1}', '1e999',
);
const wildString = fc.oneof(fc.string({ unit: 'binary', maxLength: 60 }), nasty, fc.string({ unit: 'grapheme', maxLength: 30 }));
const wildNumber = fc.oneof(fc.double(), fc.integer(), fc.constantFrom(2 ** 31, 2 ** 53, -1, 1e308, -0, 5e-324, 0.5));
const nested = fc.integer({ min: 1, max: 60 }).map((d) => {
  let v: unknown = '底';
  for (let i = 0; i < d; i++) v = i % 2 ? [v] : { k: v };
  return v;
});
const wild = fc.oneof(wildString, wildNumber, fc.boolean(), fc.constant(null), fc.jsonValue({ maxDepth: 3 }), nested, fc.dictionary(wildString, wildString, { maxKeys: 3 }));

/** Every path to a value inside an entry (the seq is the envelope's own, never an entry's field). */
function paths(v: unknown, at: Array<string | number> = []): Array<Array<string | number>> {
  const here = at.length ? [at] : [];
  if (Array.isArray(v)) return [...here, ...v.flatMap((x, i) => paths(x, [...at, i]))];
  if (v && typeof v === 'object') return [...here, ...Object.entries(v).flatMap(([k, x]) => paths(x, [...at, k]))];
  return here;
}
function setPath(target: Record<string, unknown>, path: Array<string | number>, value: unknown, how: 'set' | 'delete' | 'addKey', key: string) {
  let o = target as Record<string | number, unknown>;
  for (const p of path.slice(0, -1)) o = o[p] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (how === 'delete' && !Array.isArray(o)) delete o[last];
  else if (how === 'addKey' && o[last] && typeof o[last] === 'object' && !Array.isArray(o[last])) Object.defineProperty(o[last], key, { value, enumerable: true, writable: true, configurable: true });
  else o[last] = value;
}

const mutation = fc.record({
  type: fc.constantFrom(...WINDOW_EVENT_TYPES),
  pick: fc.nat(),
  how: fc.constantFrom('set', 'set', 'set', 'delete', 'addKey') as fc.Arbitrary<'set' | 'delete' | 'addKey'>,
  key: wildString,
  value: wild,
  // Most often a value of the field's own kind: those are the ones the schema may admit, and must then store.
  sameKind: fc.boolean(),
  text: wildString,
  number: wildNumber,
});
const get = (o: unknown, path: Array<string | number>) => path.reduce<unknown>((v, p) => (v as Record<string | number, unknown>)?.[p], o);

describe.each(BACKENDS)('every storable push entry is stored, every other refused alone, on %s', (backend) => {
  let t: TestServer;
  let reviewer: StaffClient;
  beforeAll(async () => {
    t = await startTestServer(backend, { rateLimit: false });
    reviewer = await staff(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('property: one wild field per entry, valid neighbours around it', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 6 }), async (mutations) => {
        const dev = await enrolDevice(t);
        const batch: Entry[] = [];
        const neighbours: string[] = [];
        const wildOnes: Entry[] = [];
        const add = (caseId: string, type: CaseEventType, payload: Record<string, unknown>) => {
          const e: Entry = { seq: batch.length + 1, id: uuidv7(), caseId, type, payload, deviceTime: nowIso(), staffNo: '1001' };
          batch.push(e);
          return e;
        };
        for (const m of mutations) {
          const caseId = uuidv7();
          for (const [type, given] of PREFIX[m.type]) neighbours.push(add(caseId, type, fullPayload(type, given)).id);
          const e = add(caseId, m.type, structuredClone(TEMPLATE[m.type]));
          const all = paths(e).filter((p) => p[0] !== 'seq');
          const path = all[m.pick % all.length];
          const was = get(e, path);
          const value = !m.sameKind ? m.value : typeof was === 'string' ? m.text : typeof was === 'number' ? m.number : m.value;
          setPath(e, path, value, m.how, m.key);
          wildOnes.push(e);
          // A valid event of another case after it: the queue goes on.
          neighbours.push(add(uuidv7(), 'case.opened', fullPayload('case.opened')).id);
        }

        const r = await push(t, dev, batch);
        expect(r.status, r.text).toBe(200);
        expect(r.json.appliedThrough).toBe(batch.length);
        const rejected = new Map<number, string>(r.json.rejected.map((x: { seq: number; code: string }) => [x.seq, x.code]));
        const stored = new Set((await t.db.query<{ id: string }>('SELECT id FROM case_events WHERE device_id = $1', [dev.deviceId])).rows.map((x) => x.id));

        for (const id of neighbours) expect(stored.has(id), `neighbour ${id}`).toBe(true);
        for (const e of wildOnes) {
          const code = rejected.get(e.seq);
          const admitted = PushEntry.safeParse(normalizeDeep(e, 'replace').value).success && normalizeDeep(e, 'replace').issues.length === 0;
          expect(code, JSON.stringify(e).slice(0, 300)).not.toBe('storage_failed');
          if (!admitted) expect(code).toBe('invalid_event');
          if (code === undefined) {
            // Stored, its text normalised, and readable by the back office.
            expect(stored.has(e.id)).toBe(true);
            const row = await t.db.query<{ payload: unknown }>('SELECT payload FROM case_events WHERE id = $1', [e.id]);
            expect(canonicalJson(row.rows[0].payload)).toBe(canonicalJson((normalizeDeep(e, 'replace').value as Entry).payload));
            // (Its item is in no catalogue, so no department: put it in the test reviewer's to read it.)
            await t.db.query("UPDATE cases SET department_code = 'SCJG' WHERE id = $1", [e.caseId]);
            const detail = await reviewer.get(`/cases/${e.caseId}`);
            expect(detail.status, detail.text).toBe(200);
          } else expect(stored.has(e.id)).toBe(false);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('the wedge that started it: a NUL and a lone surrogate in a material note are stored, cleaned', async () => {
    const dev = await enrolDevice(t);
    const caseId = uuidv7();
    const batch = [
      { seq: 1, id: uuidv7(), caseId, type: 'case.opened', payload: fullPayload('case.opened', { marks: { m1: { mark: 'defective', note: '复印件\u0000模糊\ud83d' } } }), deviceTime: nowIso(), staffNo: '1001' },
      { seq: 2, id: uuidv7(), caseId, type: 'case.decided', payload: fullPayload('case.decided', { decision: 'notifyMissing' }), deviceTime: nowIso(), staffNo: '1001' },
    ];
    const r = await push(t, dev, batch);
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ appliedThrough: 2, applied: 2, rejected: [] });
    const note = await t.db.query<{ note: string }>("SELECT payload->'marks'->'m1'->>'note' AS note FROM case_events WHERE id = $1", [batch[0].id]);
    expect(note.rows[0].note).toBe('复印件模糊\ufffd');
  });

  it('a body nested beyond any entry is refused whole with a precise 400, nothing stored', async () => {
    const dev = await enrolDevice(t);
    const body = `{"deviceId":"${dev.deviceId}","batch":[{"seq":1,"payload":${'['.repeat(200_000)}${']'.repeat(200_000)}}]}`; // 400 KB
    const r = await call(t.server.url, '/sync/v1/push', { token: dev.deviceToken, raw: body });
    expect(r.status).toBe(400);
    expect(r.json).toMatchObject({ code: 'invalid_input' });
    const again = await push(t, dev, [{ seq: 1, id: uuidv7(), caseId: uuidv7(), type: 'case.opened', payload: fullPayload('case.opened'), deviceTime: nowIso(), staffNo: '1001' }]);
    expect(again.json).toMatchObject({ appliedThrough: 1, applied: 1 });
  });
});
