import type { Migration } from './index';

export const m002: Migration = {
  version: 2,
  name: 'cases-outbox',
  sql: `
-- Items as they were when cases started, stored once per distinct version (id = sha256).
CREATE TABLE item_snapshots (id TEXT PRIMARY KEY, json TEXT NOT NULL);

-- Projection of each case's events, for lists and queries. Rebuildable from case_events.
CREATE TABLE cases (
  id TEXT PRIMARY KEY,                     -- UUIDv7 made here
  case_number TEXT NOT NULL UNIQUE,
  item_code TEXT NOT NULL,
  item_name TEXT NOT NULL,
  catalogue_version INTEGER NOT NULL,
  snapshot_id TEXT NOT NULL REFERENCES item_snapshots(id), -- the Item as it was when the case started
  applicant TEXT NOT NULL,
  agent TEXT,
  answers TEXT NOT NULL,
  marks TEXT NOT NULL,
  decision TEXT NOT NULL,
  status TEXT NOT NULL,
  review_status TEXT,
  tier TEXT,
  accepted_at TEXT NOT NULL,
  due_at TEXT,
  promised_date TEXT,
  supplement_deadline TEXT,
  completed_at TEXT,
  elapsed_seconds INTEGER,
  delivered_at TEXT,
  rating TEXT,
  staff_no TEXT NOT NULL,
  office_code TEXT NOT NULL,
  window_code TEXT NOT NULL,
  day TEXT NOT NULL                        -- YYYY-MM-DD (China time) of acceptance
);
CREATE INDEX cases_day ON cases(day);
CREATE INDEX cases_status ON cases(status);

-- The history itself: append-only, enforced by triggers.
CREATE TABLE case_events (
  id TEXT PRIMARY KEY,                     -- UUIDv7
  case_id TEXT NOT NULL REFERENCES cases(id),
  type TEXT NOT NULL,
  payload TEXT NOT NULL,
  staff_no TEXT,
  device_time TEXT NOT NULL,
  server_seq INTEGER
);
CREATE INDEX case_events_case ON case_events(case_id);
CREATE TRIGGER case_events_no_update BEFORE UPDATE OF id, case_id, type, payload, staff_no, device_time ON case_events
BEGIN SELECT RAISE(ABORT, 'case_events is append-only'); END;
CREATE TRIGGER case_events_no_delete BEFORE DELETE ON case_events
BEGIN SELECT RAISE(ABORT, 'case_events is append-only'); END;

-- Events waiting to reach the central server, numbered 1,2,3… for this device.
CREATE TABLE outbox (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  event_id TEXT NOT NULL UNIQUE REFERENCES case_events(id)
);

-- Daily case-number sequence per office and window, taken in the case's transaction.
CREATE TABLE case_sequences (
  office_code TEXT NOT NULL,
  window_code TEXT NOT NULL,
  day TEXT NOT NULL,
  last INTEGER NOT NULL,
  PRIMARY KEY (office_code, window_code, day)
);
`,
};
