import type { Migration } from './index';

export const m001: Migration = {
  version: 1,
  name: 'init',
  sql: `
CREATE TABLE server_meta (key text PRIMARY KEY, value text NOT NULL);
-- Identifies this database; a restored or replaced server gets a new one on purpose only.
INSERT INTO server_meta (key, value) VALUES ('server_id', gen_random_uuid()::text);

CREATE TABLE offices (
  code text PRIMARY KEY,
  name text NOT NULL,
  level text NOT NULL CHECK (level IN ('city','county','township','village')),
  address text NOT NULL,
  phone text NOT NULL DEFAULT '',
  parent_code text REFERENCES offices(code),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE windows (
  office_code text NOT NULL REFERENCES offices(code),
  code text NOT NULL,
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('general','domain','functional','business')),
  department_codes jsonb NOT NULL DEFAULT '[]',
  settings jsonb NOT NULL DEFAULT '{}',
  PRIMARY KEY (office_code, code)
);

CREATE TABLE devices (
  id uuid PRIMARY KEY,
  office_code text NOT NULL,
  window_code text NOT NULL,
  name text NOT NULL,
  app_version text,
  -- sha256 hex of the bearer token; the token itself is never stored
  token_hash text NOT NULL UNIQUE,
  enrolled_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz,
  revoked_at timestamptz,
  FOREIGN KEY (office_code, window_code) REFERENCES windows(office_code, code)
);

CREATE TABLE enrolment_codes (
  code_hash text PRIMARY KEY,
  office_code text NOT NULL,
  window_code text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  used_by uuid REFERENCES devices(id),
  FOREIGN KEY (office_code, window_code) REFERENCES windows(office_code, code)
);

CREATE TABLE catalogue_versions (
  version integer PRIMARY KEY,
  -- the published document exactly as served (text keeps key order for diffs)
  json text NOT NULL,
  item_count integer NOT NULL,
  published_at timestamptz NOT NULL
);

CREATE TABLE cases (
  id uuid PRIMARY KEY,
  office_code text NOT NULL REFERENCES offices(code),
  device_id uuid NOT NULL REFERENCES devices(id),
  item_code text NOT NULL,
  department_code text,
  case_number text,
  status text NOT NULL,
  review_status text,
  catalogue_version integer,
  created_device_time timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  server_seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE
);
CREATE INDEX cases_office ON cases (office_code, server_seq);
CREATE INDEX cases_department ON cases (department_code, server_seq);

CREATE TABLE case_events (
  id uuid PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases(id),
  device_id uuid NOT NULL REFERENCES devices(id),
  device_seq bigint NOT NULL,
  type text NOT NULL,
  payload jsonb NOT NULL,
  device_time timestamptz NOT NULL,
  staff_no text,
  server_seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  received_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (device_id, device_seq)
);
CREATE INDEX case_events_case ON case_events (case_id, server_seq);

-- Last outbox number held per device; written in the same transaction as the events.
CREATE TABLE device_cursors (
  device_id uuid PRIMARY KEY REFERENCES devices(id),
  last_applied_seq bigint NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Permanently refused outbox entries, acknowledged to the device and kept for operators.
CREATE TABLE rejected_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  device_id uuid NOT NULL REFERENCES devices(id),
  office_code text NOT NULL,
  seq bigint NOT NULL,
  code text NOT NULL,
  message text NOT NULL,
  entry jsonb NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (device_id, seq)
);

-- Back-office decisions; server_seq is the pull cursor.
CREATE TABLE status_events (
  server_seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id uuid NOT NULL UNIQUE,
  case_id uuid NOT NULL REFERENCES cases(id),
  office_code text NOT NULL,
  status text NOT NULL CHECK (status IN ('reviewing','approved','rejected','needsSupplement','readyForPickup')),
  reason text,
  note text,
  decided_by text NOT NULL,
  decided_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX status_events_office ON status_events (office_code, server_seq);

CREATE TABLE clerks (
  staff_no text PRIMARY KEY,
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('clerk','supervisor','trainer')),
  office_code text NOT NULL,
  window_code text NOT NULL,
  password_hash text NOT NULL,
  active boolean NOT NULL DEFAULT true,
  updated_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (office_code, window_code) REFERENCES windows(office_code, code)
);
`,
};
