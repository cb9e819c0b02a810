// 差评整改 at the centre (rules: shared/domain/rectification.ts). A rectification is opened in
// the push transaction that brings a 差评; heads in scope work it, admins decide 无效差评 and
// set each centre's deadline. Every change is one PostgreSQL transaction: the row, a
// review.rectification status event (the window pulls it and sees how its 差评 stands) and the
// audit record commit together.
import { fromStoredState } from '../sync/storedState';
import type { Db, Queryable } from '../db/db';
import { BUILTIN_CALENDAR } from '../../shared/calendar/holidays';
import { addWorkingDays, workingDaysBetween } from '../../shared/calendar/workdays';
import { RATING_CLASS } from '../../shared/domain/ratingReasons';
import { RATING_LEVELS } from '../../shared/domain/caseEvents';
import {
  DEFAULT_RECTIFICATION_DAYS, doneLate, rectificationActions, rectificationBlocker, rectificationStanding, rectificationStartDay, type RectificationFacts,
} from '../../shared/domain/rectification';
import type { CaseState } from '../../shared/domain/caseState';
import type { RectificationActionRequest, RectificationListResponse, RectificationView } from '../../shared/sync/rectification';
import { RECTIFICATION_STANDINGS } from '../../shared/sync/rectification';
import { issueStatusEvent, lockStatusEvents, type LockedCase } from '../sync/status';
import { recordAudit } from './audit';
import type { ReviewContext } from './reviewContext';
import { HttpError } from '../http/errors';
import { iso } from '../time';
import { chinaDay } from '../../shared/time';

const BAD_LEVELS = RATING_LEVELS.filter((l) => RATING_CLASS[l] === 'bad');
/** Whether a pushed batch may bring a 差评 (then the push takes the status-event lock first). */
export const mayBringBadRating = (batch: ReadonlyArray<Record<string, unknown>>): boolean =>
  batch.some((e) => e.type === 'case.rated' && BAD_LEVELS.includes((e.payload as { level?: never } | undefined)?.level as never));

/** The centre who files it: the automatic registration of a 差评 as it arrives. */
const SYSTEM = { staffNo: '', name: '系统（差评自动登记）' };

export async function deadlineDaysOf(db: Queryable, officeCode: string): Promise<number> {
  const { rows } = await db.query<{ deadline_days: number }>('SELECT deadline_days FROM rectification_settings WHERE office_code = $1', [officeCode]);
  return rows[0]?.deadline_days ?? DEFAULT_RECTIFICATION_DAYS;
}

type Row = {
  id: string; case_id: string; office_code: string; department_code: string | null; item_code: string; window_code: string; clerk_staff_no: string | null;
  level: (typeof RATING_LEVELS)[number]; reasons: { code: string; text: string }[]; comment: string; rated_at: Date; opened_on: string | Date;
  deadline_days: number; deadline: string | Date; status: RectificationFacts['status']; measures: string | null; done_on: string | Date | null;
  revisit: RectificationFacts['revisit']; invalid: RectificationFacts['invalid']; case_number: string | null;
};
const day = (d: string | Date | null): string | null => (d === null ? null : d instanceof Date ? d.toISOString().slice(0, 10) : String(d).slice(0, 10));
const factsOf = (r: Row): RectificationFacts => ({
  ratingEventId: r.id, status: r.status, openedOn: day(r.opened_on)!, deadline: day(r.deadline)!, deadlineDays: r.deadline_days,
  measures: r.measures, doneOn: day(r.done_on), revisit: r.revisit, invalid: r.invalid,
});

/**
 * Opens a rectification for each 差评 among the events just stored (in the push transaction;
 * the caller took lockStatusEvents before any row lock). Once per case: a resent or second
 * rating never opens another. The deadline counts from the rating's own day (the paper form's
 * date, else its device time's China day, never after today), in the centre's working days.
 */
