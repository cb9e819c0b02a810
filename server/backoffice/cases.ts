// Read side of the back-office console: cases in the signed-in person's scope (lists by queue,
// counts, one case with its claim, clock and what may be done), rejected uploads, chain breaks.
import { fromStoredState } from '../sync/storedState';
import type { Db, Queryable } from '../db/db';
import type { CaseDetailResponse, CaseEventRecord, CaseListResponse, CaseSummary, ChainBreakListResponse, RejectedListResponse } from '../../shared/sync/backoffice';
import { reviewClock, type CaseState } from '../../shared/domain/caseState';
import { BUILTIN_CALENDAR } from '../../shared/calendar/holidays';
import { addWorkingDays } from '../../shared/calendar/workdays';
import type { z } from 'zod';
import type { CaseListQuery } from '../../shared/sync/backoffice';
import type { Queue, QueueCounts } from '../../shared/sync/review';
import { QUEUES } from '../../shared/sync/review';
import { statusFromRow, type StatusRow } from '../sync/status';
import { caseNotFound } from '../staff/scope';
import { recordAudit } from './audit';
import { claimView, readClaim, suspendLimit, type ReviewContext } from './reviewContext';
import { reviewActions } from './actions';
import { REQUEST_SELECT, requestView } from './decisions';
import { iso, num } from '../time';

type CaseRow = {
  state?: CaseState | null;
  id: string; office_code: string; device_id: string; item_code: string; department_code: string | null; case_number: string | null;
  status: CaseSummary['status']; review_status: CaseSummary['reviewStatus']; created_device_time: Date; updated_at: Date; server_seq: unknown;
  claim_staff_no?: string | null; claim_name?: string | null; claimed_at?: Date | null; claim_expires_at?: Date | null; assigned_by?: string | null;
};

/** The row with its state whole again (stored compactly: storedState.ts). */
const withState = (r: CaseRow): CaseRow => ({ ...r, state: fromStoredState(r.state) });

/** The clock band as the console shows it, on the server's day (the same rule the queues count by). */
const clockOf = (r: CaseRow, today: string) => (r.state ? reviewClock(r.state, today, BUILTIN_CALENDAR) : { band: 'none' as const, due: null, workingDaysLeft: null });

const caseFromRow = (r: CaseRow, today: string, me: string | null): CaseSummary => ({
  id: r.id, officeCode: r.office_code, deviceId: r.device_id, itemCode: r.item_code, departmentCode: r.department_code,
  caseNumber: r.case_number, status: r.status, reviewStatus: r.review_status, createdDeviceTime: iso(r.created_device_time),
  updatedAt: iso(r.updated_at), serverSeq: num(r.server_seq),
  claim: r.claim_staff_no ? { staffNo: r.claim_staff_no, name: r.claim_name ?? '', claimedAt: iso(r.claimed_at!), expiresAt: iso(r.claim_expires_at!), assignedBy: r.assigned_by ?? null, mine: r.claim_staff_no === me } : null,
  clock: clockOf(r, today),
  suspended: !!r.state?.suspension,
});

// The queues in SQL, the same rules as caseState.ts (reviewBlocker, reviewFinished, reviewClock):
const REVIEWABLE = "c.status IN ('accepted','awaitingSupplement','completed','delivered')";
const OPEN = "(c.review_status IS NULL OR c.review_status IN ('reviewing','needsSupplement'))";
const DUE = "COALESCE(c.state->'suspension'->>'promisedDateAtLimit', c.state->>'promisedDate')";

/** Predicates of each queue; `$today`, `$soon` (the second working day after today) and `$me` are placeholders. */
const QUEUE_SQL: Record<Queue, string> = {
  unclaimed: `${REVIEWABLE} AND ${OPEN} AND cl.case_id IS NULL`,
  mine: "cl.staff_no = $me AND c.review_status IS DISTINCT FROM 'readyForPickup'",
  needsSupplement: "c.review_status = 'needsSupplement'",
  dueSoon: `${REVIEWABLE} AND ${OPEN} AND NOT COALESCE(c.state->'suspension'->>'until' >= $today, false) AND ${DUE} >= $today AND ${DUE} < $soon`,
  overdue: `${REVIEWABLE} AND ${OPEN} AND NOT COALESCE(c.state->'suspension'->>'until' >= $today, false) AND ${DUE} < $today`,
  all: 'TRUE',
};

