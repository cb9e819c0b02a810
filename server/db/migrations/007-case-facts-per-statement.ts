import type { Migration } from './index';

// The case_facts read model (migration 006) kept by one statement-level trigger per write
// instead of a PL/pgSQL call per row: a push writes a batch's cases in one INSERT and one
// UPDATE, and the facts of all of them now follow in one INSERT … SELECT each (transition
// tables), which keeps the push close to a plain batched INSERT (the push target, docs/benchmarks.md).
/** The case_facts rows of the cases in transition table changed_cases (migration 010 inserts them without the upsert). */
export const FACTS_OF_CHANGED_CASES = `  INSERT INTO case_facts (case_id, office_code, department_code, window_code, staff_no, item_code, case_number, status, decision, opened_at, decided_at,
    tier, completed_at, delivered_at, promised_date, review_status, review_decided_at, rating, applicant_key, marks, suspension)
  SELECT c.id, c.office_code, c.department_code, s->>'windowCode', s->>'staffNo', c.item_code, s->>'caseNumber', s->>'status', s->>'decision',
    (s->>'openedAt')::timestamptz, (s->>'decidedAt')::timestamptz, s->>'tier', (s->>'completedAt')::timestamptz, (s->>'deliveredAt')::timestamptz,
    s->>'promisedDate', s->>'reviewStatus', (s->>'reviewDecidedAt')::timestamptz, s->>'rating',
    CASE WHEN s->'applicant'->>'kind' = 'visitor' THEN NULL ELSE upper(coalesce(s->'applicant'->>'idNumber', s->'applicant'->>'creditCode')) END,
    (SELECT coalesce(jsonb_object_agg(k, jsonb_build_object('mark', v->>'mark')), '{}'::jsonb) FROM jsonb_each(coalesce(s->'marks', '{}'::jsonb)) AS m(k, v)),
    CASE WHEN jsonb_typeof(s->'suspension') = 'object' THEN s->'suspension' ELSE NULL END
  FROM changed_cases c CROSS JOIN LATERAL (SELECT c.state AS s) AS st
  WHERE c.state IS NOT NULL`;

export const m007: Migration = {
  version: 7,
  name: 'case-facts-per-statement',
  sql: `
DROP TRIGGER case_facts_sync ON cases;
DROP FUNCTION case_facts_sync();

CREATE FUNCTION case_facts_sync_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM case_facts f USING changed_cases c WHERE f.case_id = c.id AND c.state IS NULL;
${FACTS_OF_CHANGED_CASES}
  ON CONFLICT (case_id) DO UPDATE SET
    office_code = excluded.office_code, department_code = excluded.department_code, window_code = excluded.window_code, staff_no = excluded.staff_no,
    item_code = excluded.item_code, case_number = excluded.case_number, status = excluded.status, decision = excluded.decision,
    opened_at = excluded.opened_at, decided_at = excluded.decided_at, tier = excluded.tier, completed_at = excluded.completed_at,
    delivered_at = excluded.delivered_at, promised_date = excluded.promised_date, review_status = excluded.review_status,
    review_decided_at = excluded.review_decided_at, rating = excluded.rating, applicant_key = excluded.applicant_key, marks = excluded.marks,
    suspension = excluded.suspension;
  RETURN NULL;
END $$;
CREATE TRIGGER case_facts_after_insert AFTER INSERT ON cases REFERENCING NEW TABLE AS changed_cases FOR EACH STATEMENT EXECUTE FUNCTION case_facts_sync_rows();
CREATE TRIGGER case_facts_after_update AFTER UPDATE ON cases REFERENCING NEW TABLE AS changed_cases FOR EACH STATEMENT EXECUTE FUNCTION case_facts_sync_rows();
`,
};
