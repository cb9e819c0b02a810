// Read side of the back-office console: cases, their events and decisions, rejected uploads.
import type { Queryable } from '../db/db';
import type { CaseDetailResponse, CaseEventRecord, CaseListResponse, CaseSummary, ChainBreakListResponse, RejectedListResponse } from '../../shared/sync/backoffice';
import type { CaseState } from '../../shared/domain/caseState';
import type { z } from 'zod';
import type { CaseListQuery } from '../../shared/sync/backoffice';
import { HttpError } from '../http/errors';
import { statusFromRow, type StatusRow } from '../sync/status';
import { iso, num } from '../time';

type CaseRow = {
  state?: CaseState | null;
  id: string; office_code: string; device_id: string; item_code: string; department_code: string | null; case_number: string | null;
  status: CaseSummary['status']; review_status: CaseSummary['reviewStatus']; created_device_time: Date; updated_at: Date; server_seq: unknown;
};
const caseFromRow = (r: CaseRow): CaseSummary => ({
  id: r.id, officeCode: r.office_code, deviceId: r.device_id, itemCode: r.item_code, departmentCode: r.department_code,
  caseNumber: r.case_number, status: r.status, reviewStatus: r.review_status, createdDeviceTime: iso(r.created_device_time),
  updatedAt: iso(r.updated_at), serverSeq: num(r.server_seq),
});

export async function listCases(db: Queryable, q: z.infer<typeof CaseListQuery>): Promise<CaseListResponse> {
  const desc = q.order === 'desc';
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (col: string, v: unknown, op = '=') => { if (v !== undefined) { params.push(v); where.push(`${col} ${op} $${params.length}`); } };
  if (desc) add('server_seq', q.before, '<');
  else add('server_seq', q.after, '>');
  add('office_code', q.officeCode);
  add('department_code', q.departmentCode);
  if (q.reviewStatus === 'none') where.push('review_status IS NULL');
  else add('review_status', q.reviewStatus);
  add('status', q.status);
  params.push(q.limit + 1);
  const { rows } = await db.query<CaseRow>(
    `SELECT * FROM cases ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY server_seq ${desc ? 'DESC' : ''} LIMIT $${params.length}`, params);
  const cases = rows.slice(0, q.limit).map(caseFromRow);
  const start = desc ? (q.before ?? 0) : q.after;
  return { cases, nextCursor: cases.length ? cases[cases.length - 1].serverSeq : start, hasMore: rows.length > q.limit };
}

export async function caseDetail(db: Queryable, caseId: string): Promise<CaseDetailResponse> {
  const c = await db.query<CaseRow>('SELECT * FROM cases WHERE id = $1', [caseId]);
  if (!c.rows[0]) throw new HttpError(404, 'not_found', '没有找到该办件');
  const ev = await db.query<{ id: string; device_id: string; device_seq: unknown; staff_no: string | null; type: string; payload: Record<string, unknown>; device_time: Date; received_at: Date; server_seq: unknown }>(
    'SELECT * FROM case_events WHERE case_id = $1 ORDER BY server_seq', [caseId]);
  const st = await db.query<StatusRow>(
    'SELECT s.*, c.case_number FROM status_events s JOIN cases c ON c.id = s.case_id WHERE s.case_id = $1 ORDER BY s.server_seq', [caseId]);
  return {
    case: caseFromRow(c.rows[0]),
    state: c.rows[0].state ?? null,
    events: ev.rows.map((r) => ({
      id: r.id, deviceId: r.device_id, deviceSeq: num(r.device_seq), staffNo: r.staff_no, type: r.type, payload: r.payload,
      deviceTime: iso(r.device_time), receivedAt: iso(r.received_at), serverSeq: num(r.server_seq),
    }) as CaseEventRecord),
    statuses: st.rows.map(statusFromRow),
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
