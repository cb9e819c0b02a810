// The window's 差评 (rating 不满意 or 非常不满意), newest first, each with its history for the
// 整改 standing (shared/stats/badRatings.ts).
import { stmt } from './statements';
import type { Db } from './db';
import { caseEvents } from './caseEvents';
import { badRatingLine, type BadRatingLine } from '../../shared/stats/badRatings';

export function windowBadRatings(db: Db, today: string, limit = 200): BadRatingLine[] {
  const ids = stmt(db, "SELECT id FROM cases WHERE rating IN ('dissatisfied', 'veryDissatisfied') ORDER BY accepted_at DESC LIMIT ?").all(limit) as { id: string }[];
  return ids.flatMap(({ id }) => {
    const line = badRatingLine(caseEvents(db, id), today);
    return line ? [line] : [];
  });
}