export async function openRectifications(tx: Queryable, eventIds: string[], today: string): Promise<number> {
  if (!eventIds.length) return 0;
  const { rows } = await tx.query<{ id: string; case_id: string; payload: { level: string; reasons?: unknown; comment?: string; formDate?: string }; device_time: Date; staff_no: string | null; office_code: string; department_code: string | null; item_code: string; case_number: string | null; state: CaseState | null }>(
    `SELECT e.id, e.case_id, e.payload, e.device_time, e.staff_no, c.office_code, c.department_code, c.item_code, c.case_number, c.state
     FROM case_events e JOIN cases c ON c.id = e.case_id
     WHERE e.id = ANY($1::uuid[]) AND e.type = 'case.rated' AND e.payload->>'level' = ANY($2::text[])
       AND NOT EXISTS (SELECT 1 FROM rectifications r WHERE r.case_id = e.case_id)
     ORDER BY e.server_seq`,
    [eventIds, BAD_LEVELS],
  );
  for (const e of rows) {
    const days = await deadlineDaysOf(tx, e.office_code);
    // Counted from the rating's day, so a 差评 that travelled for days has no more time for it.
    const from = rectificationStartDay({ formDate: e.payload.formDate, ratedOn: chinaDay(e.device_time) }, today);
    const facts: RectificationFacts = {
      ratingEventId: e.id, status: 'pending', openedOn: today, deadline: addWorkingDays(from, days, BUILTIN_CALENDAR), deadlineDays: days,
      measures: null, doneOn: null, revisit: null, invalid: null,
    };
    const reasons = Array.isArray(e.payload.reasons) ? e.payload.reasons : [];
    await tx.query(
      `INSERT INTO rectifications (id, case_id, office_code, department_code, item_code, window_code, clerk_staff_no, level, reasons, comment, rated_at, opened_on, deadline_days, deadline, status)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,'pending') ON CONFLICT DO NOTHING`,
      [e.id, e.case_id, e.office_code, e.department_code, e.item_code, e.state?.windowCode ?? '', e.staff_no, e.payload.level, JSON.stringify(reasons),
        e.payload.comment ?? '', e.device_time, today, days, facts.deadline],
    );
    const c: LockedCase = { id: e.case_id, office_code: e.office_code, case_number: e.case_number, state: fromStoredState(e.state) };
    await issueStatusEvent(tx, c, { type: 'review.rectification', payload: facts }, SYSTEM);
  }
  return rows.length;
}

const SELECT = `SELECT r.*, c.case_number FROM rectifications r JOIN cases c ON c.id = r.case_id`;

function view(r: Row, today: string, role: ReviewContext['staff']['role'], nameOf: (code: string) => string | null): RectificationView {
  const f = factsOf(r);
  const standing = rectificationStanding(f, today);
  const finished = f.status === 'done' || f.status === 'invalid';
  return {
    id: r.id, caseId: r.case_id, caseNumber: r.case_number, officeCode: r.office_code, departmentCode: r.department_code, itemCode: r.item_code,
    itemName: nameOf(r.item_code), windowCode: r.window_code, clerkStaffNo: r.clerk_staff_no, level: r.level, reasons: r.reasons, comment: r.comment,
    ratedAt: iso(r.rated_at), openedOn: f.openedOn, deadline: f.deadline, deadlineDays: f.deadlineDays, status: f.status, standing,
    daysLeft: finished ? null : workingDaysBetween(today, f.deadline, BUILTIN_CALENDAR), doneLate: doneLate(f), measures: f.measures, doneOn: f.doneOn,
    revisit: f.revisit, invalid: f.invalid, actions: rectificationActions(f, role),
  };
}

/** Heads (and reviewers, read-only) see their scope; an admin sees every centre (no applicant data is listed). */
function scopeWhere(ctx: Pick<ReviewContext, 'staff' | 'scope'>, params: unknown[]): string {
  return ctx.staff.role === 'admin' ? 'TRUE' : ctx.scope.where('r', params);
}

export async function listRectifications(
  ctx: Pick<ReviewContext, 'db' | 'staff' | 'scope' | 'today'>,
  q: { standing?: RectificationView['standing']; invalidPending?: boolean; officeCode?: string; from?: string; to?: string; limit: number },
  nameOf: (code: string) => string | null,
): Promise<RectificationListResponse> {
  const params: unknown[] = [];
  const where = [scopeWhere(ctx, params)];
  if (q.officeCode) where.push(`r.office_code = $${params.push(q.officeCode)}`);
  if (q.from) where.push(`r.opened_on >= $${params.push(q.from)}::date`);
  if (q.to) where.push(`r.opened_on <= $${params.push(q.to)}::date`);
  // Both queries share the filters and the day (整改超期 is read from the deadline and today).
  const today = `$${params.push(ctx.today)}::date`;
  const standingSql = `(CASE WHEN r.status IN ('pending','inProgress') AND r.deadline < ${today} THEN 'overdue' ELSE r.status END)`;
  // The counts are of the filtered set before the standing filter (the tabs of the page).
  const { rows: countRows } = await ctx.db.query<{ standing: string; n: unknown }>(
    `SELECT ${standingSql} AS standing, count(*) AS n FROM rectifications r WHERE ${where.join(' AND ')} AND ${standingSql} IS NOT NULL GROUP BY 1`, params);
  const counts = Object.fromEntries(RECTIFICATION_STANDINGS.map((s) => [s, 0])) as RectificationListResponse['counts'];
  for (const r of countRows) counts[r.standing as keyof typeof counts] = Number(r.n);
  const listParams = [...params];
  const more = [...where, `${standingSql} IS NOT NULL`];
  if (q.standing) more.push(`${standingSql} = $${listParams.push(q.standing)}`);
  if (q.invalidPending) more.push(`r.invalid->>'state' = 'requested'`);
  const { rows } = await ctx.db.query<Row>(`${SELECT} WHERE ${more.join(' AND ')} ORDER BY r.deadline, r.rated_at LIMIT $${listParams.push(q.limit)}`, listParams);
  return { rectifications: rows.map((r) => view(r, ctx.today, ctx.staff.role, nameOf)), counts, today: ctx.today };
}

