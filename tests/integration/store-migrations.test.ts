import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrate } from '../../electron/store/migrate';
import { migrations } from '../../electron/store/migrations';
import { openDatabase } from '../../electron/store/db';

const tmp = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'yc-mig-')), 'db.sqlite');

describe('migrations', () => {
  it('better-sqlite3 loads its N-API prebuild under this Node', () => {
    const db = new Database(':memory:');
    expect((db.prepare('select sqlite_version() as v').get() as { v: string }).v).toMatch(/^3\./);
    db.close();
  });

  it('bring an empty file to the latest version with WAL and foreign keys on', () => {
    const file = tmp();
    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    db.close();
  });

  it('upgrade from every earlier version to the latest and keep data', () => {
    for (let from = 1; from < migrations.length; from++) {
      const db = new Database(':memory:');
      migrate(db, from);
      expect(db.pragma('user_version', { simple: true })).toBe(from);
      db.prepare("INSERT INTO settings (key, value) VALUES ('k', 'v')").run();
      migrate(db);
      expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
      expect(db.prepare("SELECT value FROM settings WHERE key = 'k'").get()).toEqual({ value: 'v' });
      db.close();
    }
  });

  it('is idempotent when run again', () => {
    const db = new Database(':memory:');
    migrate(db);
    expect(migrate(db)).toBe(migrations.length);
  });

  it('refuses a file from a newer version of the app with a clear message', () => {
    const db = new Database(':memory:');
    db.pragma(`user_version = ${migrations.length + 1}`);
    expect(() => migrate(db)).toThrow(/请升级一窗/);
  });
});

describe('migration 014 (the 立等可取 clock stands still under 需补正)', () => {
  it('a case already under 需补正 gets its pause from its history', async () => {
    const { recordEvents } = await import('../../electron/store/caseLog');
    const { saveSnapshot, getCaseRow } = await import('../../electron/store/cases');
    const { m014 } = await import('../../electron/store/migrations/014-clock-pause');
    const db = new Database(':memory:');
    migrate(db);
    const caseId = '01900000-0000-7000-8000-0000000000aa';
    const at = (min: number) => new Date(Date.UTC(2026, 11, 1, 1, min)).toISOString();
    const snapshotId = saveSnapshot(db, '{}');
    const s = recordEvents(db, null, [
      { caseId, type: 'case.opened', staffNo: '1001', at: at(0), payload: {
        itemCode: 'X1', catalogueVersion: 1, caseNumber: '210100-01-20261201-0001-K', officeCode: '210100', windowCode: '01',
        applicant: { kind: 'person', name: '张三', idNumber: '11010519491231002X', phone: '13800138000' }, agent: null, answers: {}, marks: {},
      } },
      { caseId, type: 'case.decided', staffNo: '1001', at: at(0), payload: { decision: 'accept', caseNumber: '210100-01-20261201-0001-K', tier: 'within30', promisedDate: null, missing: [] } },
    ], { snapshotId, itemName: '测试事项' });
    recordEvents(db, s, [{ caseId, type: 'review.status', staffNo: null, at: at(5), payload: {
      status: 'needsSupplement', reason: '材料不清', note: null, decidedBy: '审批员', statusEventId: 's1', serverSeq: 1, materials: [{ materialId: 'm1', verdict: 'failed', reason: '不清' }],
    } }]);
    // As a file written before 014 left it: no pause on the row.
    db.prepare('UPDATE cases SET clock_paused_at = NULL WHERE id = ?').run(caseId);
    m014.up!(db);
    expect(getCaseRow(db, caseId)).toMatchObject({ clockPausedAt: at(5), dueAt: at(30) });
    db.close();
  });
});
