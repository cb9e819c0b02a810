// Valid push entries of every window event type, in every variant the push schema knows: each
// decision kind, each applicant kind, an agent, every mark, tier, delivery method, rating level
// and source, every optional field present somewhere, the envelope with and without a 工号 and
// a chain link. The push property test (tests/integration/push-storable.test.ts) mutates one
// field of one of them; its coverage test checks against the schema that nothing is missing.
import { createHash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import { PushEntryFields, type CaseEventType } from '../../shared/sync/protocol';
import { WINDOW_EVENT_TYPES } from '../../shared/domain/caseEvents';
import { eventHash } from '../../shared/sync/chain';
import { chinaDay } from '../../shared/time';
import { fullPayload, nowIso } from '../integration/server-harness';
import { coverageOf, fieldsOf, type Field } from './schemaPaths';

export type Entry = Record<string, unknown> & { seq: number; id: string; caseId: string; type: CaseEventType; payload: Record<string, unknown>; deviceTime: string };

/** The envelope beyond seq/id/caseId/type/payload: 工号 given (default '1001') and chain link. */
interface Envelope {
  staffNo?: string | null;
  /** 'first': the entry's link starts a chain; 'next': it continues the link of the entry just before it. */
  chain?: 'first' | 'next';
}
export interface Template {
  type: CaseEventType;
  /** Events of the same case before it (valid payloads, filled in by fullPayload). */
  history: Array<[CaseEventType, Record<string, unknown>]>;
  payload: Record<string, unknown>;
  envelope: Envelope;
}

const today = () => chinaDay(new Date());
const PAGE = { pageId: 'p-1', materialId: 'm1', sha256: 'a'.repeat(64), bytes: 30_000, contentType: 'image/jpeg', width: 1240, height: 1754, colour: 'grey', takenAt: '2026-01-01T01:00:00.000Z' };
const PLACE = { name: '沈阳市公安局出入境管理分中心', address: '沈阳市和平区南京南街1号', phone: '024-00000000' };
const OPENED: Array<[CaseEventType, Record<string, unknown>]> = [['case.opened', {}]];
const ACCEPTED: Array<[CaseEventType, Record<string, unknown>]> = [...OPENED, ['case.decided', { decision: 'accept' }]];
const DEFERRED: Array<[CaseEventType, Record<string, unknown>]> = [...OPENED, ['case.decided', { decision: 'acceptWithDeferral' }]];

/** The payloads, by type; each type's envelopes rotate through ENVELOPES (so each type needs three or more). */
const PAYLOADS: Record<CaseEventType, Array<{ history: Template['history']; payload: Record<string, unknown> }>> = {
  'case.opened': [
    {
      history: [],
      payload: {
        itemName: '食品经营许可（新办）', answers: { s1: 'a', s2: '否' },
        marks: {
          m1: { mark: 'missing', note: '未带' }, m2: { mark: 'defective', copies: 2, note: '复印件模糊' }, m3: { mark: 'verified', copies: 1 },
          m4: { mark: 'copyReceived', copies: 3 }, m5: { mark: 'eCert' }, m6: { mark: 'pledged' }, m7: { mark: 'deferred', note: '承诺三日内补交' },
        },
      },
    },
    {
      history: [],
      payload: {
        applicant: { kind: 'organisation', name: '沈阳一窗餐饮有限公司', creditCode: '91210102MA0000000X', legalRepresentative: '李四', phone: '024-23456789' },
        agent: { name: '王五', idNumber: '110105194912310037', phone: '13900139000' },
      },
    },
    { history: [], payload: { applicant: { kind: 'visitor', name: '访客', phone: '13700137000' }, itemName: '' } },
  ],
  'case.decided': [
    { history: OPENED, payload: { decision: 'accept', tier: 'within30' } },
    { history: OPENED, payload: { decision: 'accept', tier: 'within60', promisedDate: '2026-12-31' } },
    { history: OPENED, payload: { decision: 'accept', tier: 'within120' } },
    { history: OPENED, payload: { decision: 'acceptWithDeferral', commitment: '申请人承诺五个工作日内补交', supplementDeadline: '2026-12-31', promisedDate: '2027-01-15', missing: [{ materialId: 'm7', status: 'deferred', note: null }] } },
    {
      history: OPENED,
      payload: { decision: 'notifyMissing', missing: [{ materialId: 'm1', status: 'missing', note: '未带' }, { materialId: 'm2', status: 'defective', note: '复印件模糊' }, { materialId: 'm3', status: 'unchecked', note: null }] },
    },
    { history: OPENED, payload: { decision: 'refuse', reason: '不属于本中心受理范围', applyTo: '市场监督管理局' } },
    { history: OPENED, payload: { decision: 'redirect', reason: '本级不受理该事项', applyTo: '出入境分中心', subCenterCode: 'CRJ', redirectTo: { ...PLACE, places: [PLACE, { ...PLACE, name: '浑南分中心', phone: '' }] } } },
  ],
  'case.supplemented': [
    { history: DEFERRED, payload: { materialIds: ['m1', 'm7'], note: '已补交' } },
    { history: DEFERRED, payload: { materialIds: [], note: '' } },
    { history: DEFERRED, payload: { materialIds: ['m1'], note: '补交原件' } },
  ],
  'case.completed': [
    { history: ACCEPTED, payload: { elapsedSeconds: 60 } },
    { history: [...OPENED, ['case.decided', { decision: 'accept', tier: 'within30' }]], payload: { elapsedSeconds: 1500, tier: 'within30' } },
    { history: [...OPENED, ['case.decided', { decision: 'accept', tier: 'within60' }]], payload: { elapsedSeconds: 0, tier: 'within60' } },
    { history: [...OPENED, ['case.decided', { decision: 'accept', tier: 'within120' }]], payload: { elapsedSeconds: 315_360_000, tier: 'within120' } },
  ],
  'case.terminated': [
    { history: DEFERRED, payload: { reason: '逾期未补正' } },
    { history: DEFERRED, payload: { reason: '申请人撤回申请' } },
    { history: DEFERRED, payload: { reason: '逾期未补正，办件终止' } },
  ],
  'case.delivered': [
    { history: [...ACCEPTED, ['case.completed', {}]], payload: { method: 'applicant', label: '申请人本人领取', receiver: '张三', receiverIdNumber: '11010519491231002X', receiverIdType: '居民身份证' } },
    { history: ACCEPTED, payload: { method: 'agent', label: '代理人领取', receiver: '王五', receiverIdNumber: 'E12345678', receiverIdType: '护照' } },
    { history: [...ACCEPTED, ['case.completed', {}]], payload: { method: 'post', label: '邮寄送达', receiver: '张三', trackingNumber: 'SF1234567890123' } },
  ],
  'case.rated': [
    { history: ACCEPTED, payload: { level: 'verySatisfied', source: 'screen' } },
    { history: ACCEPTED, payload: { level: 'satisfied', source: 'secondScreen', reasonCategory: '服务热情', reasons: [{ code: 'G01', text: '服务热情' }, { code: 'G02', text: '办事快' }] } },
    { history: [...OPENED, ['case.decided', { decision: 'refuse' }]], payload: { level: 'basicallySatisfied', source: 'paper', formDate: today(), formNumber: 'PJ-2026-0001', comment: '还行' } },
    { history: ACCEPTED, payload: { level: 'dissatisfied', source: 'screen', reasonCategory: '等候时间长', reasons: [{ code: 'B01', text: '等候时间长' }], comment: '排队太久' } },
    { history: ACCEPTED, payload: { level: 'veryDissatisfied', source: 'paper', reasonCategory: '态度差', reasons: [{ code: 'B02', text: '态度差' }], formDate: today(), formNumber: 'PJ-2026-0002', comment: '' } },
  ],
  'case.pagesAttached': [
    { history: ACCEPTED, payload: { pages: [PAGE, { ...PAGE, pageId: 'p-2', sha256: 'b'.repeat(64), contentType: 'image/webp', colour: 'colour', reusedFromCaseId: '0190a000-0000-7000-8000-000000000001' }] } },
    { history: DEFERRED, payload: { pages: [{ ...PAGE, pageId: 'p-3', materialId: 'm7', sha256: 'c'.repeat(64), contentType: 'image/png' }], supplement: true } },
    { history: ACCEPTED, payload: { pages: [{ ...PAGE, width: 6000, height: 1, bytes: 4 * 1024 * 1024 }], supplement: false } },
  ],
};
const ENVELOPES: Envelope[] = [{}, { staffNo: null, chain: 'first' }, { chain: 'next' }];

export const TEMPLATES: Template[] = WINDOW_EVENT_TYPES.flatMap((type) =>
  PAYLOADS[type].map(({ history, payload }, i) => ({ type, history, payload: fullPayload(type, payload), envelope: ENVELOPES[i % ENVELOPES.length] })));
export const templatesOf = (type: CaseEventType) => TEMPLATES.filter((t) => t.type === type);

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const link = (e: Entry, prevHash: string | null) => {
  e.prevHash = prevHash;
  e.hash = eventHash({ id: e.id, caseId: e.caseId, type: e.type, deviceTime: e.deviceTime, staffNo: (e.staffNo as string | null | undefined) ?? null, payload: e.payload }, prevHash, sha256);
};

/**
 * A template as entries to push: its case's history, then the template itself (last), numbered
 * from `seq`. With a chain that continues, the entry before it carries the link it continues
 * (for a case.opened, a case.opened of another case).
 */
export function instantiate(t: Template, seq: number): Entry[] {
  const caseId = uuidv7();
  const entry = (type: CaseEventType, payload: Record<string, unknown>, c = caseId): Entry =>
    ({ seq: 0, id: uuidv7(), caseId: c, type, payload, deviceTime: nowIso(), staffNo: '1001' });
  const before = t.history.map(([type, given]) => entry(type, fullPayload(type, given)));
  if (t.envelope.chain === 'next' && !before.length) before.push(entry('case.opened', fullPayload('case.opened'), uuidv7()));
  const it = entry(t.type, structuredClone(t.payload));
  if (t.envelope.staffNo !== undefined) it.staffNo = t.envelope.staffNo;
  const all = [...before, it];
  all.forEach((e, i) => (e.seq = seq + i));
  if (t.envelope.chain === 'first') link(it, null);
  if (t.envelope.chain === 'next') {
    const prev = before[before.length - 1];
    link(prev, null);
    link(it, prev.hash as string);
  }
  return all;
}

/** The push schema of each window event type: one option of the discriminated union. */
const optionOf = (type: CaseEventType) =>
  (PushEntryFields.options as unknown as z.ZodType[]).find((o) => (o as unknown as { shape: { type: { value: string } } }).shape.type.value === type)!;

/** Every field of each type's entry (envelope and payload) and the coverage keys the templates must meet. */
export const FIELDS: Record<CaseEventType, { fields: Field[]; coverage: string[] }> = Object.fromEntries(
  WINDOW_EVENT_TYPES.map((type) => [type, fieldsOf(optionOf(type))]),
) as Record<CaseEventType, { fields: Field[]; coverage: string[] }>;

/** Coverage keys of a type no template of it meets. */
export function uncovered(type: CaseEventType): string[] {
  const met = new Set(templatesOf(type).flatMap((t) => [...coverageOf(optionOf(type), instantiate(t, 1).at(-1))]));
  return FIELDS[type].coverage.filter((k) => !met.has(k));
}
