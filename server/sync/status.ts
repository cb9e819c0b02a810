// Back-office events (status_events): the back office issues them in one transaction with
// the case's projected state; devices pull them by server sequence.
import { storedStateJson } from './storedState';
import { v7 as uuidv7 } from 'uuid';
import type { Queryable } from '../db/db';
import type { PullQuery, PullResponse, ReviewStatus, StatusEvent } from '../../shared/sync/protocol';
import { applyEvent, type CaseState } from '../../shared/domain/caseState';
import { unhandled, type BackOfficeEventBody, type CaseEvent } from '../../shared/domain/caseEvents';
import { backOfficeBody } from '../../shared/sync/statusEvents';
import { serverId } from '../admin/directory';
import { iso, num } from '../time';

export type StatusRow = {
  server_seq: unknown; id: string; case_id: string; case_number: string | null; type: StatusEvent['type']; payload: Record<string, unknown> | null;
  status: StatusEvent['status']; reason: string | null; note: string | null; decided_by: string; staff_no: string | null; decided_at: Date;
};
export const statusFromRow = (r: StatusRow): StatusEvent => ({
  serverSeq: num(r.server_seq), id: r.id, caseId: r.case_id, caseNumber: r.case_number, type: r.type ?? 'review.status',
  payload: r.payload ? { ...r.payload, ...(r.staff_no ? { staffNo: r.staff_no } : {}) } : undefined,
  status: r.status, reason: r.reason, note: r.note, decidedBy: r.decided_by, decidedAt: iso(r.decided_at),
});

type RowSupplied = 'decidedBy' | 'staffNo' | 'statusEventId' | 'serverSeq';
/** Omit that keeps the named fields of a loose payload (Omit would keep only its index signature). */
type Without<T, K extends PropertyKey> = { [P in keyof T as P extends K ? never : P]: T[P] };
/** The typed body without the part the row supplies (who, which row). */
export type IssuedBody = { [B in BackOfficeEventBody as B['type']]: { type: B['type']; payload: Without<B['payload'], RowSupplied> } }[BackOfficeEventBody['type']];

/** The columns status_events keeps beside the payload (lists read them without the payload). */
function columnsOf(body: IssuedBody): { status: ReviewStatus | null; reason: string | null; note: string | null } {
  switch (body.type) {
    case 'review.status':
      return { status: body.payload.status, reason: body.payload.reason, note: body.payload.note };
    case 'review.extended':
    case 'review.suspended':
      return { status: null, reason: body.payload.reason, note: null };
    case 'review.resumed':
    case 'review.rectification':
      return { status: null, reason: null, note: null };
    default:
      return unhandled(body);
  }
}

/** A case as an action found it (row locked FOR UPDATE by the caller's query). */
export interface LockedCase {
  id: string;
  office_code: string;
  case_number: string | null;
  state: CaseState | null;
}

/**
 * Appends one back-office event for the case and applies it to cases.state, in the caller's
 * transaction. Call `lockStatusEvents` first, before any row lock: sequence values are taken
 * at insert but become visible at commit, and one writer at a time keeps commit order =
 * sequence order, so a pull cursor never jumps over an event that commits late.
 */
export async function issueStatusEvent(tx: Queryable, c: LockedCase, body: IssuedBody, by: { staffNo: string; name: string }): Promise<StatusEvent> {
  const { status, reason, note } = columnsOf(body);
  const { rows } = await tx.query<StatusRow>(
    `INSERT INTO status_events (id, case_id, office_code, type, payload, status, reason, note, decided_by, staff_no) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)
     RETURNING *, $11::text AS case_number`,
    [uuidv7(), c.id, c.office_code, body.type, JSON.stringify(body.payload), status, reason, note, by.name, by.staffNo, c.case_number],
  );
  const event = statusFromRow(rows[0]);
  // The same projection as the window's (never refused: the caller checked the rules first).
  const parsed = backOfficeBody(event);
  if (!parsed) throw new Error(`status event ${event.id} does not parse`);
  const applied = c.state ? applyEvent(c.state, { ...parsed, id: event.id, caseId: c.id, at: event.decidedAt, staffNo: null } satisfies CaseEvent) : null;
  const state = applied?.ok ? applied.state : c.state;
  await tx.query('UPDATE cases SET review_status = $2, state = $3, updated_at = now() WHERE id = $1',
    [c.id, state?.reviewStatus ?? event.status, state === null ? null : storedStateJson(state)]);
  c.state = state;
  return event;
}

export const lockStatusEvents = (tx: Queryable) => tx.exec('LOCK TABLE status_events IN SHARE ROW EXCLUSIVE MODE');

/** Status events of one office after the cursor, oldest first. */
export async function pullStatus(db: Queryable, officeCode: string, q: PullQuery): Promise<PullResponse> {
  const { rows } = await db.query<StatusRow>(
    `SELECT s.*, c.case_number FROM status_events s JOIN cases c ON c.id = s.case_id
     WHERE s.office_code = $1 AND s.server_seq > $2 ORDER BY s.server_seq LIMIT $3`,
    [officeCode, q.after, q.limit + 1],
  );
  const page = rows.slice(0, q.limit).map(statusFromRow);
  return {
    events: page,
    nextCursor: page.length ? page[page.length - 1].serverSeq : q.after,
    hasMore: rows.length > q.limit,
    serverId: await serverId(db),
  };
}
