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
