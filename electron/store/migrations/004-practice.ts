import type { Migration } from './index';

// Practice mode (练习模式): imported scenario packs, class sessions and every trainee attempt.
// The tables exist in every file but are only written in a practice database: the handlers
// refuse practice work on the real workstation. The built-in pack lives in code, not here.
export const m004: Migration = {
  version: 4,
  name: 'practice',
  sql: `
CREATE TABLE practice_packs (
  id TEXT PRIMARY KEY,                     -- pack id from the JSON ('builtin' is reserved)
  title TEXT NOT NULL,
  version INTEGER NOT NULL,
  json TEXT NOT NULL,                      -- the validated pack, re-exportable as is
  imported_at TEXT NOT NULL,
  imported_by TEXT NOT NULL
);

CREATE TABLE practice_sessions (
  id TEXT PRIMARY KEY,                     -- UUIDv7
  title TEXT NOT NULL,
  pack_id TEXT NOT NULL,
  scenario_ids TEXT NOT NULL,              -- JSON array, in class order
  trainer_staff_no TEXT NOT NULL,
  trainer_name TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE practice_attempts (
  id TEXT PRIMARY KEY,                     -- UUIDv7
  staff_no TEXT NOT NULL,
  trainee_name TEXT NOT NULL,
  pack_id TEXT NOT NULL,
  pack_version INTEGER NOT NULL,
  scenario_id TEXT NOT NULL,
  scenario_title TEXT NOT NULL,
  started_at TEXT NOT NULL,                -- workstation clock
  finished_at TEXT,
  case_id TEXT UNIQUE,                     -- the practice case decided in this attempt, if any
  inspected TEXT NOT NULL DEFAULT '[]',    -- JSON array of card ids looked at closely
  attempt TEXT,                            -- the scored Attempt (JSON)
  result TEXT,                             -- the ScoreResult (JSON)
  score INTEGER
);
CREATE INDEX practice_attempts_trainee ON practice_attempts(staff_no, scenario_id);
`,
};
