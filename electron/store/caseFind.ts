// 查找办件: cases of any day by applicant name (a prefix), ID number, credit code or case number,
// each served by an index (migration 008 for the JSON fields). Only this file's database is
// searched: a practice workstation has its own file, so real and practice cases never meet.
import { stmt } from './statements';
import type { Db } from './db';
import { CASE_SELECT, type CaseRow } from './cases';
import type { CaseQuery } from '../../shared/search/caseQuery';

export const FIND_LIMIT = 50;

const A_NAME = "json_extract(applicant, '$.name')";
const A_REP = "json_extract(applicant, '$.legalRepresentative')";
const G_NAME = "json_extract(agent, '$.name')";
const A_ID = "json_extract(applicant, '$.idNumber')";
const A_CREDIT = "json_extract(applicant, '$.creditCode')";
const G_ID = "json_extract(agent, '$.idNumber')";

// A prefix as a range on the BINARY order: [p, p + U+10FFFF) holds every text starting with p.
const prefixOn = (expr: string) => `SELECT id FROM cases WHERE ${expr} >= @p AND ${expr} < @p || char(1114111)`;
const SQL = {
  name: `${CASE_SELECT} WHERE id IN (${[A_NAME, A_REP, G_NAME].map(prefixOn).join(' UNION ')}) ORDER BY accepted_at DESC LIMIT ${FIND_LIMIT + 1}`,
  idNumber: `${CASE_SELECT} WHERE id IN (SELECT id FROM cases WHERE ${A_ID} = @p UNION SELECT id FROM cases WHERE ${G_ID} = @p) ORDER BY accepted_at DESC LIMIT ${FIND_LIMIT + 1}`,
  creditCode: `${CASE_SELECT} WHERE ${A_CREDIT} = @p ORDER BY accepted_at DESC LIMIT ${FIND_LIMIT + 1}`,
  caseNumber: `${CASE_SELECT} WHERE case_number = @p`,
} as const;

export interface FoundCases {
  rows: CaseRow[];
  /** More than FIND_LIMIT matched: the newest are shown. */
  truncated: boolean;
}

export function findCases(db: Db, q: Exclude<CaseQuery, { kind: 'invalid' }>): FoundCases {
  const rows = stmt(db, SQL[q.kind]).all({ p: q.value }) as CaseRow[];
  return { rows: rows.slice(0, FIND_LIMIT), truncated: rows.length > FIND_LIMIT };
}

/** How SQLite runs each kind of search (a test keeps every one on an index). */
export function findPlans(db: Db): Record<keyof typeof SQL, string[]> {
  const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ p: 'x' }) as { detail: string }[]).map((r) => r.detail);
  return { name: plan(SQL.name), idNumber: plan(SQL.idNumber), creditCode: plan(SQL.creditCode), caseNumber: plan(SQL.caseNumber) };
}
