import type { Migration } from './index';

// A leaner acceptance transaction. The outbox is filled by sync, not by the window. An acceptance commits only its case row
// and events (fewer B-trees in the fsync'd transaction the applicant waits for); the
// window's own events ('case.*') past this cursor are exactly the ones still to be queued,
// and sync copies them into the outbox, in rowid order, before numbering and sending.
// case_events is append-only (no deletes), so its rowids only grow.
export const m005: Migration = {
  version: 5,
  name: 'lean-intake',
  sql: `
CREATE TABLE outbox_cursor (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  staged_through INTEGER NOT NULL          -- case_events.rowid: everything up to here is in the outbox (or was sent)
);
-- Every event written so far was queued by the version that wrote it.
INSERT INTO outbox_cursor (id, staged_through) SELECT 1, coalesce(max(rowid), 0) FROM case_events;

-- The daily case sequence now comes from the case_number index itself (the highest number
-- of the window and day, plus one), in the same transaction: the counter table it always
-- agreed with is one more B-tree per acceptance.
DROP TABLE case_sequences;

-- One index serves both halves of the queue (today's cases; open ones from any day):
-- (status, day) instead of separate status and day indexes.
DROP INDEX cases_day;
DROP INDEX cases_status;
CREATE INDEX cases_status_day ON cases(status, day);
`,
};
