// No entry can wedge a window's upload queue. An outsider's client pushes typed window events
// of every kind and every variant (tests/helpers/wildEntries.ts) with one field — any field the
// push schema knows, envelope or payload, at any depth, present in the entry or not — replaced
// by arbitrary JSON and Unicode (NUL, lone surrogates, bidi overrides, dates PostgreSQL refuses,
// numbers beyond every column, runaway nesting, new keys) or removed, each behind a valid
// history of its own case. On both back ends: never a 5xx; the bad entry is refused alone (as
// invalid_event exactly when the push schema refuses it), every entry around it is applied;
// whatever the schema admits is stored, its text as normalised, and the back office can read
// the case. The generator is ours (tests/helpers/wildValues.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { v7 as uuidv7 } from 'uuid';
import { BACKENDS, call, enrolDevice, fullPayload, nowIso, push, staff, startTestServer, type StaffClient, type TestServer } from './server-harness';
import { PushEntry } from '../../shared/sync/protocol';
import { WINDOW_EVENT_TYPES } from '../../shared/domain/caseEvents';
import { normalizeDeep } from '../../shared/text/normalize';
import { canonicalJson } from '../../shared/sync/chain';
import { FIELDS, TEMPLATES, instantiate, templatesOf, uncovered, type Entry, type Template } from '../helpers/wildEntries';
import { slotOf, type Field, type Slot } from '../helpers/schemaPaths';
import { nearValue, wildJson, wildKey } from '../helpers/wildValues';

/** Fields a mutation may hit: all but the seq (the batch's own numbering, checked for the whole batch). */
const TARGETS = Object.fromEntries(WINDOW_EVENT_TYPES.map((type) => [type, FIELDS[type].fields.filter((f) => f.name !== 'seq')])) as Record<Entry['type'], Field[]>;
/** For each field, the templates that hold the container it sits in (the field itself may be absent). */
const HOLDERS = new Map<Field, Template[]>(
  WINDOW_EVENT_TYPES.flatMap((type) => {
    const made = templatesOf(type).map((t) => [t, instantiate(t, 1).at(-1)!] as const);
    return TARGETS[type].map((f) => [f, made.filter(([, e]) => slotOf(e, f.path, () => 0, 'k')).map(([t]) => t)] as const);
  }),
);
/** Runs of the property: 150 take about 5 s per back end on a quiet machine; PUSH_PROPERTY_RUNS=3000 searches deeper. */
const RUNS = Number(process.env.PUSH_PROPERTY_RUNS ?? 150);
/** Six wild entries of this size stay within a request body. */
const fitsABatch = (v: unknown) => Buffer.byteLength(JSON.stringify(v) ?? '') <= 250_000;

/** A valid event of the same case after each wild one (a rating follows almost anything). */
const FOLLOW_UP: Record<Entry['type'], Entry['type']> = {
  'case.opened': 'case.decided', 'case.decided': 'case.rated', 'case.supplemented': 'case.completed', 'case.completed': 'case.delivered',
  'case.terminated': 'case.rated', 'case.delivered': 'case.rated', 'case.rated': 'case.pagesAttached', 'case.pagesAttached': 'case.rated',
};

/** A field by its type and name (a counterexample names the field rather than printing its schema). */
const fieldNamed = (type: Entry['type'], name: string) => TARGETS[type].find((f) => f.name === name)!;

