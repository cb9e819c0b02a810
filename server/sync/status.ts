// Back-office status events: staff append them, devices pull them by server sequence.
import { v7 as uuidv7 } from 'uuid';
import type { Db, Queryable } from '../db/db';
import type { PullQuery, PullResponse, StatusEvent } from '../../shared/sync/protocol';
import type { SetStatusRequest } from '../../shared/sync/backoffice';
import { HttpError } from '../http/errors';
import { applyEvent, reviewBlocker, type CaseState, type IntakeStatus } from '../../shared/domain/caseState';
import type { CaseEvent } from '../../shared/domain/caseEvents';
import { serverId } from '../admin/directory';
import { iso, num } from '../time';

export type StatusRow = {
  server_seq: unknown; id: string; case_id: string; case_number: string | null; status: StatusEvent['status'];
  reason: string | null; note: string | null; decided_by: string; decided_at: Date;
};
export const statusFromRow = (r: StatusRow): StatusEvent => ({
  serverSeq: num(r.server_seq), id: r.id, caseId: r.case_id, caseNumber: r.case_number, status: r.status,
  reason: r.reason, note: r.note, decidedBy: r.decided_by, decidedAt: iso(r.decided_at),
});


/** A back-office decision as the case event both sides project (the window records it as 'review.status'). */
export const statusCaseEvent = (s: StatusEvent): CaseEvent => ({
  id: s.id, caseId: s.caseId, at: s.decidedAt, staffNo: null, type: 'review.status',
  payload: { status: s.status, reason: s.reason, note: s.note, decidedBy: s.decidedBy, statusEventId: s.id, serverSeq: s.serverSeq },
});

export async function setCaseStatus(db: Db, caseId: string, req: SetStatusRequest): Promise<StatusEvent> {
  return db.transaction(async (tx) => {
    // Sequence values are taken at insert but become visible at commit; one writer at a
    // time keeps commit order = sequence order, so a pull cursor never jumps over a
    // status event that commits late. Decisions are rare, the lock is cheap.
    await tx.exec('LOCK TABLE status_events IN SHARE ROW EXCLUSIVE MODE');
    const c = await tx.query<{ office_code: string; status: IntakeStatus; case_number: string | null; state: CaseState | null }>(
      'SELECT office_code, status, case_number, state FROM cases WHERE id = $1 FOR UPDATE', [caseId]);
    const row = c.rows[0];
    if (!row) throw new HttpError(404, 'not_found', '没有找到该办件');
    const blocked = reviewBlocker(row.state ?? row);
    if (blocked) throw new HttpError(409, 'conflict', blocked.message);
    const { rows } = await tx.query<StatusRow>(
      `INSERT INTO status_events (id, case_id, office_code, status, reason, note, decided_by) VALUES ($1,$2,$3,$4,$5,$6,$7)
       RETURNING *, $8::text AS case_number`,
      [uuidv7(), caseId, row.office_code, req.status, req.reason ?? null, req.note ?? null, req.decidedBy, row.case_number],
    );
    const status = statusFromRow(rows[0]);
    // The same projection as the window's: the case's state takes the decision (never back in time).
    const applied = row.state ? applyEvent(row.state, statusCaseEvent(status)) : null;
    const state = applied?.ok ? applied.state : row.state;
    await tx.query('UPDATE cases SET review_status = $2, state = $3, updated_at = now() WHERE id = $1', [caseId, state?.reviewStatus ?? req.status, state === null ? null : JSON.stringify(state)]);
    return status;
  });
}

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