const FROM = `FROM cases c
  LEFT JOIN case_claims cl ON cl.case_id = c.id AND cl.expires_at > now()
  LEFT JOIN staff cs ON cs.staff_no = cl.staff_no`;
const CLAIM_COLUMNS = 'cl.staff_no AS claim_staff_no, cs.name AS claim_name, cl.claimed_at, cl.expires_at AS claim_expires_at, cl.assigned_by';

/** Binds the named placeholders of the queue SQL. */
function bind(sql: string, params: unknown[], ctx: Pick<ReviewContext, 'today' | 'staff'>): string {
  const values: Record<string, string> = { $today: ctx.today, $soon: addWorkingDays(ctx.today, 2, BUILTIN_CALENDAR), $me: ctx.staff.staffNo };
  return sql.replace(/\$(today|soon|me)\b/g, (m) => { params.push(values[m]); return `$${params.length}::text`; });
}

export async function listCases(ctx: ReviewContext, q: z.infer<typeof CaseListQuery>): Promise<CaseListResponse> {
  const desc = q.order === 'desc';
  const params: unknown[] = [];
  const where: string[] = [ctx.scope.where('c', params), bind(QUEUE_SQL[q.queue], params, ctx)];
  const add = (col: string, v: unknown, op = '=') => { if (v !== undefined) { params.push(v); where.push(`${col} ${op} $${params.length}`); } };
  if (desc) add('c.server_seq', q.before, '<');
  else add('c.server_seq', q.after, '>');
  add('c.office_code', q.officeCode);
  add('c.department_code', q.departmentCode);
  if (q.reviewStatus === 'none') where.push('c.review_status IS NULL');
  else add('c.review_status', q.reviewStatus);
  add('c.status', q.status);
  params.push(q.limit + 1);
  const { rows } = await ctx.db.query<CaseRow>(
    `SELECT c.*, ${CLAIM_COLUMNS} ${FROM} WHERE ${where.join(' AND ')} ORDER BY c.server_seq ${desc ? 'DESC' : ''} LIMIT $${params.length}`, params);
  const cases = rows.slice(0, q.limit).map((r) => caseFromRow(withState(r), ctx.today, ctx.staff.staffNo));
  const start = desc ? (q.before ?? 0) : q.after;
  return { cases, nextCursor: cases.length ? cases[cases.length - 1].serverSeq : start, hasMore: rows.length > q.limit };
}

/** How many cases in scope each queue holds, in one scan. */
export async function queueCounts(ctx: ReviewContext): Promise<QueueCounts> {
  const params: unknown[] = [];
  const scope = ctx.scope.where('c', params);
  const cols = QUEUES.map((k) => `count(*) FILTER (WHERE ${bind(QUEUE_SQL[k], params, ctx)}) AS "${k}"`).join(', ');
  const { rows } = await ctx.db.query<Record<Queue, unknown>>(`SELECT ${cols} ${FROM} WHERE ${scope}`, params);
  let pendingExtensions = 0;
  if (ctx.staff.role === 'head') {
    const p2: unknown[] = [];
    const r = await ctx.db.query<{ n: unknown }>(`SELECT count(*) AS n FROM extension_requests x JOIN cases c ON c.id = x.case_id WHERE x.decided_at IS NULL AND ${ctx.scope.where('c', p2)}`, p2);
    pendingExtensions = num(r.rows[0].n);
  }
  return { counts: Object.fromEntries(QUEUES.map((k) => [k, num(rows[0][k])])) as QueueCounts['counts'], today: ctx.today, pendingExtensions };
}