/** One action on the rectification of a case, in one transaction (row, status event, audit). */
export async function actOnRectification(ctx: ReviewContext, caseId: string, req: RectificationActionRequest, nameOf: (code: string) => string | null): Promise<RectificationView> {
  return ctx.db.transaction(async (tx) => {
    await lockStatusEvents(tx);
    const params: unknown[] = [caseId];
    const { rows } = await tx.query<Row & { state: CaseState | null }>(
      `${SELECT.replace('c.case_number', 'c.case_number, c.state')} WHERE r.case_id = $1 AND ${scopeWhere(ctx, params)} FOR UPDATE OF r, c`, params);
    const r = rows[0];
    // Out of scope answers exactly like a case without a 差评.
    if (!r) throw new HttpError(404, 'not_found', '没有找到该差评');
    const before = factsOf(r);
    const why = rectificationBlocker(before, req.action, ctx.staff.role);
    if (why) throw new HttpError(409, 'conflict', why);
    const me = ctx.staff.name;
    const next: RectificationFacts = { ...before };
    switch (req.action) {
      case 'start':
        next.status = 'inProgress';
        break;
      case 'complete':
        next.status = 'done';
        next.measures = req.measures;
        next.doneOn = ctx.today;
        break;
      case 'revisit':
        next.revisit = { method: req.method, satisfied: req.satisfied, note: req.note, at: new Date().toISOString(), by: me };
        break;
      case 'requestInvalid':
        next.invalid = { state: 'requested', reason: req.reason, requestedBy: me, decidedBy: null, note: null };
        break;
      case 'decideInvalid':
        next.invalid = { ...before.invalid!, state: req.approve ? 'approved' : 'rejected', decidedBy: me, note: req.note || null };
        if (req.approve) next.status = 'invalid';
        break;
    }
    await tx.query(
      `UPDATE rectifications SET status = $2, measures = $3, done_on = $4, revisit = $5, invalid = $6, updated_at = now() WHERE id = $1`,
      [r.id, next.status, next.measures, next.doneOn, next.revisit ? JSON.stringify(next.revisit) : null, next.invalid ? JSON.stringify(next.invalid) : null],
    );
    const c: LockedCase = { id: r.case_id, office_code: r.office_code, case_number: r.case_number, state: fromStoredState(r.state) };
    await issueStatusEvent(tx, c, { type: 'review.rectification', payload: next }, { staffNo: ctx.staff.staffNo, name: me });
    await recordAudit(tx, ctx.actor, `rectification.${req.action}`, { caseId: r.case_id, detail: { ...req, status: next.status } });
    const after = { ...r, status: next.status, measures: next.measures, done_on: next.doneOn, revisit: next.revisit, invalid: next.invalid };
    return view(after, ctx.today, ctx.staff.role, nameOf);
  });
}

export async function rectificationSettings(db: Queryable, officeCodes: readonly string[] | null) {
  const { rows } = await db.query<{ code: string; name: string; deadline_days: number | null }>(
    `SELECT o.code, o.name, s.deadline_days FROM offices o LEFT JOIN rectification_settings s ON s.office_code = o.code
     ${officeCodes ? 'WHERE o.code = ANY($1::text[])' : ''} ORDER BY o.code`, officeCodes ? [officeCodes] : []);
  return rows.map((r) => ({ officeCode: r.code, officeName: r.name, deadlineDays: r.deadline_days ?? DEFAULT_RECTIFICATION_DAYS }));
}

/** An admin sets a centre's deadline; rectifications already open keep theirs. */
export async function setRectificationDays(db: Db, actor: Parameters<typeof recordAudit>[1], officeCode: string, deadlineDays: number) {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query('SELECT 1 FROM offices WHERE code = $1', [officeCode]);
    if (!rows.length) throw new HttpError(404, 'not_found', `没有中心 ${officeCode}`);
    await tx.query(
      `INSERT INTO rectification_settings (office_code, deadline_days, updated_by, updated_at) VALUES ($1, $2, $3, now())
       ON CONFLICT (office_code) DO UPDATE SET deadline_days = excluded.deadline_days, updated_by = excluded.updated_by, updated_at = now()`,
      [officeCode, deadlineDays, actor.staffNo],
    );
    await recordAudit(tx, actor, 'rectification.setting', { detail: { officeCode, deadlineDays } });
    return { officeCode, deadlineDays };
  });
}
