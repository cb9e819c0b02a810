import type { Migration } from './index';

export const m001: Migration = {
  version: 1,
  name: 'catalogue-clerks',
  sql: `
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE catalogue_meta (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  version INTEGER NOT NULL,
  published_at TEXT NOT NULL,
  schema_version INTEGER NOT NULL
);
CREATE TABLE departments (code TEXT PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE sub_centers (code TEXT PRIMARY KEY, json TEXT NOT NULL);
CREATE TABLE offices (code TEXT PRIMARY KEY, level TEXT NOT NULL, json TEXT NOT NULL);
CREATE TABLE windows (office_code TEXT NOT NULL, code TEXT NOT NULL, json TEXT NOT NULL, PRIMARY KEY (office_code, code));
CREATE TABLE items (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  department_code TEXT NOT NULL REFERENCES departments(code),
  json TEXT NOT NULL,
  -- search keys precomputed at import so start-up does no pinyin work
  search_initials TEXT NOT NULL,
  search_pinyin TEXT NOT NULL
);
CREATE INDEX items_department ON items(department_code);

-- How often this window picked an item: ranks search hits.
CREATE TABLE item_usage (
  window_key TEXT NOT NULL,
  item_code TEXT NOT NULL,
  uses INTEGER NOT NULL DEFAULT 0,
  last_used TEXT NOT NULL,
  PRIMARY KEY (window_key, item_code)
);

CREATE TABLE clerks (
  staff_no TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('clerk','supervisor','trainer')),
  office_code TEXT NOT NULL,
  window_code TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  staff_no TEXT,
  action TEXT NOT NULL,
  detail TEXT NOT NULL DEFAULT '{}'
);
`,
};
