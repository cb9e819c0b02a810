import type { Migration } from './index';

// 差评整改 (shared/domain/rectification.ts, docs/architecture.md §13):
// - rectification_settings: each centre's (office's) deadline in working days (5, 7 or 15).
// - rectifications: one per 差评 (one rating per visit, so one per case), opened in the push
//   transaction that brought the 差评, then worked by heads (整改中, 已整改 with the measures,
//   回访) and, for 无效差评, decided by an admin. Every change is also a review.rectification
//   status event, so the window sees how its 差评 stands.
export const m005: Migration = {
  version: 5,
  name: 'rectification',
  sql: `
CREATE TABLE rectification_settings (
  office_code text PRIMARY KEY REFERENCES offices(code),
  deadline_days integer NOT NULL CHECK (deadline_days IN (5, 7, 15)),
  updated_by text,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE rectifications (
  id uuid PRIMARY KEY,
  case_id uuid NOT NULL UNIQUE REFERENCES cases(id),
  office_code text NOT NULL,
  department_code text,
  item_code text NOT NULL,
  window_code text NOT NULL,
  clerk_staff_no text,
  level text NOT NULL CHECK (level IN ('dissatisfied', 'veryDissatisfied')),
  reasons jsonb NOT NULL,
  comment text NOT NULL,
  rated_at timestamptz NOT NULL,
  opened_on date NOT NULL,
  deadline_days integer NOT NULL,
  deadline date NOT NULL,
  status text NOT NULL CHECK (status IN ('pending', 'inProgress', 'done', 'invalid')),
  measures text,
  done_on date,
  revisit jsonb,
  invalid jsonb,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX rectifications_office ON rectifications (office_code, status, deadline);
CREATE INDEX rectifications_department ON rectifications (department_code, status, deadline);

ALTER TABLE status_events DROP CONSTRAINT status_events_type_check;
ALTER TABLE status_events ADD CONSTRAINT status_events_type_check
  CHECK (type IN ('review.status','review.extended','review.suspended','review.resumed','review.rectification'));
`,
};
