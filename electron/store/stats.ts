// What the window's own figures and 交接班 read: the cases decided since a day (the
// (status, day) index: one seek per status), and every case still open from earlier days.
import { stmt } from './statements';
import type { Db } from './db';
import { CASE_STATUSES } from '../../shared/domain/case';
import { applicantDisplayName } from '../../shared/domain/applicant';
import type { WindowCase } from '../../shared/stats/window';

const list = (xs: readonly string[]) => xs.map((x) => `'${x}'`).join(', ');
const SQL = `SELECT id, case_number AS caseNumber, item_code AS itemCode, item_name AS itemName, office_code AS officeCode, window_code AS windowCode,
  staff_no AS staffNo, status, decision, coalesce(opened_at, accepted_at) AS openedAt, accepted_at AS decidedAt, tier, completed_at AS completedAt,
  rating, promised_date AS promisedDate, supplement_deadline AS supplementDeadline, review_status AS reviewStatus, applicant
  FROM cases WHERE (status IN (${list(CASE_STATUSES)}) AND day >= ?) OR status IN ('accepted', 'awaitingSupplement', 'completed')`;

export function windowCases(db: Db, sinceDay: string): WindowCase[] {
  return (stmt(db, SQL).all(sinceDay) as Array<WindowCase & { applicant: string }>).map(({ applicant, ...c }) => ({
    ...c,
    applicantName: applicantDisplayName(JSON.parse(applicant) as { name?: string }),
  }));
}

/** How SQLite runs it (a test keeps it on the index). */
export const windowCasesPlan = (db: Db): string[] => (db.prepare(`EXPLAIN QUERY PLAN ${SQL}`).all('2026-01-01') as { detail: string }[]).map((r) => r.detail);
