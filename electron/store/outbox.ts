// The upload queue. An acceptance commits only its events; the window's own events past the
// staging cursor are what is waiting, and sync stages them into the numbered outbox (1,2,3…
// per device) before each push. The sync client orchestrates; every SQL of the queue is here.
import { stmt } from './statements';
import { tx, type Db } from './db';
import { OWN_EVENTS_SQL } from './ownEvents';
import type { HeldUpload } from '../../shared/sync/clientStatus';

const UNSTAGED_SQL = `FROM case_events WHERE rowid > (SELECT staged_through FROM outbox_cursor WHERE id = 1) AND ${OWN_EVENTS_SQL}`;

/**
 * Moves the window's events written since the last call into the outbox, oldest first, where
 * they get their upload numbers. One transaction with the cursor, so a crash neither skips
 * nor repeats an event. Returns how many were staged.
 */
export function stageOutbox(db: Db): number {
  const pending = () => stmt(db, `SELECT max(rowid) AS last, (SELECT staged_through FROM outbox_cursor WHERE id = 1) AS through FROM case_events`).get() as { last: number | null; through: number };
  const peek = pending();
  if ((peek.last ?? 0) <= peek.through) return 0;
  const stage = () =>
    tx(db, () => {
      const { last, through } = pending();
      if ((last ?? 0) <= through) return 0;
      const n = stmt(db, `INSERT INTO outbox (event_id) SELECT id FROM case_events WHERE rowid > ? AND rowid <= ? AND ${OWN_EVENTS_SQL} ORDER BY rowid`).run(through, last).changes;
      stmt(db, 'UPDATE outbox_cursor SET staged_through = ? WHERE id = 1').run(last);
      return n;
    });
  if (db.inTransaction) return stage();
  // No fsync of its own: staging is a pure function of the event log and the cursor, so if a
  // power cut takes it back it is redone with the same numbers, and the next durable commit
  // (the push's acknowledgement, or an acceptance) writes it to disk first (WAL order).
  db.pragma('synchronous = NORMAL');
  try {
    return stage();
  } finally {
    db.pragma('synchronous = FULL');
  }
}

/** Case events waiting to upload: in the outbox or not yet staged into it. */
export function outboxSize(db: Db): number {
  return (stmt(db, `SELECT (SELECT count(*) FROM outbox) + (SELECT count(*) ${UNSTAGED_SQL}) AS n`).get() as { n: number }).n;
}

/** Waiting events and the distinct cases they belong to. */
export function waitingCounts(db: Db): { events: number; cases: number } {
  return stmt(
    db,
    `SELECT count(*) AS events, count(DISTINCT case_id) AS cases FROM (
       SELECT e.case_id FROM outbox o JOIN case_events e ON e.id = o.event_id
       UNION ALL SELECT case_id ${UNSTAGED_SQL})`,
  ).get() as { events: number; cases: number };
}

export interface OutboxEntryRow {
  seq: number;
  id: string;
  caseId: string;
  type: string;
  payload: string;
  staffNo: string | null;
  deviceTime: string;
  hash: string | null;
  prevHash: string | null;
}

export function oldestOutbox(db: Db, limit: number): OutboxEntryRow[] {
  return stmt(
    db,
    `SELECT o.seq, e.id, e.case_id AS caseId, e.type, e.payload, e.staff_no AS staffNo, e.device_time AS deviceTime, e.hash, e.prev_hash AS prevHash
     FROM outbox o JOIN case_events e ON e.id = o.event_id ORDER BY o.seq LIMIT ?`,
  ).all(limit) as OutboxEntryRow[];
}

/** The waiting entries after local number `seq`, oldest first (the next batch while others are out). */
export function outboxAfter(db: Db, seq: number, limit: number): OutboxEntryRow[] {
  return stmt(
    db,
    `SELECT o.seq, e.id, e.case_id AS caseId, e.type, e.payload, e.staff_no AS staffNo, e.device_time AS deviceTime, e.hash, e.prev_hash AS prevHash
     FROM outbox o JOIN case_events e ON e.id = o.event_id WHERE o.seq > ? ORDER BY o.seq LIMIT ?`,
  ).all(seq, limit) as OutboxEntryRow[];
}

