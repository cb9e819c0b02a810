import type { Migration } from './index';
import { parseStoredEvent } from '../../../shared/domain/caseEvents';
import { projectCase } from '../../../shared/domain/caseState';

// Typed events, one projection, a tamper-evident chain, entries that can always be recorded:
// - cases.state: the projection of the case's events (shared/domain/caseState.ts), as jsonb;
//   written with every event, so the server never re-reads a history to apply the next one.
// - case_events.hash / prev_hash: the window's chain links as sent (shared/sync/chain.ts);
//   device_cursors.chain_head: the last link seen from the device; chain_breaks: what operators
//   must look at (an event altered or missing in a workstation file), never a refusal.
// - rejected_events.entry_text: the refused entry as ASCII-only JSON text, so recording a
//   refusal can never fail on the very content that was refused (entry jsonb becomes optional).
export const m002: Migration = {
  version: 2,
  name: 'typed-events',
  sql: `
ALTER TABLE cases ADD COLUMN state jsonb;
ALTER TABLE case_events ADD COLUMN hash text;
ALTER TABLE case_events ADD COLUMN prev_hash text;
ALTER TABLE device_cursors ADD COLUMN chain_head text;
ALTER TABLE rejected_events ALTER COLUMN entry DROP NOT NULL;
ALTER TABLE rejected_events ADD COLUMN entry_text text;

CREATE TABLE chain_breaks (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  device_id uuid NOT NULL REFERENCES devices(id),
  office_code text NOT NULL,
  seq bigint NOT NULL,
  event_id text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('altered', 'gap')),
  message text NOT NULL,
  detected_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX chain_breaks_office ON chain_breaks (office_code, id);
`,
  // Cases stored before this version get their state from the events they already have.
  async up(tx) {
    const { rows } = await tx.query<{ id: string }>('SELECT id FROM cases WHERE state IS NULL');
    for (const { id } of rows) {
      const ev = await tx.query<{ id: string; case_id: string; type: string; payload: object; device_time: Date; staff_no: string | null }>(
        'SELECT id, case_id, type, payload, device_time, staff_no FROM case_events WHERE case_id = $1 ORDER BY server_seq', [id]);
      const events = ev.rows.map((r) => parseStoredEvent({ id: r.id, caseId: r.case_id, type: r.type, payload: r.payload, deviceTime: new Date(r.device_time).toISOString(), staffNo: r.staff_no }));
      if (events.some((e) => e === null)) continue; // left without state: its next event is refused as not projectable
      const p = projectCase(events.map((e) => e!));
      if (p.ok) await tx.query('UPDATE cases SET state = $2 WHERE id = $1', [id, JSON.stringify(p.state)]);
    }
  },
};
