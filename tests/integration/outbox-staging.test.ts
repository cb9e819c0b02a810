// The event log is the queue: an acceptance commits its case and events only, and sync
// stages the window's own events into the numbered outbox before each push. Nothing is
// skipped, repeated or reordered, back-office statuses stay local, and files from the
// version that queued at acceptance keep their outbox as it was.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { testWorkstation, acceptCertificate } from '../helpers/workstation';
import { decide, complete } from '../../electron/services/intake';
import { DecideInput } from '../../shared/domain/case';
import { outboxSize, stageOutbox, waitingCounts } from '../../electron/store/outbox';
import { applyStatusEvent } from '../../electron/store/syncState';
import { openDatabase } from '../../electron/store/db';
import { migrate } from '../../electron/store/migrate';
import { tempDbPath } from '../helpers/workstation';
import Database from 'better-sqlite3';

const outboxRows = (db: Database.Database) =>
  db.prepare('SELECT o.seq, e.case_id AS caseId, e.type FROM outbox o JOIN case_events e ON e.id = o.event_id ORDER BY o.seq').all() as { seq: number; caseId: string; type: string }[];

describe('outbox staging', () => {
  it('an acceptance is waiting at once; staging numbers its two events in order, once', () => {
    const ws = testWorkstation();
    const { caseId } = decide(ws, DecideInput.parse(acceptCertificate()));
    expect(outboxRows(ws.db)).toEqual([]); // not written in the acceptance transaction…
    expect(outboxSize(ws.db)).toBe(2); // …but waiting, and shown as waiting
    expect(waitingCounts(ws.db)).toEqual({ events: 2, cases: 1 });

    expect(stageOutbox(ws.db)).toBe(2);
    expect(outboxRows(ws.db).map((r) => [r.caseId, r.type])).toEqual([
      [caseId, 'case.opened'],
      [caseId, 'case.decided'],
    ]);
    expect(stageOutbox(ws.db)).toBe(0);
    expect(outboxSize(ws.db)).toBe(2);
    ws.close();
  });

  it('a back-office status applied here is never queued back', () => {
    const ws = testWorkstation();
    const { caseId } = decide(ws, DecideInput.parse(acceptCertificate()));
    stageOutbox(ws.db);
    const status = {
      serverSeq: 1, id: crypto.randomUUID(), caseId, caseNumber: null, type: 'review.status' as const, status: 'approved' as const,
      reason: null, note: null, decidedBy: '后台', decidedAt: new Date().toISOString(),
    };
    ws.db.transaction(() => applyStatusEvent(ws.db, status, 'srv'))();
    expect(outboxSize(ws.db)).toBe(2);
    expect(stageOutbox(ws.db)).toBe(0);
    ws.close();
  });

  it('property: any mix of actions and staging points yields every own event exactly once, in write order', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('accept', 'complete', 'stage'), { minLength: 1, maxLength: 25 }), (steps) => {
        const ws = testWorkstation();
        const open: string[] = [];
        for (const s of steps) {
          if (s === 'accept') open.push(decide(ws, DecideInput.parse(acceptCertificate())).caseId);
          else if (s === 'complete' && open.length) complete(ws, open.shift()!);
          else stageOutbox(ws.db);
        }
        stageOutbox(ws.db);
        const own = ws.db.prepare("SELECT id FROM case_events WHERE type LIKE 'case.%' ORDER BY rowid").all() as { id: string }[];
        const queued = ws.db.prepare('SELECT event_id AS id FROM outbox ORDER BY seq').all() as { id: string }[];
        expect(queued).toEqual(own);
        expect(outboxSize(ws.db)).toBe(own.length);
        ws.close();
      }),
      { numRuns: 25 },
    );
  });

  it('staging lost in a power cut is redone with the same numbers (why it needs no fsync of its own)', () => {
    const file = tempDbPath();
    const ws = testWorkstation({ dbPath: file });
    for (let i = 0; i < 3; i++) decide(ws, DecideInput.parse(acceptCertificate()));
    stageOutbox(ws.db);
    for (let i = 0; i < 2; i++) decide(ws, DecideInput.parse(acceptCertificate()));
    ws.db.pragma('wal_checkpoint(TRUNCATE)');
    const beforeCut = file + '.cut';
    fs.copyFileSync(file, beforeCut); // the disk as a power cut right after the next staging could leave it
    stageOutbox(ws.db);
    const staged = ws.db.prepare('SELECT seq, event_id AS id FROM outbox ORDER BY seq').all();
    ws.close();
    const restarted = openDatabase(beforeCut);
    expect(stageOutbox(restarted)).toBe(4);
    expect(restarted.prepare('SELECT seq, event_id AS id FROM outbox ORDER BY seq').all()).toEqual(staged);
    restarted.close();
  });

  it('a file from the version that queued at acceptance keeps its outbox and stages nothing twice', () => {
    const file = tempDbPath();
    const old = new Database(file);
    migrate(old, 4);
    old.exec(`INSERT INTO item_snapshots (id, json) VALUES ('s', '{}');
      INSERT INTO cases (id, case_number, item_code, item_name, catalogue_version, snapshot_id, applicant, answers, marks, decision, status, accepted_at, staff_no, office_code, window_code, day)
        VALUES ('c1', '210100-01-20261127-0001-X', 'T0000000001', '证明', 1, 's', '{}', '{}', '{}', 'accept', 'accepted', '2026-11-27T01:00:00Z', '1001', '210100', '01', '2026-11-27');
      INSERT INTO case_events (id, case_id, type, payload, staff_no, device_time) VALUES ('e1', 'c1', 'case.opened', '{}', '1001', '2026-11-27T01:00:00Z'), ('e2', 'c1', 'case.decided', '{}', '1001', '2026-11-27T01:00:00Z');
      INSERT INTO outbox (event_id) VALUES ('e2');`); // e1 was already sent
    old.close();
    const db = openDatabase(file);
    expect(outboxSize(db)).toBe(1);
    expect(stageOutbox(db)).toBe(0);
    expect((db.prepare('SELECT event_id AS id FROM outbox').all() as { id: string }[]).map((r) => r.id)).toEqual(['e2']);
    db.close();
  });
});
