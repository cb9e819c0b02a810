// 需补正 and 待取件 arriving from the back office need the window's action: tell the applicant,
// hand the result over. A case is flagged until a clerk opens it after that decision arrived;
// the opening is recorded in the audit trail (who saw it, when), which is also what clears it.
import { stmt } from './statements';
import { audit } from './audit';
import type { Db } from './db';
import { needsWindowAttention, type ReviewStatus } from '../../shared/domain/caseState';
import type { CaseStatus } from '../../shared/domain/case';

export interface ReviewAlert {
  caseId: string;
  caseNumber: string;
  reviewStatus: ReviewStatus;
  /** The back-office decision that raised it. */
  statusEventId: string;
}

// The latest decision (review.status) applied to each case that may need the window, not yet seen.
const UNSEEN = `
SELECT c.id AS caseId, c.case_number AS caseNumber, c.review_status AS reviewStatus, c.status AS status, d.status_event_id AS statusEventId
FROM cases c
JOIN status_applied d ON d.status_event_id = (
  SELECT sa.status_event_id FROM status_applied sa JOIN case_events e ON e.id = sa.local_event_id
  WHERE sa.case_id = c.id AND e.type = 'review.status' ORDER BY sa.server_seq DESC LIMIT 1)
WHERE c.review_status IN ('needsSupplement', 'readyForPickup')
  AND NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.action = 'review.seen' AND json_extract(a.detail, '$.statusEventId') = d.status_event_id)
ORDER BY c.accepted_at`;

export function unseenReviewAlerts(db: Db): ReviewAlert[] {
  const rows = stmt(db, UNSEEN).all() as Array<ReviewAlert & { status: CaseStatus }>;
  return rows.filter((r) => needsWindowAttention(r)).map(({ status: _status, ...a }) => a);
}

/** The clerk opened the case: its current alert is seen (once). */
export function markReviewSeen(db: Db, caseId: string, staffNo: string, at: string): void {
  const alert = unseenReviewAlerts(db).find((a) => a.caseId === caseId);
  if (alert) audit(db, 'review.seen', staffNo, { caseId, statusEventId: alert.statusEventId, reviewStatus: alert.reviewStatus }, at);
}
