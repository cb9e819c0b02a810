import type { Migration } from './index';

// Sync client state (one row once the device is enrolled), uploads the server refused
// (kept for the operator), and which back-office status events have been applied.
export const m003: Migration = {
  version: 3,
  name: 'sync',
  sql: `
CREATE TABLE sync_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  server_url TEXT NOT NULL,
  device_id TEXT NOT NULL,
  token_blob BLOB NOT NULL,                -- device token sealed by the host's SecretBox
  token_box TEXT NOT NULL,                 -- which box sealed it ('safeStorage', 'plain' …)
  server_id TEXT NOT NULL,                 -- the server database seen at enrolment / last pull
  seq_base INTEGER NOT NULL DEFAULT 0,     -- wire seq = outbox.seq - seq_base (1,2,3… per enrolment)
  status_cursor INTEGER NOT NULL DEFAULT 0,
  catalogue_version_seen INTEGER NOT NULL DEFAULT 0,
  enrolled_at TEXT NOT NULL,
  last_success_at TEXT,
  last_error TEXT,                         -- plain Chinese, for the status area
  last_error_at TEXT,
  notice TEXT                              -- lasting warning for the operator (e.g. server data replaced)
);

-- Uploads the server refused for good: acknowledged (so the queue moves on) but shown.
CREATE TABLE sync_rejected (
  seq INTEGER PRIMARY KEY,                 -- local outbox seq
  event_id TEXT NOT NULL,
  case_id TEXT,
  code TEXT NOT NULL,
  message TEXT NOT NULL,
  at TEXT NOT NULL
);

-- Back-office status events already applied (pulls are resumable and may repeat).
CREATE TABLE status_applied (
  status_event_id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL,
  server_id TEXT NOT NULL,
  server_seq INTEGER NOT NULL,
  decided_at TEXT NOT NULL,
  local_event_id TEXT NOT NULL
);
CREATE INDEX status_applied_case ON status_applied(case_id, decided_at);
`,
};
