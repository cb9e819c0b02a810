import type { Migration } from './index';

// The centre dashboard's per-day aggregates (docs/architecture.md §17): the counts the period figures sum
// (docs/statistics.md, "Per-day aggregates") per China day, office, department and item
// (case_day_items) and per day, office, department, window and clerk (case_day_staff) — two
// narrow rollups rather than one over every key, whose rows would be nearly as many as the
// cases — and per day, office, department, item and material for 补正 per material.
// Statement-level triggers on case_facts (itself kept by the cases trigger, migration 007)
// subtract the old rows' counts and add the new rows' in the transaction that writes the state,
// so a month's dashboard sums a few thousand rows instead of reading a month of cases.
// tests/integration/centre-aggregates.test.ts holds these counts to shared/stats/centre.ts on
// random cases (PGlite and PostgreSQL). The SQL is generated from the tables below; they are
// part of this migration and, like it, never change once shipped.

const when = (cond: string) => `CASE WHEN ${cond} THEN 1 ELSE 0 END`;
/** Epoch milliseconds as JavaScript's Date reads the ISO text (fraction cut to ms, i.e. floor). */
const epochMs = (col: string) => `floor(extract(epoch FROM ${col}) * 1000)`;
/** China day (UTC+8, no daylight saving), as shared/time.ts chinaDay. */
const chinaDay = (col: string) => `to_char((${col} AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY-MM-DD')`;
const accepted = "f.decision = 'accept'";
const TIERS: Array<[string, number]> = [['within30', 30], ['within60', 60], ['within120', 120]];
const measuredMs = `greatest(0, ${epochMs('f.completed_at')} - ${epochMs('f.opened_at')})`;
const finished = `(CASE WHEN f.review_status IN ('approved', 'rejected', 'readyForPickup') AND f.review_decided_at IS NOT NULL THEN f.review_decided_at ELSE coalesce(f.completed_at, f.delivered_at) END)`;
const promised = `${accepted} AND f.promised_date IS NOT NULL AND f.tier IS NULL`;

/** Count columns of case_day_items and case_day_staff: name, SQL type, the value one case (case_facts row `f`) adds. */
export const DAY_FIGURES: Array<[string, 'integer' | 'bigint', string]> = [
  ['decided', 'integer', '1'],
  ['accept', 'integer', when(accepted)],
  ['accept_with_deferral', 'integer', when("f.decision = 'acceptWithDeferral'")],
  ['notify_missing', 'integer', when("f.decision = 'notifyMissing'")],
  ['refuse', 'integer', when("f.decision = 'refuse'")],
  ['redirect', 'integer', when("f.decision = 'redirect'")],
  ['supplements', 'integer', when("f.decision IN ('notifyMissing', 'acceptWithDeferral') OR f.review_status = 'needsSupplement'")],
  ...TIERS.flatMap(([t, minutes]): Array<[string, 'integer' | 'bigint', string]> => {
    const mine = `${accepted} AND f.tier = '${t}'`;
    return [
      [`${t}_cases`, 'integer', when(mine)],
      [`${t}_on_time`, 'integer', when(`${mine} AND f.completed_at IS NOT NULL AND ${measuredMs} <= ${minutes * 60_000}`)],
      [`${t}_late`, 'integer', when(`${mine} AND f.completed_at IS NOT NULL AND ${measuredMs} > ${minutes * 60_000}`)],
      [`${t}_ms`, 'bigint', `CASE WHEN ${mine} AND f.completed_at IS NOT NULL THEN ${measuredMs} ELSE 0 END`],
    ];
  }),
  ['promised_cases', 'integer', when(promised)],
  ['promised_on_time', 'integer', when(`${promised} AND ${finished} IS NOT NULL AND ${chinaDay(finished)} <= f.promised_date COLLATE "C"`)],
  ['promised_late', 'integer', when(`${promised} AND ${finished} IS NOT NULL AND ${chinaDay(finished)} > f.promised_date COLLATE "C"`)],
  ['very_satisfied', 'integer', when("f.rating = 'verySatisfied'")],
  ['satisfied', 'integer', when("f.rating = 'satisfied'")],
  ['basically_satisfied', 'integer', when("f.rating = 'basicallySatisfied'")],
  ['dissatisfied', 'integer', when("f.rating = 'dissatisfied'")],
  ['very_dissatisfied', 'integer', when("f.rating = 'veryDissatisfied'")],
];
/** The two rollups of the same counts: by item (offices, departments, items, days, the total) and by window and clerk. */
const ROLLUPS: Array<[string, string[]]> = [
  ['case_day_items', ['day', 'office_code', 'department_code', 'item_code']],
  ['case_day_staff', ['day', 'office_code', 'department_code', 'window_code', 'staff_no']],
];
const MATERIAL_KEY = ['day', 'office_code', 'department_code', 'item_code', 'material_id'];
/** A case counts on the China day of its decision (docs/statistics.md, Periods). */
const DECIDED = 'f.decision IS NOT NULL AND f.decided_at IS NOT NULL';
const dayOf = `${chinaDay('f.decided_at')}::date AS day`;

/**
 * Adds the counts of the case_facts rows in `add` and takes away those in `remove` (transition
 * tables): one upsert per table, and a key whose counts do not change at all (a write that
 * moves no figure, e.g. pages attached) is not written.
 */
