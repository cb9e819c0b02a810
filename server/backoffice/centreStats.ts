// The centre dashboard: the cases in the caller's scope (heads: their departments at their
// offices; admins: every centre) that a period's figures can read — decided from its first day
// to 30 days after its last (the return visits of a 一次性告知), and every case still with the
// back office (overdue) — read from case_facts (the read model a trigger keeps from cases.state,
// server migration 005), the figures computed by
// shared/stats/centre.ts exactly as the window computes its own.
import type { Queryable } from '../db/db';
import type { CatalogueStore } from '../catalogue/catalogue';
import { BUILTIN_CALENDAR } from '../../shared/calendar/holidays';
import type { CaseState } from '../../shared/domain/caseState';
import { iso } from '../time';
import { centreDashboard, REPEAT_DAYS, type CentreCase } from '../../shared/stats/centre';
import type { CentreStatsQuery, CentreStatsResponse } from '../../shared/sync/centreStats';
import type { Scope } from '../staff/scope';

type FactRow = {
  case_id: string; office_code: string; department_code: string | null; window_code: string | null; staff_no: string | null; item_code: string;
  case_number: string | null; status: CaseState['status']; decision: CaseState['decision']; opened_at: Date | null; decided_at: Date | null;
  tier: CaseState['tier']; completed_at: Date | null; delivered_at: Date | null; promised_date: string | null; review_status: CaseState['reviewStatus'];
  review_decided_at: Date | null; rating: string | null; applicant_key: string | null; marks: CaseState['marks'] | null; suspension: CaseState['suspension'];
};
const at = (d: Date | null) => (d ? iso(d) : null);
/** The case as the figures read it, from its facts row (the applicant only as the key repeat visits compare). */
const caseOfFacts = (r: FactRow): CentreCase => ({
  id: r.case_id, caseNumber: r.case_number ?? '', itemCode: r.item_code, officeCode: r.office_code, windowCode: r.window_code ?? '', staffNo: r.staff_no,
  status: r.status, decision: r.decision, openedAt: at(r.opened_at) ?? '', decidedAt: at(r.decided_at), tier: r.tier, completedAt: at(r.completed_at),
  rating: r.rating, promisedDate: r.promised_date, reviewStatus: r.review_status, reviewDecidedAt: at(r.review_decided_at), deliveredAt: at(r.delivered_at),
  suspension: r.suspension, marks: r.marks ?? {}, departmentCode: r.department_code,
  applicant: r.applicant_key ? { kind: 'person', name: '', idNumber: r.applicant_key, phone: '' } : { kind: 'visitor' },
});

const chinaMidnight = (day: string) => `${day}T00:00:00+08:00`;
const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

export async function centreStats(db: Queryable, catalogue: CatalogueStore, who: { admin: boolean; scope: Scope }, q: CentreStatsQuery, now: Date): Promise<CentreStatsResponse> {
  const params: unknown[] = [];
  const scoped = () => {
    const where = [who.admin ? 'TRUE' : who.scope.where('c', params)];
    if (q.officeCode) where.push(`c.office_code = $${params.push(q.officeCode)}`);
    if (q.departmentCode) where.push(`c.department_code = $${params.push(q.departmentCode)}`);
    return where.join(' AND ');
  };
  const from = chinaMidnight(q.from);
  const to = chinaMidnight(nextDay(q.to));
  const until = new Date(Date.parse(to) + REPEAT_DAYS * 86_400_000).toISOString();
  const $from = `$${params.push(from)}::timestamptz`;
  const $to = `$${params.push(to)}::timestamptz`;
  const $until = `$${params.push(until)}::timestamptz`;
  // Three index scans: the period's cases; after it, only possible return visits of its
  // 一次性告知 (same applicant and item within 30 days); and the cases still open (overdue).
  const { rows: all } = await db.query<FactRow>(
    `SELECT c.* FROM case_facts c WHERE ${scoped()} AND c.decided_at >= ${$from} AND c.decided_at < ${$to}
     UNION ALL
     SELECT c.* FROM case_facts c WHERE ${scoped()} AND c.decided_at >= ${$to} AND c.decided_at < ${$until} AND c.applicant_key IS NOT NULL
       AND EXISTS (SELECT 1 FROM case_facts n WHERE n.applicant_key = c.applicant_key AND n.item_code = c.item_code AND n.decision = 'notifyMissing'
                   AND n.decided_at >= ${$from} AND n.decided_at < ${$to})
     UNION ALL
     SELECT c.* FROM case_facts c WHERE ${scoped()} AND c.status IN ('accepted', 'awaitingSupplement') AND NOT (c.decided_at >= ${$from} AND c.decided_at < ${$to})`,
    params,
  );
  const seen = new Set<string>();
  const rows = all.filter((r) => !seen.has(r.case_id) && !!seen.add(r.case_id));
  const cases: CentreCase[] = rows.map(caseOfFacts);
  const d = centreDashboard(cases, { from: new Date(from).toISOString(), to: new Date(to).toISOString() }, q.groupBy, now, BUILTIN_CALENDAR);
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
  return { ...d, names, casesRead: cases.length } as unknown as CentreStatsResponse;
}
