import type { Migration } from './index';
import { FACTS_OF_CHANGED_CASES } from './007-case-facts-per-statement';
import { dayCountsUpdateBody } from './008-case-day-figures';

// The references every pushed row makes to its device and office, checked once per statement
// instead of once per row. A push batch writes 250 cases and 500 events of one device at one
// office: as foreign keys that was 1,000 probes, each locking that same device row (and 250 the
// office row) FOR KEY SHARE — a lock written to the row and, with the next batch of the window
// locking it too, shared through a multixact — about a fifth of the database's work on a batch.
// Now each statement locks each device and office it names once, as the key check did, and a
// device or office still named by a case or event cannot be deleted or renumbered (the
// triggers below), so the guarantee is the foreign key's. An event's reference to its case
// stays a foreign key (migration 009: deferrable for the push).
// case_facts is derived from cases by their own trigger (migration 007); its key check against
// cases only repeated that, and a case with facts is still not deleted (cases_keep_facts).
// A new case has no facts yet (none is left behind: a case with facts is not deleted, nor its
// id changed), so the facts of inserted cases are inserted, not upserted, and the per-day
// counts' update trigger no longer fires for them; it also returns at once when a statement
// changed no facts.
/** After a delete from `table`, refuses it when a deleted row `o` is still named (`named`), as a foreign key's NO ACTION did. */
const keepReferenced = (name: string, table: string, old: string, named: string, message: string) => `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM ${old} o WHERE ${named}) THEN
    RAISE foreign_key_violation USING MESSAGE = '${message}';
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER ${name} AFTER DELETE ON ${table} REFERENCING OLD TABLE AS ${old} FOR EACH STATEMENT EXECUTE FUNCTION ${name}();`;

export const m010: Migration = {
  version: 10,
  name: 'references-per-statement',
  sql: `
ALTER TABLE cases DROP CONSTRAINT cases_device_id_fkey, DROP CONSTRAINT cases_office_code_fkey;
ALTER TABLE case_events DROP CONSTRAINT case_events_device_id_fkey;
ALTER TABLE case_facts DROP CONSTRAINT case_facts_case_id_fkey;

-- Locks and checks one device (and office) as a key check would; raises as one would (23503).
CREATE FUNCTION lock_referenced_device(dev uuid, tbl text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM devices WHERE id = dev FOR KEY SHARE;
  IF NOT FOUND THEN
    RAISE foreign_key_violation USING MESSAGE = format('insert or update on table "%s" refers to device %s, which does not exist', tbl, dev);
  END IF;
END $$;
CREATE FUNCTION lock_referenced_office(office text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM offices WHERE code = office FOR KEY SHARE;
  IF NOT FOUND THEN
    RAISE foreign_key_violation USING MESSAGE = format('insert or update on table "cases" refers to office %s, which does not exist', office);
  END IF;
END $$;

CREATE FUNCTION cases_refs_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM lock_referenced_device(d, 'cases') FROM (SELECT DISTINCT device_id AS d FROM new_cases) x;
  PERFORM lock_referenced_office(o) FROM (SELECT DISTINCT office_code AS o FROM new_cases) x;
  RETURN NULL;
END $$;
CREATE TRIGGER cases_refs_insert AFTER INSERT ON cases REFERENCING NEW TABLE AS new_cases FOR EACH STATEMENT EXECUTE FUNCTION cases_refs_inserted();
CREATE FUNCTION case_events_refs_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM lock_referenced_device(d, 'case_events') FROM (SELECT DISTINCT device_id AS d FROM new_events) x;
  RETURN NULL;
END $$;
CREATE TRIGGER case_events_refs_insert AFTER INSERT ON case_events REFERENCING NEW TABLE AS new_events FOR EACH STATEMENT EXECUTE FUNCTION case_events_refs_inserted();

-- Nothing rewrites these columns; should anything, each row is checked (fires only when set).
CREATE FUNCTION case_row_refs_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM lock_referenced_device(NEW.device_id, TG_TABLE_NAME);
  IF TG_TABLE_NAME = 'cases' THEN PERFORM lock_referenced_office(NEW.office_code); END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER cases_refs_update BEFORE UPDATE OF device_id, office_code ON cases FOR EACH ROW EXECUTE FUNCTION case_row_refs_changed();
CREATE TRIGGER case_events_refs_update BEFORE UPDATE OF device_id ON case_events FOR EACH ROW EXECUTE FUNCTION case_row_refs_changed();

-- The other side of each reference: what is still named cannot go.
${keepReferenced('devices_keep_referenced', 'devices', 'old_devices', 'EXISTS (SELECT 1 FROM case_events e WHERE e.device_id = o.id) OR EXISTS (SELECT 1 FROM cases c WHERE c.device_id = o.id)', 'a device whose cases or events the server holds cannot be deleted')}
${keepReferenced('offices_keep_referenced', 'offices', 'old_offices', 'EXISTS (SELECT 1 FROM cases c WHERE c.office_code = o.code)', 'an office whose cases the server holds cannot be deleted')}
CREATE FUNCTION keys_never_renumbered() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE foreign_key_violation USING MESSAGE = format('the key of a row of "%s" never changes (cases and events refer to it)', TG_TABLE_NAME);
END $$;
CREATE TRIGGER devices_id_fixed BEFORE UPDATE OF id ON devices FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id) EXECUTE FUNCTION keys_never_renumbered();
CREATE TRIGGER offices_code_fixed BEFORE UPDATE OF code ON offices FOR EACH ROW WHEN (OLD.code IS DISTINCT FROM NEW.code) EXECUTE FUNCTION keys_never_renumbered();
CREATE TRIGGER cases_id_fixed BEFORE UPDATE OF id ON cases FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id) EXECUTE FUNCTION keys_never_renumbered();
${keepReferenced('cases_keep_facts', 'cases', 'old_cases', 'EXISTS (SELECT 1 FROM case_facts f WHERE f.case_id = o.id)', 'a case whose facts the dashboard counts cannot be deleted (delete its case_facts row first)')}

CREATE FUNCTION case_facts_insert_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
${FACTS_OF_CHANGED_CASES};
  RETURN NULL;
END $$;
DROP TRIGGER case_facts_after_insert ON cases;
CREATE TRIGGER case_facts_after_insert AFTER INSERT ON cases REFERENCING NEW TABLE AS changed_cases FOR EACH STATEMENT EXECUTE FUNCTION case_facts_insert_rows();

CREATE OR REPLACE FUNCTION case_day_counts_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM new_facts) AND NOT EXISTS (SELECT 1 FROM old_facts) THEN RETURN NULL; END IF;${dayCountsUpdateBody}
  RETURN NULL;
END $$;
`,
};
