import type { Migration } from './index';

// The intake being typed, kept on disk so nothing is lost (docs/architecture.md §12): one
// row per window and clerk. The index on cases.opened_at lets a late autosave see that the
// intake it belongs to was already decided (and not bring the draft back).
export const m008: Migration = {
  version: 8,
  name: 'intake-drafts',
  sql: `
CREATE TABLE intake_drafts (
  window_code TEXT NOT NULL,
  staff_no TEXT NOT NULL,
  item_code TEXT NOT NULL,
  started_at TEXT NOT NULL,
  content TEXT NOT NULL,
  saved_at TEXT NOT NULL,
  PRIMARY KEY (window_code, staff_no)
);
CREATE INDEX cases_opened_at ON cases(opened_at);
`,
};
