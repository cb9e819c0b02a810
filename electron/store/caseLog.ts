// Writing a case: its events are the record, the `cases` row is the projection of those events
// (shared/domain/caseState.ts) kept for lists and queries. Every change goes through here, in
// the caller's transaction: the projection decides whether the event may follow, the event is
// appended (and chained), and the row is rewritten from the new state.
import { AppError } from '../../shared/errors';
import { applyEvent, projectCase, type CaseState, type DecidedStatus } from '../../shared/domain/caseState';
import { chinaDay } from '../../shared/time';
import { appendEvent, caseEvents, type NewEvent } from './caseEvents';
import type { CaseEvent } from '../../shared/domain/caseEvents';
import { insertCase, updateCase, type CaseRow } from './cases';
import type { Db } from './db';

/** A case's state from its history (null: no such case). */
export function loadCaseState(db: Db, caseId: string): CaseState | null {
  const events = caseEvents(db, caseId);
  if (!events.length) return null;
  const r = projectCase(events);
  if (!r.ok) throw new Error(`case ${caseId} history does not project: ${r.problem}`);
  return r.state;
}

/** Appends `events` to a case (new when `state` is null) and writes its row; returns the new state. */
export function recordEvents(db: Db, state: CaseState | null, events: NewEvent[], created?: { snapshotId: string; itemName: string }, appended?: CaseEvent[]): CaseState {
  let s = state;
  for (const e of events) {
    // The id is made at append; the projection does not read it.
    const r = applyEvent(s, { ...e, id: '' } as CaseEvent);
    if (!r.ok) throw new AppError('conflict', r.problem);
    s = r.state;
  }
  if (!s) throw new Error('recordEvents: nothing recorded');
  if (!state) {
    if (!created) throw new Error('recordEvents: a new case needs its item snapshot');
    insertCase(db, rowFromState(s, created)); // first: its events reference it
  }
  for (const e of events) {
    const stored = appendEvent(db, e);
    appended?.push(stored);
  }
  if (state) updateCase(db, s.id, mutableColumns(s));
  return s;
}

/** Columns that change after the decision, from the state. */
function mutableColumns(s: CaseState): Partial<CaseRow> {
  return {
    status: s.status as DecidedStatus,
    reviewStatus: s.reviewStatus,
    // 延期 and 恢复 move the promised date.
    promisedDate: s.promisedDate,
    // 需补正 stops the 立等可取 clock; when it runs again the due instant has moved.
    dueAt: s.dueAt,
    clockPausedAt: s.clockPausedAt ?? null,
    marks: JSON.stringify(s.marks),
    completedAt: s.completedAt,
    elapsedSeconds: s.elapsedSeconds,
    deliveredAt: s.deliveredAt,
    rating: s.rating,
  };
}

function rowFromState(s: CaseState, created: { snapshotId: string; itemName: string }): CaseRow {
  if (!s.decision || !s.decidedAt || s.status === 'opened') throw new Error('rowFromState: a case row is written once the decision is recorded');
  return {
    id: s.id,
    caseNumber: s.caseNumber,
    itemCode: s.itemCode,
    itemName: s.itemName ?? created.itemName,
    catalogueVersion: s.catalogueVersion,
    snapshotId: created.snapshotId,
    applicant: JSON.stringify(s.applicant),
    agent: s.agent ? JSON.stringify(s.agent) : null,
    answers: JSON.stringify(s.answers),
    marks: JSON.stringify(s.marks),
    decision: s.decision,
    status: s.status,
    reviewStatus: s.reviewStatus,
    tier: s.tier,
    openedAt: s.openedAt,
    acceptedAt: s.decidedAt,
    dueAt: s.dueAt,
    clockPausedAt: s.clockPausedAt ?? null,
    promisedDate: s.promisedDate,
    supplementDeadline: s.supplementDeadline,
    completedAt: s.completedAt,
    elapsedSeconds: s.elapsedSeconds,
    deliveredAt: s.deliveredAt,
    rating: s.rating,
    staffNo: s.staffNo ?? '',
    officeCode: s.officeCode,
    windowCode: s.windowCode,
    day: chinaDay(new Date(s.decidedAt)),
  };
}