/** The server holds everything up to `seq` (local numbering): drop it from the queue. */
export function dropOutboxThrough(db: Db, seq: number): number {
  return stmt(db, 'DELETE FROM outbox WHERE seq <= ?').run(seq).changes;
}

/**
 * Queues every own event again, in write order (the server lost entries already dropped here,
 * e.g. restored from a backup). Returns the new first local number, or null when there is none.
 */
export function requeueAll(db: Db): number | null {
  stageOutbox(db); // moves the cursor to the newest event, so nothing is queued twice
  stmt(db, 'DELETE FROM outbox').run();
  stmt(db, `INSERT INTO outbox (event_id) SELECT id FROM case_events WHERE ${OWN_EVENTS_SQL} AND id NOT IN (SELECT event_id FROM sync_held) ORDER BY rowid`).run();
  return (stmt(db, 'SELECT min(seq) AS s FROM outbox').get() as { s: number | null }).s;
}

/** Lowest waiting local number (null: queue empty) and the highest ever handed out. */
export function outboxBounds(db: Db): { oldest: number | null; allocated: number } {
  const oldest = (stmt(db, 'SELECT min(seq) AS s FROM outbox').get() as { s: number | null }).s;
  const allocated = (db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'outbox'").get() as { seq: number } | undefined)?.seq ?? 0;
  return { oldest, allocated };
}

// ---- entries the server keeps failing on (held back so the rest flows) ----------------

/** Takes the oldest waiting entry out of the queue (caller shifts the wire numbering by one). */
export function holdOldest(db: Db, message: string, at: string): HeldUpload | null {
  const row = stmt(db, 'SELECT o.seq, o.event_id AS eventId, e.case_id AS caseId FROM outbox o JOIN case_events e ON e.id = o.event_id ORDER BY o.seq LIMIT 1').get() as
    | { seq: number; eventId: string; caseId: string }
    | undefined;
  if (!row) return null;
  stmt(db, 'DELETE FROM outbox WHERE seq = ?').run(row.seq);
  stmt(db, 'INSERT OR REPLACE INTO sync_held (event_id, case_id, message, at) VALUES (?, ?, ?, ?)').run(row.eventId, row.caseId, message, at);
  return listHeld(db).find((h) => h.eventId === row.eventId) ?? null;
}

/** Undoes holdOldest: the entry returns to the head of the queue under its old local number. */
export function unholdOldest(db: Db, seq: number, eventId: string): void {
  stmt(db, 'DELETE FROM sync_held WHERE event_id = ?').run(eventId);
  stmt(db, 'INSERT INTO outbox (seq, event_id) VALUES (?, ?)').run(seq, eventId);
}

/** Cases with an entry held back. */
export function heldCaseIds(db: Db): Set<string> {
  return new Set((stmt(db, 'SELECT DISTINCT case_id AS c FROM sync_held').all() as { c: string }[]).map((r) => r.c));
}

export function listHeld(db: Db): HeldUpload[] {
  return stmt(
    db,
    `SELECT h.event_id AS eventId, h.case_id AS caseId, c.case_number AS caseNumber, e.type, h.message, h.at
     FROM sync_held h JOIN case_events e ON e.id = h.event_id LEFT JOIN cases c ON c.id = h.case_id ORDER BY e.rowid`,
  ).all() as HeldUpload[];
}

/** Puts held entries back at the end of the queue (after the server was fixed). Returns how many. */
export function requeueHeld(db: Db): number {
  return tx(db, () => {
    const n = stmt(db, 'INSERT INTO outbox (event_id) SELECT h.event_id FROM sync_held h JOIN case_events e ON e.id = h.event_id ORDER BY e.rowid').run().changes;
    stmt(db, 'DELETE FROM sync_held').run();
    return n;
  });
}
