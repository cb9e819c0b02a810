// The wall between practice and real work: after a practice session the real database's
// case tables are unchanged row for row, practice numbers carry LX, and nothing is queued.
import { describe, expect, it } from 'vitest';
import { outboxSize, stageOutbox } from '../../electron/store/outbox';
import fs from 'node:fs';
import path from 'node:path';
import { createHost } from '../../electron/services/host';
import { createWorkstation } from '../../electron/services/workstation';
import { replaceCatalogue } from '../../electron/store/catalogue';
import { hashPassword, upsertClerk } from '../../electron/store/clerks';
import { DEMO_PASSWORD_HASH } from '../../shared/demo/password';
import { setSetting } from '../../electron/store/settings';
import { testCatalogue } from '../fixtures/catalogue';
import { tempDbPath, acceptCertificate } from '../helpers/workstation';
import type { Db } from '../../electron/store/db';

// Hashed once for the file: each scrypt run at production cost takes ~0.3 s.
const HASH = { clerk: DEMO_PASSWORD_HASH, other: hashPassword('87654321'), trainer: hashPassword('trainer-pw') };

const CASE_TABLES = ['cases', 'case_events', 'outbox', 'outbox_cursor'];
const dump = (db: Db) => JSON.stringify(CASE_TABLES.map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()));

function testHost() {
  const dbPath = tempDbPath('yc-wall-');
  const host = createHost({ dbPath, practiceDbPath: path.join(path.dirname(dbPath), 'practice.db'), seedDemo: false });
  replaceCatalogue(host.real.db, testCatalogue);
  setSetting(host.real.db, 'device.officeCode', '210100');
  setSetting(host.real.db, 'device.windowCode', '01');
  upsertClerk(host.real.db, { staffNo: '1001', name: '张敏', role: 'clerk', officeCode: '210100', windowCode: '01' }, HASH.clerk);
  upsertClerk(host.real.db, { staffNo: '1003', name: '赵六', role: 'clerk', officeCode: '210100', windowCode: '01' }, HASH.other);
  upsertClerk(host.real.db, { staffNo: '9001', name: '王老师', role: 'trainer', officeCode: '210100', windowCode: '01' }, HASH.trainer);
  return { host, dbPath };
}

const decision = acceptCertificate('2026-11-27T00:55:00.000Z');

async function ok<T>(p: Promise<{ ok: boolean; value?: unknown; error?: { message: string } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(r.error!.message);
  return r.value as T;
}

describe('practice wall', () => {
  it('leaves the real case tables unchanged and queues nothing', async () => {
    const { host } = testHost();
    await ok(host.dispatch('session.signIn', { staffNo: '1001', password: '12345678' }));
    const real = await ok<{ caseNumber: string }>(host.dispatch('case.decide', decision));
    const before = dump(host.real.db);

    // Another clerk's password is not enough; the clerk's own or a trainer's is.
    expect((await host.dispatch('practice.enter', { staffNo: '1003', password: '87654321' })).ok).toBe(false);
    expect((await host.dispatch('practice.enter', { staffNo: '1001', password: 'wrong' })).ok).toBe(false);
    await ok(host.dispatch('practice.enter', { staffNo: '9001', password: 'trainer-pw' }));
    expect((await ok<{ practice: boolean }>(host.dispatch('app.context', {}))).practice).toBe(true);

    const numbers: string[] = [];
    for (let i = 0; i < 5; i++) numbers.push((await ok<{ caseNumber: string }>(host.dispatch('case.decide', decision))).caseNumber);
    for (const n of numbers) expect(n).toMatch(/^LX-/);
    const practiceDb = host.practice()!.db;
    expect((practiceDb.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n).toBe(0);
    expect(outboxSize(practiceDb)).toBe(0); // nothing waiting either: sync would stage nothing
    expect(stageOutbox(practiceDb)).toBe(0);
    // A real number means nothing in practice, and the real checker refuses practice numbers.
    expect((await host.dispatch('case.lookup', { caseNumber: real.caseNumber })).ok).toBe(false);

    await ok(host.dispatch('practice.leave', { staffNo: '1001', password: '12345678' }));
    expect((await ok<{ practice: boolean }>(host.dispatch('app.context', {}))).practice).toBe(false);
    expect(dump(host.real.db)).toBe(before);
    const lookup = await host.dispatch('case.lookup', { caseNumber: numbers[0] });
    expect(lookup.ok ? null : lookup.error.message).toContain('练习');

    const trail = host.real.db.prepare("SELECT action, staff_no AS staffNo FROM audit_log WHERE action LIKE 'practice.%' ORDER BY id").all();
    expect(trail).toEqual([
      { action: 'practice.enter.failed', staffNo: '1001' },
      { action: 'practice.enter', staffNo: '9001' },
      { action: 'practice.leave', staffNo: '1001' },
    ]);
    host.close();
  });

  it('never opens a practice file as a real database or the reverse', () => {
    const { host, dbPath } = testHost();
    const practicePath = path.join(path.dirname(dbPath), 'practice.db');
    host.close();
    createWorkstation({ dbPath: practicePath, seedDemo: false, practice: true }).close();
    expect(() => createWorkstation({ dbPath: practicePath, seedDemo: false })).toThrow(/练习库/);
    expect(() => createWorkstation({ dbPath, seedDemo: false, practice: true })).toThrow(/真实业务库/);
    expect(fs.existsSync(dbPath)).toBe(true);
  });
});
