// The centre dashboard for the cases in the caller's scope (heads: their departments at their
// offices; admins: every centre), decided in a period of China days. The figures are sums of the
// per-day counts that triggers keep in the transaction of every state change (case_day_items,
// case_day_staff and case_day_materials, server migration 008, over case_facts, migrations 006/007), turned into
// the figures by shared/stats/centreTally.ts. Only what depends on more than one case's row or
// on the moment asked is read case by case, each by its own partial index: 立等可取 not yet
// finished (late once the tier's time is up), the period's 一次性告知 (a return visit within 30
// days), and the open cases (overdue). tests/integration/centre-aggregates.test.ts holds the
// result to centreDashboard (shared/stats/centre.ts) over the same cases.
import type { Queryable } from '../db/db';
import type { CatalogueStore } from '../catalogue/catalogue';
import { BUILTIN_CALENDAR } from '../../shared/calendar/holidays';
import type { CaseState } from '../../shared/domain/caseState';
import { DECISIONS } from '../../shared/domain/checklist';
import { IMMEDIATE_TIERS, TIER_MINUTES, type ImmediateTier } from '../../shared/domain/catalogue';
import { RATING_LEVELS } from '../../shared/domain/caseEvents';
import { iso } from '../time';
import { REPEAT_DAYS, type CentreCase, type GroupBy } from '../../shared/stats/centre';
import { dashboardOfTallies, emptyTally, type FigureTally, type LateNow } from '../../shared/stats/centreTally';
import type { CentreStatsQuery, CentreStatsResponse } from '../../shared/sync/centreStats';
import type { Scope } from '../staff/scope';
import { chinaDay } from '../../shared/time';

type FactRow = {
  case_id: string; office_code: string; department_code: string | null; window_code: string | null; staff_no: string | null; item_code: string;
  case_number: string | null; status: CaseState['status']; decision: CaseState['decision']; opened_at: Date | null; decided_at: Date | null;
  tier: CaseState['tier']; completed_at: Date | null; delivered_at: Date | null; promised_date: string | null; review_status: CaseState['reviewStatus'];
  review_decided_at: Date | null; rating: string | null; applicant_key: string | null; marks: CaseState['marks'] | null; suspension: CaseState['suspension'];
};
const at = (d: Date | null) => (d ? iso(d) : null);
/** The case as the figures read it, from its facts row (the applicant only as the key repeat visits compare). */
export const caseOfFacts = (r: FactRow): CentreCase => ({
  id: r.case_id, caseNumber: r.case_number ?? '', itemCode: r.item_code, officeCode: r.office_code, windowCode: r.window_code ?? '', staffNo: r.staff_no,
  status: r.status, decision: r.decision, openedAt: at(r.opened_at) ?? '', decidedAt: at(r.decided_at), tier: r.tier, completedAt: at(r.completed_at),
  rating: r.rating, promisedDate: r.promised_date, reviewStatus: r.review_status, reviewDecidedAt: at(r.review_decided_at), deliveredAt: at(r.delivered_at),
  suspension: r.suspension, marks: r.marks ?? {}, departmentCode: r.department_code,
  applicant: r.applicant_key ? { kind: 'person', name: '', idNumber: r.applicant_key, phone: '' } : { kind: 'visitor' },
});

const chinaMidnight = (day: string) => `${day}T00:00:00+08:00`;
const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** The group's key in SQL over an alias of case_day_items, case_day_staff or case_facts, as centre.ts groupKey. */
const keySql = (by: GroupBy, a: string) =>
  by === 'office' ? `${a}.office_code` : by === 'window' ? `${a}.office_code || ':' || coalesce(${a}.window_code, '')`
    : by === 'clerk' ? `coalesce(${a}.staff_no, '—')` : by === 'department' ? `coalesce(${a}.department_code, '—')` : `${a}.item_code`;

const TIER_COLS = (t: ImmediateTier) => [`${t}_cases`, `${t}_on_time`, `${t}_late`, `${t}_ms`];
const DECISION_COL: Record<(typeof DECISIONS)[number], string> = { accept: 'accept', acceptWithDeferral: 'accept_with_deferral', notifyMissing: 'notify_missing', refuse: 'refuse', redirect: 'redirect' };
const RATING_COL: Record<(typeof RATING_LEVELS)[number], string> = {
  verySatisfied: 'very_satisfied', satisfied: 'satisfied', basicallySatisfied: 'basically_satisfied', dissatisfied: 'dissatisfied', veryDissatisfied: 'very_dissatisfied',
};
const COUNT_COLS = ['decided', ...Object.values(DECISION_COL), 'supplements', ...IMMEDIATE_TIERS.flatMap(TIER_COLS), 'promised_cases', 'promised_on_time', 'promised_late', ...Object.values(RATING_COL)];
// Sums come back as numbers: counts fit int4; the milliseconds (bigint) as float8, exact below 2^53 ms (285 000 years).
const SUMS = COUNT_COLS.map((n) => (n.endsWith('_ms') ? `sum(a.${n})::float8 AS ${n}` : `sum(a.${n})::int AS ${n}`)).join(', ');

