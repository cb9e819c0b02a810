// The record of notices printed (migration 012), written by the print handler after the notice
// left for the printer or its PDF was archived.
import type { Db } from './db';
import type { NoticeKind } from '../../shared/notice/model';

export interface NoticePrint {
  caseId: string;
  kind: NoticeKind;
  printedAt: string;
  printedTo: string | null;
  staffNo: string;
}

export function recordPrint(db: Db, p: NoticePrint): void {
  db.prepare('INSERT INTO notice_prints (case_id, kind, printed_at, printed_to, staff_no) VALUES (@caseId, @kind, @printedAt, @printedTo, @staffNo)').run(p);
}

/** The kinds printed for a case, in the order they were printed. */
export function printedKinds(db: Db, caseId: string): NoticeKind[] {
  return (db.prepare('SELECT kind FROM notice_prints WHERE case_id = ? ORDER BY id').all(caseId) as { kind: NoticeKind }[]).map((r) => r.kind);
}
