// The case history in SQLite: append-only typed events (triggers refuse updates and deletes)
// and the window's hash chain over its own events. Callers append inside the transaction of
// the user action the events record (see services/caseLog.ts).
import crypto from 'node:crypto';
import { stmt } from './statements';
import { newId } from './ids';
import { OWN_EVENTS_SQL } from './ownEvents';
import type { Db } from './db';
import { isWindowEventType, parseStoredEvent, type CaseEvent, type CaseEventBody } from '../../shared/domain/caseEvents';
import { canonicalJson, chainInputCanonical, checkLink, type ChainBreak } from '../../shared/sync/chain';

export const sha256Hex = (s: string): string => crypto.hash('sha256', s, 'hex');

export type NewEvent = CaseEventBody & { caseId: string; staffNo: string | null; at: string };

/** Hash of the window's newest own event (the chain head), or null before the first. */
function chainHead(db: Db): string | null {
  // Scans back from the newest row; only centre-sent events (rare) are skipped over.
  const row = stmt(db, `SELECT hash FROM case_events WHERE ${OWN_EVENTS_SQL} ORDER BY rowid DESC LIMIT 1`).get() as { hash: string | null } | undefined;
  return row?.hash ?? null;
}

const INSERT = 'INSERT INTO case_events (id, case_id, type, payload, staff_no, device_time, hash, prev_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)';

/**
 * Appends one event in the caller's transaction; the window's own events are linked into the
 * chain (and thereby queued for upload). Payloads are stored in canonical form (sorted keys,
 * normalised text), the very text the link hashes, so each is encoded once.
 */
export function appendEvent(db: Db, e: NewEvent): CaseEvent {
  const id = newId();
  const payload = canonicalJson(e.payload);
  let hash: string | null = null;
  let prev: string | null = null;
  if (isWindowEventType(e.type)) {
    prev = chainHead(db);
    hash = sha256Hex(chainInputCanonical({ id, caseId: e.caseId, type: e.type, deviceTime: e.at, staffNo: e.staffNo }, payload, prev));
  }
  stmt(db, INSERT).run(id, e.caseId, e.type, payload, e.staffNo, e.at, hash, prev);
  return { ...e, id } as CaseEvent;
}

export interface EventRow {
  id: string;
  caseId: string;
  type: string;
  payload: string;
  staffNo: string | null;
  deviceTime: string;
}

export function caseEventRows(db: Db, caseId: string): EventRow[] {
  return stmt(db, 'SELECT id, case_id AS caseId, type, payload, staff_no AS staffNo, device_time AS deviceTime FROM case_events WHERE case_id = ? ORDER BY rowid').all(caseId) as EventRow[];
}

/** A case's history, typed. An event that no longer parses is a corrupted file: refused loudly. */
export function caseEvents(db: Db, caseId: string): CaseEvent[] {
  return caseEventRows(db, caseId).map((r) => {
    const e = parseStoredEvent(r);
    if (!e) throw new Error(`case event ${r.id} (${r.type}) does not parse`);
    return e;
  });
}

export interface ChainReport {
  /** Own events checked. */
  checked: number;
  /** With the case's number as the clerk knows it (null if the cases row is gone too). */
  breaks: Array<ChainBreak & { rowid: number; caseId: string; caseNumber: string | null; type: string }>;
}

/** The migration that links the events (006): a file below it has no chain yet. */
export const CHAIN_SCHEMA_VERSION = 6;

/** Recomputes the whole chain of a workstation file: every own event, in write order. */
export function verifyChain(db: Db): ChainReport {
  const rows = db
    .prepare(
      `SELECT e.rowid AS r, e.id, e.case_id AS caseId, c.case_number AS caseNumber, e.type, e.payload, e.staff_no AS staffNo, e.device_time AS deviceTime, e.hash, e.prev_hash AS prevHash
       FROM case_events e LEFT JOIN cases c ON c.id = e.case_id WHERE e.${OWN_EVENTS_SQL} ORDER BY e.rowid`,
    )
    .iterate() as Iterable<{ r: number; id: string; caseId: string; caseNumber: string | null; type: string; payload: string; staffNo: string | null; deviceTime: string; hash: string | null; prevHash: string | null }>;
  let head: string | null = null;
  let checked = 0;
  const breaks: ChainReport['breaks'] = [];
  for (const e of rows) {
    checked++;
    let payload: unknown = e.payload;
    try {
      payload = JSON.parse(e.payload);
    } catch {
      // linked as text by the migration
    }
    const found = e.hash === null ? { kind: 'altered' as const, eventId: e.id, message: '事件缺少校验值' } : checkLink({ ...e, payload, hash: e.hash }, head, sha256Hex);
    if (found) breaks.push({ ...found, rowid: e.r, caseId: e.caseId, caseNumber: e.caseNumber, type: e.type });
    head = e.hash;
  }
  return { checked, breaks };
}
