import type { Migration } from './index';

// The back office as a system departments work in (docs/architecture.md §11):
// - staff: personal accounts (工号, name, role, departments and offices served, scrypt hash),
//   with the lock-out counter; staff_sessions: the sign-in sessions (only token hashes);
//   everything two server instances must agree on lives here, not in a process.
// - case_claims: who holds a case (认领), until when; one row per case makes a race have one winner.
// - extension_requests: 延期 asked by a reviewer, decided by a head.
// - status_events: every back-office event the windows pull (review.status and now
//   review.extended / suspended / resumed) with its typed payload and the signed-in 工号.
// - audit_log: append-only (trigger), hash-chained record of every back-office action.
// - cases.state gains the back-office part of the projection (shared/domain/caseState.ts NO_REVIEW).
export const m003: Migration = {
  version: 3,
  name: 'staff-review',
  sql: `
CREATE TABLE staff (
  staff_no text PRIMARY KEY,
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('reviewer', 'head', 'admin')),
  department_codes text[] NOT NULL DEFAULT '{}',
  office_codes text[] NOT NULL DEFAULT '{}',
  password_hash text NOT NULL,
  must_change_password boolean NOT NULL DEFAULT false,
  active boolean NOT NULL DEFAULT true,
  failed_attempts integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  password_changed_at timestamptz NOT NULL DEFAULT now(),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE staff_sessions (
  -- sha256 of the cookie value (the cookie itself is never stored); the CSRF token is useless
  -- without the cookie, and is kept so a reloaded console can ask for it again
  token_hash text PRIMARY KEY,
  csrf_token text NOT NULL,
  staff_no text NOT NULL REFERENCES staff(staff_no),
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  ip text NOT NULL,
  user_agent text NOT NULL DEFAULT '',
  ended_at timestamptz,
  end_reason text
);
CREATE INDEX staff_sessions_staff ON staff_sessions (staff_no) WHERE ended_at IS NULL;

CREATE TABLE case_claims (
  case_id uuid PRIMARY KEY REFERENCES cases(id),
  staff_no text NOT NULL REFERENCES staff(staff_no),
  claimed_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  assigned_by text
);
CREATE INDEX case_claims_staff ON case_claims (staff_no, expires_at);

CREATE TABLE extension_requests (
  id uuid PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases(id),
  days integer NOT NULL CHECK (days BETWEEN 1 AND 365),
  reason text NOT NULL,
  requested_by text NOT NULL REFERENCES staff(staff_no),
  requested_at timestamptz NOT NULL DEFAULT now(),
  decided_by text REFERENCES staff(staff_no),
  decided_at timestamptz,
  approved boolean,
  decision_note text
);
CREATE UNIQUE INDEX extension_requests_open ON extension_requests (case_id) WHERE decided_at IS NULL;

ALTER TABLE status_events DROP CONSTRAINT status_events_status_check;
ALTER TABLE status_events ALTER COLUMN status DROP NOT NULL;
ALTER TABLE status_events ADD CONSTRAINT status_events_status_check
  CHECK (status IS NULL OR status IN ('reviewing','approved','rejected','needsSupplement','readyForPickup'));
ALTER TABLE status_events ADD COLUMN type text NOT NULL DEFAULT 'review.status';
ALTER TABLE status_events ADD COLUMN payload jsonb;
ALTER TABLE status_events ADD COLUMN staff_no text;
ALTER TABLE status_events ADD CONSTRAINT status_events_type_check
  CHECK (type IN ('review.status','review.extended','review.suspended','review.resumed'));

CREATE TABLE audit_log (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL,
  staff_no text,
  staff_name text,
  action text NOT NULL,
  case_id uuid,
  detail jsonb NOT NULL DEFAULT '{}',
  ip text NOT NULL DEFAULT '',
  user_agent text NOT NULL DEFAULT '',
  prev_hash text,
  hash text NOT NULL
);
CREATE INDEX audit_log_staff ON audit_log (staff_no, seq);
CREATE INDEX audit_log_case ON audit_log (case_id, seq);
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

UPDATE cases SET state = jsonb_build_object(
  'reviewStatusEventId', NULL, 'reviewReason', NULL, 'reviewNote', NULL, 'reviewDecidedBy', NULL, 'reviewResult', NULL,
  'extendedDays', 0, 'extension', NULL, 'suspension', NULL, 'suspendedWorkdays', 0) || state
WHERE state IS NOT NULL AND NOT state ? 'suspendedWorkdays';
`,
};
