import type { Migration } from './index';

// Every notice the print handler produced (sent to a printer, or archived as PDF when none is
// set): what was printed for a case is a fact the workstation records itself, so practice scoring
// (打印文书) reads it rather than anything the renderer claims.
export const m013: Migration = {
  version: 13,
  name: 'notice-prints',
  sql: `
CREATE TABLE notice_prints (
  id INTEGER PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases(id),
  kind TEXT NOT NULL,
  printed_at TEXT NOT NULL,
  printed_to TEXT,
  staff_no TEXT NOT NULL
);
CREATE INDEX notice_prints_case ON notice_prints (case_id, id);
`,
};
