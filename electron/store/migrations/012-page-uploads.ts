import type { Migration } from './index';

// The page upload queue, beside the event outbox: one row per blob to send (content-addressed,
// so a page reused by a later case is sent once), queued in the transaction of the
// case.pagesAttached event that names it. A page goes only once that event is acknowledged
// (the server takes pages only for cases it holds); `sent` is what the server last said it
// holds (the status area's bytes left; the upload itself always asks the server first).
export const m012: Migration = {
  version: 12,
  name: 'page-uploads',
  sql: `
CREATE TABLE page_uploads (
  sha256 TEXT PRIMARY KEY REFERENCES page_blobs(sha256),
  case_id TEXT NOT NULL REFERENCES cases(id),
  event_id TEXT NOT NULL REFERENCES case_events(id),
  bytes INTEGER NOT NULL,
  sent INTEGER NOT NULL DEFAULT 0,
  queued_at TEXT NOT NULL,
  done_at TEXT,                            -- the server confirmed it stored the page (durable)
  failed TEXT                              -- plain Chinese: why it cannot go (the server refused it for good)
);
CREATE INDEX page_uploads_waiting ON page_uploads(event_id) WHERE done_at IS NULL AND failed IS NULL;
CREATE INDEX page_uploads_case ON page_uploads(case_id);
`,
};
