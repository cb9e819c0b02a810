import type { Migration } from './index';

// The centre dashboard's read model (docs/architecture.md §14): one narrow row per case with
// exactly the fields shared/stats/centre.ts reads, kept by a trigger from cases.state in the
// same transaction that writes the state (push, back-office events, anything), so the month's
// dashboard reads a few columns of the month's cases by index instead of every state document.
export const m006: Migration = {
  version: 6,
  name: 'case-facts',
  sql: `
CREATE TABLE case_facts (
  case_id uuid PRIMARY KEY REFERENCES cases(id),
  office_code text NOT NULL,
  department_code text,
  window_code text,
  staff_no text,
  item_code text NOT NULL,
  case_number text,
  status text NOT NULL,
  decision text,
  opened_at timestamptz,
  decided_at timestamptz,
  tier text,
  completed_at timestamptz,
  delivered_at timestamptz,
  promised_date text,
  review_status text,
  review_decided_at timestamptz,
  rating text,
  applicant_key text,
  marks jsonb,
  suspension jsonb
);
CREATE INDEX case_facts_decided ON case_facts (decided_at);
CREATE INDEX case_facts_open ON case_facts (status) WHERE status IN ('accepted', 'awaitingSupplement');
-- Return visits of a 一次性告知: the same applicant and item, by time.
CREATE INDEX case_facts_visits ON case_facts (applicant_key, item_code, decided_at);

CREATE FUNCTION case_facts_sync() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE s jsonb := NEW.state;
BEGIN
  IF s IS NULL THEN
    DELETE FROM case_facts WHERE case_id = NEW.id;
    RETURN NEW;
  END IF;
  INSERT INTO case_facts (case_id, office_code, department_code, window_code, staff_no, item_code, case_number, status, decision, opened_at, decided_at,
    tier, completed_at, delivered_at, promised_date, review_status, review_decided_at, rating, applicant_key, marks, suspension)
  VALUES (NEW.id, NEW.office_code, NEW.department_code, s->>'windowCode', s->>'staffNo', NEW.item_code, s->>'caseNumber', s->>'status', s->>'decision',
    (s->>'openedAt')::timestamptz, (s->>'decidedAt')::timestamptz, s->>'tier', (s->>'completedAt')::timestamptz, (s->>'deliveredAt')::timestamptz,
    s->>'promisedDate', s->>'reviewStatus', (s->>'reviewDecidedAt')::timestamptz, s->>'rating',
    CASE WHEN s->'applicant'->>'kind' = 'visitor' THEN NULL ELSE upper(coalesce(s->'applicant'->>'idNumber', s->'applicant'->>'creditCode')) END,
    (SELECT coalesce(jsonb_object_agg(k, jsonb_build_object('mark', v->>'mark')), '{}'::jsonb) FROM jsonb_each(coalesce(s->'marks', '{}'::jsonb)) AS m(k, v)),
    CASE WHEN jsonb_typeof(s->'suspension') = 'object' THEN s->'suspension' ELSE NULL END)
  ON CONFLICT (case_id) DO UPDATE SET
    office_code = excluded.office_code, department_code = excluded.department_code, window_code = excluded.window_code, staff_no = excluded.staff_no,
    item_code = excluded.item_code, case_number = excluded.case_number, status = excluded.status, decision = excluded.decision,
    opened_at = excluded.opened_at, decided_at = excluded.decided_at, tier = excluded.tier, completed_at = excluded.completed_at,
    delivered_at = excluded.delivered_at, promised_date = excluded.promised_date, review_status = excluded.review_status,
    review_decided_at = excluded.review_decided_at, rating = excluded.rating, applicant_key = excluded.applicant_key, marks = excluded.marks,
    suspension = excluded.suspension;
  RETURN NEW;
END $$;
CREATE TRIGGER case_facts_sync AFTER INSERT OR UPDATE OF state, department_code ON cases FOR EACH ROW EXECUTE FUNCTION case_facts_sync();
-- Cases stored before: their facts now.
UPDATE cases SET state = state WHERE state IS NOT NULL;
`,
};
