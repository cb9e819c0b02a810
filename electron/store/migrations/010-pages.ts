import type { Migration } from './index';

// Scanned pages (扫描件). The bytes live in this file as BLOBs, addressed by their sha256: a
// compressed page is 20–100 KB, where SQLite reads and writes faster than one file per page,
// and above all the bytes commit in the same transaction as the rows that tie them to a
// material and a case — no orphan file, no file without its row, nothing to fsync and rename
// by hand, one file to back up, and a practice database keeps its pages to itself.
// A page belongs to an intake draft (the renderer's id for the case being taken in) until a
// case.pagesAttached event moves it to its case, in that event's transaction.
export const m010: Migration = {
  version: 10,
  name: 'pages',
  sql: `
CREATE TABLE page_blobs (
  sha256 TEXT PRIMARY KEY,                 -- of data, hex
  data BLOB,                               -- NULL once purged after the centre confirmed it
  bytes INTEGER NOT NULL,
  content_type TEXT NOT NULL,              -- sniffed from the bytes
  created_at TEXT NOT NULL
);

CREATE TABLE pages (
  id TEXT PRIMARY KEY,                     -- UUIDv7
  sha256 TEXT NOT NULL REFERENCES page_blobs(sha256),
  draft_id TEXT,                           -- before the decision (or a 补正): the draft it was taken for
  case_id TEXT REFERENCES cases(id),       -- once attached
  material_id TEXT NOT NULL,
  width INTEGER NOT NULL,
  height INTEGER NOT NULL,
  colour TEXT NOT NULL CHECK (colour IN ('grey', 'colour')),
  taken_at TEXT NOT NULL,
  staff_no TEXT NOT NULL,
  reused_from_case_id TEXT,                -- 共性材料 taken over from an earlier case
  CHECK ((draft_id IS NULL) <> (case_id IS NULL))
);
CREATE INDEX pages_draft ON pages(draft_id) WHERE draft_id IS NOT NULL;
CREATE INDEX pages_case ON pages(case_id, material_id) WHERE case_id IS NOT NULL;
CREATE INDEX pages_sha ON pages(sha256);
`,
};