const mutation = fc.constantFrom(...WINDOW_EVENT_TYPES).chain((type) =>
  fc.constantFrom(...TARGETS[type]).chain((field) =>
    fc.record({
      type: fc.constant(type),
      field: fc.constant(field.name),
      template: fc.nat(),
      pick: fc.nat(),
      how: fc.constantFrom('set', 'set', 'set', 'delete', 'addKey') as fc.Arbitrary<'set' | 'delete' | 'addKey'>,
      key: wildKey,
      // Mostly a value of the field's own kind: those are the ones the schema may admit, and must then store.
      value: fc.oneof({ weight: 2, arbitrary: nearValue(field.schema) }, { weight: 1, arbitrary: wildJson }).filter(fitsABatch),
    }),
  ),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

const own = (o: object, key: string | number, value: unknown) => Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
/** Sets, removes or adds to the slot's value (a key such as `__proto__` stays a key). */
function change({ parent, key }: Slot, m: Mutation) {
  // Own values only: a new record key '__proto__' must not reach Object.prototype.
  const here = Object.hasOwn(parent, key) ? parent[key] : undefined;
  if (m.how === 'delete') {
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete parent[key];
  } else if (m.how === 'addKey' && here && typeof here === 'object' && !Array.isArray(here)) own(here, m.key, m.value);
  else if (Array.isArray(parent)) parent[Number(key)] = m.value;
  else own(parent, key, m.value);
}

/** What the schema decides of an entry as the server receives it: JSON on the wire, then normalised. */
const admits = (sent: unknown) => {
  const n = normalizeDeep(sent, 'replace');
  return n.issues.length === 0 && PushEntry.safeParse(n.value).success;
};

it('the templates carry every field and every variant of every window event type the push schema knows', () => {
  // The walk itself finds what the templates once missed (so an empty list cannot pass).
  const names = (type: Entry['type']) => FIELDS[type].fields.map((f) => f.name);
  expect(names('case.opened')).toEqual(expect.arrayContaining(['payload.itemName', 'payload.agent.name', 'payload.applicant<kind=organisation>.creditCode', 'payload.marks.*.copies', 'staffNo', 'hash']));
  expect(names('case.decided')).toEqual(expect.arrayContaining(['payload.redirectTo.places[].phone', 'payload.supplementDeadline', 'payload.subCenterCode']));
  expect(FIELDS['case.decided'].coverage).toEqual(expect.arrayContaining(['payload.decision = redirect', 'payload.tier = within120', 'payload.tier = null']));
  expect(names('case.pagesAttached')).toEqual(expect.arrayContaining(['payload.pages[].reusedFromCaseId', 'payload.supplement']));
  for (const type of WINDOW_EVENT_TYPES) expect(uncovered(type), `${type}: fields or variants no template carries`).toEqual([]);
  // Every template and its history are entries the schema admits as they are.
  for (const t of TEMPLATES) {
    for (const e of instantiate(t, 1)) expect(PushEntry.safeParse(e).error?.issues ?? [], `${t.type} ${JSON.stringify(t.payload)}`).toEqual([]);
  }
});

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

  /** Puts a case in the test reviewer's department (its item is in no catalogue) and reads it as the back office. */
  const readAsBackOffice = async (caseId: string) => {
    await t.db.query("UPDATE cases SET department_code = 'SCJG' WHERE id = $1", [caseId]);
    return reviewer.get(`/cases/${caseId}`);
  };

  it('every template, pushed as it is, is applied and readable', async () => {
    const dev = await enrolDevice(t);
    const batch: Entry[] = [];
    for (const tmpl of TEMPLATES) batch.push(...instantiate(tmpl, batch.length + 1));
    const r = await push(t, dev, batch);
    expect(r.status, r.text).toBe(200);
    expect(r.json.rejected, JSON.stringify(r.json.rejected).slice(0, 500)).toEqual([]);
    expect(r.json).toMatchObject({ appliedThrough: batch.length, applied: batch.length });
    for (const caseId of new Set(batch.map((e) => e.caseId))) {
      const detail = await readAsBackOffice(caseId);
      expect(detail.status, detail.text).toBe(200);
    }
  });

  it('property: one wild field per entry, any field of any variant, valid neighbours around it', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 6 }), async (mutations) => {
        const dev = await enrolDevice(t);
        const batch: Entry[] = [];
        const neighbours: string[] = [];
        const wildOnes: Entry[] = [];
        const followUps: Entry[] = [];
        for (const m of mutations) {
          const field = fieldNamed(m.type, m.field);
          const holders = HOLDERS.get(field)!;
          const entries = instantiate(holders[m.template % holders.length], batch.length + 1);
          const e = entries.at(-1)!;
          const { caseId, type } = e;
          change(slotOf(e, field.path, (n) => m.pick % n, m.key)!, m);
          batch.push(...entries);
          neighbours.push(...entries.slice(0, -1).map((x) => x.id));
          wildOnes.push(e);
          // The case goes on after it: the next event is judged against whatever it left (or did not).
          const after = { seq: batch.length + 1, id: uuidv7(), caseId, type: FOLLOW_UP[type], payload: fullPayload(FOLLOW_UP[type]), deviceTime: nowIso(), staffNo: '1001' } as Entry;
          batch.push(after);
          followUps.push(after);
          // A valid event of another case after it: the queue goes on.
          const next = { seq: batch.length + 1, id: uuidv7(), caseId: uuidv7(), type: 'case.opened', payload: fullPayload('case.opened'), deviceTime: nowIso(), staffNo: '1001' } as Entry;
          batch.push(next);
          neighbours.push(next.id);
        }

        const r = await push(t, dev, batch);
        expect(r.status, r.text).toBe(200);
        expect(r.json.appliedThrough).toBe(batch.length);
        const rejected = new Map<number, string>(r.json.rejected.map((x: { seq: number; code: string }) => [x.seq, x.code]));
        // A mutated id may repeat another entry's (fast-check likes small uuids): then the other may hold it.
        const idOf = (e: Entry) => (typeof e.id === 'string' ? e.id.toLowerCase() : '');
        const uses = new Map<string, number>();
        for (const e of batch) uses.set(idOf(e), (uses.get(idOf(e)) ?? 0) + 1);
        const stored = new Set((await t.db.query<{ id: string }>('SELECT id::text FROM case_events WHERE device_id = $1', [dev.deviceId])).rows.map((x) => x.id));

        for (const id of neighbours) expect(stored.has(id), `neighbour ${id}`).toBe(true);
        // A valid entry: refused at most because the case's state does not allow it.
        for (const e of followUps) expect(['applied', 'invalid_transition', 'case_not_found']).toContain(rejected.get(e.seq) ?? 'applied');
        for (const e of wildOnes) {
          const sent = JSON.parse(JSON.stringify(e)) as Entry; // as the server receives it (NaN → null, -0 → 0)
          const code = rejected.get(e.seq);
          const shown = JSON.stringify(sent).slice(0, 400);
          expect(code, shown).not.toBe('storage_failed');
          expect(code === 'invalid_event', `${shown}: invalid_event exactly when the schema refuses`).toBe(!admits(sent));
          const id = idOf(sent);
          if (code === undefined) {
            // Stored, its text normalised, and readable by the back office.
            expect(stored.has(id), shown).toBe(true);
            const row = await t.db.query<{ payload: unknown }>('SELECT payload FROM case_events WHERE id = $1', [id]);
            expect(canonicalJson(row.rows[0].payload)).toBe(canonicalJson((normalizeDeep(sent, 'replace').value as Entry).payload));
            const detail = await readAsBackOffice(sent.caseId.toLowerCase());
            expect(detail.status, detail.text).toBe(200);
          } else if (uses.get(id) === 1) expect(stored.has(id), shown).toBe(false);
        }
      }),
      { numRuns: RUNS },
    );
  }, Math.max(60_000, RUNS * 100));

  it('a chained entry whose 工号 or id is not text is refused alone, its link recorded as altered (it once failed the whole push)', async () => {
    const dev = await enrolDevice(t);
    const chained = TEMPLATES.find((x) => x.type === 'case.opened' && x.envelope.chain === 'first')!;
    const batch: Entry[] = [];
    const wild: Array<[string, unknown]> = [['staffNo', ['申请人']], ['staffNo', { 名: 1 }], ['id', { toString: 1 }], ['caseId', { valueOf: '字' }]];
    for (const [field, value] of wild) {
      const e = instantiate(chained, batch.length + 1).at(-1)!;
      e[field] = value;
      batch.push(e, { seq: batch.length + 2, id: uuidv7(), caseId: uuidv7(), type: 'case.opened', payload: fullPayload('case.opened'), deviceTime: nowIso(), staffNo: '1001' });
    }
    const r = await push(t, dev, batch);
    expect(r.status, r.text).toBe(200);
    expect(r.json).toMatchObject({ appliedThrough: batch.length, applied: wild.length });
    expect(r.json.rejected.map((x: { seq: number; code: string }) => [x.seq, x.code])).toEqual(wild.map((_, i) => [2 * i + 1, 'invalid_event']));
    const breaks = await t.db.query<{ seq: string; kind: string }>('SELECT seq::text, kind FROM chain_breaks WHERE device_id = $1 ORDER BY seq', [dev.deviceId]);
    expect(breaks.rows.filter((b) => b.kind === 'altered').map((b) => Number(b.seq))).toEqual(wild.map((_, i) => 2 * i + 1));
  });

  it('a payload that a __proto__ key carries past 64 KB is refused, by the server and by PushEntry alike', async () => {
    const dev = await enrolDevice(t);
    const payload = fullPayload('case.opened');
    Object.defineProperty(payload, '__proto__', { value: { note: '字'.repeat(30_000) }, enumerable: true });
    const wild = { seq: 1, id: uuidv7(), caseId: uuidv7(), type: 'case.opened', payload, deviceTime: nowIso(), staffNo: '1001' };
    const next = { seq: 2, id: uuidv7(), caseId: uuidv7(), type: 'case.opened', payload: fullPayload('case.opened'), deviceTime: nowIso(), staffNo: '1001' };
    expect(PushEntry.safeParse(wild).error?.issues.map((i) => i.message)).toEqual(['事件内容超过 64 KB']);
    const r = await push(t, dev, [wild, next]);
    expect(r.status, r.text).toBe(200);
    expect(r.json).toMatchObject({ appliedThrough: 2, applied: 1, rejected: [{ seq: 1, code: 'invalid_event' }] });
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
