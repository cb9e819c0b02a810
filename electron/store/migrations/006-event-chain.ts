import crypto from 'node:crypto';
import type { Migration } from './index';
import { eventHash } from '../../../shared/sync/chain';
import { OWN_EVENTS_SQL } from '../ownEvents';

const sha256 = (s: string) => crypto.createHash('sha256').update(s, 'utf8').digest('hex');

// The window's own events form a hash chain (shared/sync/chain.ts): each carries its link and
// the link before it. Events written by earlier versions are linked here, in write order, so
// the chain covers the whole file. Once set, a link can never change (trigger).
// sync_held: uploads taken out of the queue because the server failed on them repeatedly
// while it answered everything else (shown to the operator, re-queued on request).
export const m006: Migration = {
  version: 6,
  name: 'event-chain',
  sql: `
ALTER TABLE case_events ADD COLUMN hash TEXT;
ALTER TABLE case_events ADD COLUMN prev_hash TEXT;
CREATE TRIGGER case_events_chain_fixed BEFORE UPDATE OF hash, prev_hash ON case_events WHEN OLD.hash IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'case_events is append-only'); END;

CREATE TABLE sync_held (
  event_id TEXT PRIMARY KEY REFERENCES case_events(id),
  case_id TEXT NOT NULL,
  message TEXT NOT NULL,                   -- plain Chinese: what the server answered
  at TEXT NOT NULL
);
`,
  up(db) {
    const rows = db.prepare(`SELECT rowid AS r, id, case_id AS caseId, type, payload, staff_no AS staffNo, device_time AS deviceTime FROM case_events WHERE ${OWN_EVENTS_SQL} ORDER BY rowid`).all() as Array<{ r: number; id: string; caseId: string; type: string; payload: string; staffNo: string | null; deviceTime: string }>;
    const set = db.prepare('UPDATE case_events SET hash = ?, prev_hash = ? WHERE rowid = ?');
    let prev: string | null = null;
    for (const e of rows) {
      let payload: unknown;
      try {
        payload = JSON.parse(e.payload);
      } catch {
        payload = e.payload; // never written by the app; linked as the text it is
      }
      const hash = eventHash({ ...e, payload }, prev, sha256);
      set.run(hash, prev, e.r);
      prev = hash;
    }
  },
};