type SumRow = Record<string, number>;
function tallyOf(r: SumRow): FigureTally {
  const t = emptyTally();
  t.decided = r.decided;
  for (const d of DECISIONS) t.byDecision[d] = r[DECISION_COL[d]];
  t.supplements = r.supplements;
  for (const tier of IMMEDIATE_TIERS) t.immediate[tier] = { cases: r[`${tier}_cases`], onTime: r[`${tier}_on_time`], late: r[`${tier}_late`], ms: r[`${tier}_ms`] };
  t.promised = { cases: r.promised_cases, onTime: r.promised_on_time, late: r.promised_late };
  for (const l of RATING_LEVELS) t.ratings[l] = r[RATING_COL[l]];
  return t;
}

export async function centreStats(db: Queryable, catalogue: CatalogueStore, who: { admin: boolean; scope: Scope }, q: CentreStatsQuery, now: Date): Promise<CentreStatsResponse> {
  /** The caller's scope and the query's filters over an alias with office_code and department_code. */
  const scoped = (a: string, params: unknown[]) => {
    const where = [who.admin ? 'TRUE' : who.scope.where(a, params)];
    if (q.officeCode) where.push(`${a}.office_code = $${params.push(q.officeCode)}`);
    if (q.departmentCode) where.push(`${a}.department_code = $${params.push(q.departmentCode)}`);
    return where.join(' AND ');
  };
  const from = chinaMidnight(q.from);
  const to = chinaMidnight(nextDay(q.to));

  // The total, each day, each item and (by office, department or item) each group in one pass over
  // the period's rows of case_day_items; by window or clerk the groups come from case_day_staff.
  const byStaff = q.groupBy === 'window' || q.groupBy === 'clerk';
  const fp: unknown[] = [q.from, q.to];
  const figures = db.query<SumRow & { k: string | null; day: string | null; item_code: string | null; gk: number; gd: number; gi: number; rows: number }>(
    `SELECT ${byStaff ? 'NULL::text AS k' : 'k'}, to_char(day, 'YYYY-MM-DD') AS day, item_code, ${byStaff ? '1' : 'GROUPING(k)'} AS gk, GROUPING(day) AS gd, GROUPING(item_code) AS gi,
       count(*)::int AS rows, ${SUMS}
     FROM (SELECT ${byStaff ? '' : `${keySql(q.groupBy, 'f')} AS k, `}f.* FROM case_day_items f WHERE f.day BETWEEN $1::date AND $2::date AND ${scoped('f', fp)}) a
     GROUP BY GROUPING SETS ((), ${byStaff ? '' : '(k), '}(day), (item_code))`, fp);
  const sp: unknown[] = [q.from, q.to];
  const staffGroups = byStaff
    ? db.query<SumRow & { k: string; rows: number }>(
      `SELECT ${keySql(q.groupBy, 'a')} AS k, count(*)::int AS rows, ${SUMS} FROM case_day_staff a WHERE a.day BETWEEN $1::date AND $2::date AND ${scoped('a', sp)} GROUP BY 1`, sp)
    : Promise.resolve({ rows: [] as Array<SumRow & { k: string; rows: number }> });
  const mp: unknown[] = [q.from, q.to];
  const materials = db.query<{ item_code: string; material_id: string; cases: number; failed: number }>(
    `SELECT a.item_code, a.material_id, sum(a.cases)::int AS cases, sum(a.failed)::int AS failed FROM case_day_materials a
     WHERE a.day BETWEEN $1::date AND $2::date AND ${scoped('a', mp)} GROUP BY a.item_code, a.material_id`, mp);
  // 立等可取 not finished: late once the tier's minutes since the opening are past at `now`.
  const lp: unknown[] = [from, to, now.toISOString()];
  const lateNow = db.query<{ k: string; tier: ImmediateTier; n: number }>(
    `SELECT ${keySql(q.groupBy, 'c')} AS k, c.tier, count(*)::int AS n FROM case_facts c
     WHERE c.tier IS NOT NULL AND c.completed_at IS NULL AND c.decision = 'accept' AND c.tier IN (${IMMEDIATE_TIERS.map((t) => `'${t}'`).join(', ')})
       AND c.decided_at >= $1::timestamptz AND c.decided_at < $2::timestamptz AND ${scoped('c', lp)}
       AND c.opened_at < $3::timestamptz - (CASE c.tier ${IMMEDIATE_TIERS.map((t) => `WHEN '${t}' THEN ${TIER_MINUTES[t]}`).join(' ')} END) * interval '1 minute'
     GROUP BY 1, 2`, lp);
  // Return visits: another case in scope of the same applicant and item decided within 30 × 24 h after the 一次性告知.
  const rp: unknown[] = [from, to];
  const repeat = db.query<{ notified: number; repeated: number }>(
    `SELECT count(*)::int AS notified, (count(*) FILTER (WHERE c.applicant_key <> '' AND EXISTS (
        SELECT 1 FROM case_facts n WHERE n.applicant_key = c.applicant_key AND n.item_code = c.item_code
          AND n.decided_at > c.decided_at AND n.decided_at <= c.decided_at + interval '${REPEAT_DAYS * 24} hours' AND ${scoped('n', rp)})))::int AS repeated
     FROM case_facts c WHERE c.decision = 'notifyMissing' AND c.decided_at >= $1::timestamptz AND c.decided_at < $2::timestamptz AND ${scoped('c', rp)}`, rp);
  // Overdue can only be an open case (办结 and 出件 set completedAt / deliveredAt): every open one due before today, or suspended.
  const op: unknown[] = [chinaDay(now)];
  const open = db.query<FactRow>(
    `SELECT c.* FROM case_facts c WHERE c.status IN ('accepted', 'awaitingSupplement') AND c.decision IS NOT NULL
       AND (c.suspension IS NOT NULL OR c.promised_date < $1 COLLATE "C") AND ${scoped('c', op)}`, op);

  const [{ rows: sums }, { rows: staffSums }, { rows: mats }, { rows: late }, { rows: [rep] }, { rows: opens }] = await Promise.all([figures, staffGroups, materials, lateNow, repeat, open]);
  const groupLate = new Map<string, LateNow>();
  const totalLateNow: LateNow = {};
  for (const r of late) {
    const g = groupLate.get(r.k) ?? groupLate.set(r.k, {}).get(r.k)!;
    g[r.tier] = (g[r.tier] ?? 0) + r.n;
    totalLateNow[r.tier] = (totalLateNow[r.tier] ?? 0) + r.n;
  }
  const totalRow = sums.find((r) => r.gk && r.gd && r.gi);
  const d = dashboardOfTallies({
    period: { from: new Date(from).toISOString(), to: new Date(to).toISOString() }, groupBy: q.groupBy,
    total: totalRow && totalRow.decided !== null ? tallyOf(totalRow) : emptyTally(), totalLateNow,
    groups: (byStaff ? staffSums : sums.filter((r) => !r.gk)).map((r) => ({ key: r.k!, tally: tallyOf(r), lateNow: groupLate.get(r.k!) ?? {} })),
    daily: sums.filter((r) => !r.gd).map((r) => ({ day: r.day!, decided: r.decided, good: r.very_satisfied + r.satisfied, bad: r.dissatisfied + r.very_dissatisfied })),
    items: sums.filter((r) => !r.gi).map((r) => ({ key: r.item_code!, cases: r.decided, supplements: r.supplements })),
    materials: mats.map((m) => ({ itemCode: m.item_code, materialId: m.material_id, cases: m.cases, failed: m.failed })),
    repeat: rep, overdueCandidates: opens.map(caseOfFacts),
  }, now, BUILTIN_CALENDAR);

  const names: Record<string, string> = {};
  const latest = await catalogue.latest();
  const { rows: offices } = await db.query<{ code: string; name: string }>('SELECT code, name FROM offices');
  for (const o of offices) names[`office:${o.code}`] = o.name;
  const { rows: windows } = await db.query<{ office_code: string; code: string; name: string }>('SELECT office_code, code, name FROM windows');
  for (const w of windows) names[`window:${w.office_code}:${w.code}`] = w.name;
  for (const dep of latest?.departments ?? []) names[`department:${dep.code}`] = dep.name;
  for (const it of latest?.items ?? []) {
    names[`item:${it.code}`] = it.name;
    for (const m of it.materials) names[`material:${it.code}:${m.id}`] = m.name;
  }
  // Rows read: the aggregate rows summed and the open cases read one by one.
  const casesRead = (totalRow?.rows ?? 0) + staffSums.reduce((n, r) => n + r.rows, 0) + opens.length;
  return { ...d, names, casesRead } as unknown as CentreStatsResponse;
}
