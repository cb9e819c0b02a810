import type { Migration } from './index';
import { caseEvents } from '../caseEvents';
import { projectCase } from '../../../shared/domain/caseState';

// 需补正 stops the 立等可取 clock (shared/domain/supplementClock.ts): the cases row, a cache of
// the projection, keeps since when it stands still, so the queue's countdown can show it
// paused. Cases under a 需补正 when this runs are projected again (the rules are new), so
// their pause starts at the 需补正 they already had; few cases are ever in that state.
export const m014: Migration = {
  version: 14,
  name: 'clock-pause',
  sql: `
ALTER TABLE cases ADD COLUMN clock_paused_at TEXT;
`,
  up(db) {
    const ids = db.prepare("SELECT id FROM cases WHERE review_status = 'needsSupplement'").pluck().all() as string[];
    const set = db.prepare('UPDATE cases SET clock_paused_at = ?, due_at = ? WHERE id = ?');
    for (const id of ids) {
      const r = projectCase(caseEvents(db, id));
      if (r.ok) set.run(r.state.clockPausedAt, r.state.dueAt, id);
    }
  },
};