function apply(add: string | null, remove: string | null): string {
  const names = DAY_FIGURES.map(([n]) => n);
  const from = [add && `SELECT 1 AS sign, * FROM ${add}`, remove && `SELECT -1 AS sign, * FROM ${remove}`].filter(Boolean).join(' UNION ALL ');
  const rows = add && remove ? `(${from})` : add ?? remove!;
  const signed = add && remove ? (v: string) => `f.sign * ${v}` : (v: string) => (add ? v : `-${v}`);
  // Rows in key order, so concurrent writers lock aggregate rows in one order (no deadlock).
  const rollups = ROLLUPS.map(([table, key]) => `
  INSERT INTO ${table} (${key.join(', ')}, ${names.join(', ')})
  SELECT ${key.join(', ')}, ${names.map((n) => `sum(${n})`).join(', ')}
  FROM (SELECT ${dayOf}, ${key.slice(1).map((k) => `f.${k}`).join(', ')}, ${DAY_FIGURES.map(([n, , v]) => `${signed(`(${v})`)} AS ${n}`).join(', ')} FROM ${rows} f WHERE ${DECIDED}) x
  GROUP BY ${key.join(', ')} HAVING ${names.map((n) => `sum(${n}) <> 0`).join(' OR ')} ORDER BY ${key.join(', ')}
  ON CONFLICT (${key.join(', ')}) DO UPDATE SET ${names.map((n) => `${n} = ${table}.${n} + excluded.${n}`).join(', ')};`);
  return `${rollups.join('')}
  INSERT INTO case_day_materials (${MATERIAL_KEY.join(', ')}, cases, failed)
  SELECT ${MATERIAL_KEY.join(', ')}, sum(cases), sum(failed)
  FROM (SELECT ${dayOf}, f.office_code, f.department_code, f.item_code, m.key AS material_id,
          ${signed('1')} AS cases, ${signed(`(${when("m.value->>'mark' IN ('missing', 'defective', 'deferred')")})`)} AS failed
        FROM ${rows} f CROSS JOIN LATERAL jsonb_each(CASE WHEN jsonb_typeof(f.marks) = 'object' THEN f.marks ELSE '{}'::jsonb END) AS m
        WHERE ${DECIDED}) x
  GROUP BY ${MATERIAL_KEY.join(', ')} HAVING sum(cases) <> 0 OR sum(failed) <> 0 ORDER BY ${MATERIAL_KEY.join(', ')}
  ON CONFLICT (${MATERIAL_KEY.join(', ')}) DO UPDATE SET cases = case_day_materials.cases + excluded.cases, failed = case_day_materials.failed + excluded.failed;`;
}

/** The update trigger's statements (migration 010 puts a guard before the same body). */
export const dayCountsUpdateBody = apply('new_facts', 'old_facts');

export const m008: Migration = {
  version: 8,
  name: 'case-day-figures',
  sql: `
${ROLLUPS.map(([table, key]) => `CREATE TABLE ${table} (
  day date NOT NULL, office_code text NOT NULL, department_code text, ${key.slice(3).map((k) => `${k} text${k === 'item_code' ? ' NOT NULL' : ''}`).join(', ')},
  ${DAY_FIGURES.map(([n, type]) => `${n} ${type} NOT NULL DEFAULT 0`).join(',\n  ')},
  -- Nulls are keys too (a case without a department or clerk has its own row).
  UNIQUE NULLS NOT DISTINCT (${key.join(', ')})
);`).join('\n')}
CREATE TABLE case_day_materials (
  day date NOT NULL, office_code text NOT NULL, department_code text, item_code text NOT NULL, material_id text NOT NULL,
  cases integer NOT NULL DEFAULT 0, failed integer NOT NULL DEFAULT 0,
  UNIQUE NULLS NOT DISTINCT (${MATERIAL_KEY.join(', ')})
);
-- What the dashboard still reads case by case: 立等可取 not yet finished (on time or late
-- depends on the moment asked), the period's 一次性告知 (return visits), open cases (overdue).
CREATE INDEX case_facts_immediate_unfinished ON case_facts (decided_at) WHERE tier IS NOT NULL AND completed_at IS NULL;
CREATE INDEX case_facts_notified ON case_facts (decided_at) WHERE decision = 'notifyMissing';

CREATE FUNCTION case_day_counts_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN${apply('new_facts', null)}
  RETURN NULL;
END $$;
CREATE FUNCTION case_day_counts_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN${apply('new_facts', 'old_facts')}
  RETURN NULL;
END $$;
CREATE FUNCTION case_day_counts_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN${apply(null, 'old_facts')}
  RETURN NULL;
END $$;
CREATE TRIGGER case_day_counts_after_insert AFTER INSERT ON case_facts REFERENCING NEW TABLE AS new_facts FOR EACH STATEMENT EXECUTE FUNCTION case_day_counts_insert();
CREATE TRIGGER case_day_counts_after_update AFTER UPDATE ON case_facts REFERENCING OLD TABLE AS old_facts NEW TABLE AS new_facts FOR EACH STATEMENT EXECUTE FUNCTION case_day_counts_update();
CREATE TRIGGER case_day_counts_after_delete AFTER DELETE ON case_facts REFERENCING OLD TABLE AS old_facts FOR EACH STATEMENT EXECUTE FUNCTION case_day_counts_delete();
-- Cases stored before: their counts now.
${apply('case_facts', null).replace(/^\n\s*/, '')}
`,
};