/** One case in scope with everything the reviewer needs, including the applicant's full ID and phone: the view is audited. */
export async function caseDetail(ctx: ReviewContext, caseId: string): Promise<CaseDetailResponse> {
  const params: unknown[] = [caseId];
  const c = await ctx.db.query<CaseRow>(`SELECT c.* FROM cases c WHERE c.id = $1 AND ${ctx.scope.where('c', params)}`, params);
  if (!c.rows[0]) throw caseNotFound();
  const row = withState(c.rows[0]);
  const [ev, st, claim, requests, limit] = await Promise.all([
    ctx.db.query<{ id: string; device_id: string; device_seq: unknown; staff_no: string | null; type: string; payload: Record<string, unknown>; device_time: Date; received_at: Date; server_seq: unknown }>(
      'SELECT * FROM case_events WHERE case_id = $1 ORDER BY server_seq', [caseId]),
    ctx.db.query<StatusRow>('SELECT s.*, c.case_number FROM status_events s JOIN cases c ON c.id = s.case_id WHERE s.case_id = $1 ORDER BY s.server_seq', [caseId]),
    readClaim(ctx.db, caseId),
    ctx.db.query<Parameters<typeof requestView>[0]>(`${REQUEST_SELECT} WHERE x.case_id = $1 ORDER BY x.requested_at`, [caseId]),
    suspendLimit(ctx, row as never),
  ]);
  const view = claimView(claim, ctx.staff.staffNo);
  const extensionRequests = requests.rows.map(requestView);
  // Personal data was shown: who, when, from where (the record commits before the reply leaves).
  await ctx.db.transaction((tx) => recordAudit(tx, ctx.actor, 'case.view', { caseId, detail: { caseNumber: row.case_number } }));
  return {
    case: { ...caseFromRow({ ...row, claim_staff_no: view?.staffNo, claim_name: view?.name, claimed_at: claim?.claimed_at, claim_expires_at: claim?.expires_at, assigned_by: claim?.assigned_by }, ctx.today, ctx.staff.staffNo) },
    state: row.state ?? null,
    events: ev.rows.map((r) => ({
      id: r.id, deviceId: r.device_id, deviceSeq: num(r.device_seq), staffNo: r.staff_no, type: r.type, payload: r.payload,
      deviceTime: iso(r.device_time), receivedAt: iso(r.received_at), serverSeq: num(r.server_seq),
    }) as CaseEventRecord),
    statuses: st.rows.map(statusFromRow),
    extensionRequests,
    actions: row.state
      ? reviewActions(row.state, view, ctx.staff, extensionRequests.some((x) => x.decidedAt === null), limit)
      : { reviewable: false, claim: false, release: false, assign: false, decide: [], correct: false, requestExtension: false, decideExtension: false, suspend: false, resume: false, note: '该办件的历史记录无法解读，请联系管理员' },
  };
}

export async function listRejected(db: Queryable, limit = 100): Promise<RejectedListResponse> {
  const { rows } = await db.query<{ id: unknown; device_id: string; office_code: string; seq: unknown; code: RejectedListResponse['rejected'][number]['code']; message: string; entry: unknown; entry_text: string | null; received_at: Date }>(
    'SELECT * FROM rejected_events ORDER BY id DESC LIMIT $1', [limit]);
  return {
    rejected: rows.map((r) => ({
      id: num(r.id), deviceId: r.device_id, officeCode: r.office_code, seq: num(r.seq), code: r.code, message: r.message,
      entry: r.entry ?? readEntryText(r.entry_text), receivedAt: iso(r.received_at),
    })),
  };
}

/** The refused entry as recorded (ASCII JSON text, cut at 16 KB: then shown as text). */
function readEntryText(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Breaks of windows' hash chains: an event altered or missing in a workstation file (newest first). */
export async function listChainBreaks(db: Queryable, limit = 100): Promise<ChainBreakListResponse> {
  const { rows } = await db.query<{ id: unknown; device_id: string; office_code: string; seq: unknown; event_id: string; kind: 'altered' | 'gap'; message: string; detected_at: Date }>(
    'SELECT * FROM chain_breaks ORDER BY id DESC LIMIT $1', [limit]);
  return {
    breaks: rows.map((r) => ({
      id: num(r.id), deviceId: r.device_id, officeCode: r.office_code, seq: num(r.seq), eventId: r.event_id, kind: r.kind, message: r.message, detectedAt: iso(r.detected_at),
    })),
  };
}
