// Numbered migrations tracked in PRAGMA user_version. Each runs in its own transaction
// together with the version bump, so a crash leaves the file at a whole version.
import type Database from 'better-sqlite3';
import { migrations } from './migrations';

/** The migration a file is at (0: a new or foreign file). */
export const schemaVersion = (db: Database.Database): number => db.pragma('user_version', { simple: true }) as number;

export function migrate(db: Database.Database, upTo = migrations.length): number {
  let current = schemaVersion(db);
  if (current > migrations.length) {
    throw new Error(`数据库版本 ${current} 高于本程序支持的 ${migrations.length}，请升级一窗。`);
  }
  for (const m of migrations.slice(current, upTo)) {
    db.transaction(() => {
      db.exec(m.sql);
      m.up?.(db);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
    current = m.version;
  }
  return current;
}
