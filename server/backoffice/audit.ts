// The audit log: one append-only, hash-chained table (audit_log, a trigger refuses UPDATE,
// DELETE and TRUNCATE). Each record links to the one before it by
// hash = sha256(canonical {prev, at, staffNo, staffName, action, caseId, detail, ip, userAgent}),
// so a record altered or removed behind the server's back shows in verifyAudit. A record is
// written in the transaction of the action it records: the action and its record commit together.
import type { Db, Queryable } from '../db/db';
import { canonicalJson } from '../../shared/sync/chain';
import { normalizeDeep } from '../../shared/text/normalize';
import { AUDIT_ACTION_LABEL, AUDIT_CSV_COLUMNS, type AuditAction, type AuditListResponse, type AuditQuery, type AuditRecord, type AuditVerifyResponse } from '../../shared/sync/audit';
import { toCsv } from '../../shared/csv';
import { sha256 } from '../crypto';
import { iso, num } from '../time';

/** Who did it and from where (a staff member, or the admin CLI on the server machine). */
export interface Actor {
  staffNo: string | null;
  name: string | null;
  ip: string;
  userAgent: string;
}
export const CLI_ACTOR: Actor = { staffNo: null, name: '服务器管理命令', ip: 'cli', userAgent: '' };

const linkOf = (r: { prev: string | null; at: string; staffNo: string | null; staffName: string | null; action: string; caseId: string | null; detail: unknown; ip: string; userAgent: string }) =>
  sha256(canonicalJson(r));

/** Appends one record inside the caller's transaction (the table lock keeps the chain one line). */
export async function recordAudit(tx: Queryable, actor: Actor, action: AuditAction, opts: { caseId?: string | null; detail?: Record<string, unknown> } = {}): Promise<void> {
  await tx.exec('LOCK TABLE audit_log IN EXCLUSIVE MODE');
  const { rows } = await tx.query<{ now: Date; prev: string | null }>('SELECT now() AS now, (SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1) AS prev');
  const at = iso(rows[0].now);
  // Bounded, clean text: a user agent or a typed 工号 can be anything.
  const detail = JSON.parse(JSON.stringify(normalizeDeep(opts.detail ?? {}, 'replace').value ?? {})) as Record<string, unknown>;
  const rec = {
    prev: rows[0].prev, at, staffNo: actor.staffNo, staffName: actor.name, action, caseId: opts.caseId ?? null, detail,
    ip: actor.ip.slice(0, 100), userAgent: (normalizeDeep(actor.userAgent, 'replace').value as string).slice(0, 300),
  };
  await tx.query(
    `INSERT INTO audit_log (at, staff_no, staff_name, action, case_id, detail, ip, user_agent, prev_hash, hash) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)`,
    [at, rec.staffNo, rec.staffName, action, rec.caseId, JSON.stringify(detail), rec.ip, rec.userAgent, rec.prev, linkOf(rec)],
  );
}

/** A record in its own transaction (sign-in failures, views: nothing else to commit with). */
export const audit = (db: Db, actor: Actor, action: AuditAction, opts?: Parameters<typeof recordAudit>[3]) =>
  db.transaction((tx) => recordAudit(tx, actor, action, opts));

type AuditRow = {
  seq: unknown; at: Date; staff_no: string | null; staff_name: string | null; action: AuditAction; case_id: string | null; case_number: string | null;
  detail: Record<string, unknown>; ip: string; user_agent: string; prev_hash: string | null; hash: string;
};
const fromRow = (r: AuditRow): AuditRecord => ({
  seq: num(r.seq), at: iso(r.at), staffNo: r.staff_no, staffName: r.staff_name, action: r.action, caseId: r.case_id, caseNumber: r.case_number,
  detail: r.detail, ip: r.ip, userAgent: r.user_agent, hash: r.hash,
});

// China days → instants (UTC+8), inclusive.
const dayStart = (d: string) => `${d}T00:00:00+08:00`;
const dayEnd = (d: string) => `${d}T23:59:59.999+08:00`;

function filters(q: Omit<AuditQuery, 'limit' | 'before'>, params: unknown[]): string[] {
  const where: string[] = [];
  const add = (sql: string, v: unknown) => { params.push(v); where.push(sql.replace('?', `$${params.length}`)); };
  if (q.staffNo) add('a.staff_no = ?', q.staffNo);
  if (q.action) add('a.action = ?', q.action);
  if (q.caseId) add('a.case_id = ?', q.caseId);
  if (q.from) add('a.at >= ?::timestamptz', dayStart(q.from));
  if (q.to) add('a.at <= ?::timestamptz', dayEnd(q.to));
  return where;
}

/** Newest first, paged by seq. */
export async function listAudit(db: Queryable, q: AuditQuery): Promise<AuditListResponse> {
  const params: unknown[] = [];
  const where = filters(q, params);
  if (q.before) { params.push(q.before); where.push(`a.seq < $${params.length}`); }
  params.push(q.limit + 1);
  const { rows } = await db.query<AuditRow>(
    `SELECT a.*, c.case_number FROM audit_log a LEFT JOIN cases c ON c.id = a.case_id ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY a.seq DESC LIMIT $${params.length}`, params);
  const records = rows.slice(0, q.limit).map(fromRow);
  return { records, nextCursor: records.length ? records[records.length - 1].seq : null, hasMore: rows.length > q.limit };
}

/** China wall-clock time for the spreadsheet (Excel has no time zones). */
const chinaTime = (at: string) => new Date(Date.parse(at) + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
const describe = (d: Record<string, unknown>) => Object.entries(d).map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`).join('; ');

/** The whole filtered log, oldest first, as CSV for Excel (UTF-8 BOM, CRLF, formulas guarded). */
export async function auditCsv(db: Queryable, q: Omit<AuditQuery, 'limit' | 'before'>): Promise<string> {
  const params: unknown[] = [];
  const where = filters(q, params);
  const { rows } = await db.query<AuditRow>(
    `SELECT a.*, c.case_number FROM audit_log a LEFT JOIN cases c ON c.id = a.case_id ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY a.seq`, params);
  return toCsv([
    [...AUDIT_CSV_COLUMNS],
    ...rows.map(fromRow).map((r) => [r.seq, chinaTime(r.at), r.staffNo ?? '', r.staffName ?? '', AUDIT_ACTION_LABEL[r.action], r.caseNumber ?? '', describe(r.detail), r.ip, r.userAgent, r.hash]),
  ]);
}

/** Recomputes every link in order: altered content, or a record missing before one. */
export async function verifyAudit(db: Queryable): Promise<AuditVerifyResponse> {
  const { rows } = await db.query<AuditRow>('SELECT * FROM audit_log ORDER BY seq');
  const breaks: AuditVerifyResponse['breaks'] = [];
  let head: string | null = null;
  for (const r of rows) {
    const seq = num(r.seq);
    const content = { prev: r.prev_hash, at: iso(r.at), staffNo: r.staff_no, staffName: r.staff_name, action: r.action, caseId: r.case_id, detail: r.detail, ip: r.ip, userAgent: r.user_agent };
    if (linkOf(content) !== r.hash) breaks.push({ seq, kind: 'altered', message: `第 ${seq} 条审计记录的内容与其校验值不符（被改动）` });
    else if (r.prev_hash !== head) breaks.push({ seq, kind: 'gap', message: `第 ${seq} 条审计记录之前的记录缺失或被替换` });
    head = r.hash;
  }
  return { checked: rows.length, breaks };
}
