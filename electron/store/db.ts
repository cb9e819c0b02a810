// Opens the workstation's SQLite file. WAL + synchronous=FULL: a commit is on disk when
// better-sqlite3 returns, so a power cut right after "受理" loses nothing.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { migrate } from './migrate';

export type Db = Database.Database;

export function openDatabase(file: string): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

/** An existing file, for reading only (checks that must never change it): not migrated. */
export const openReadOnly = (file: string): Db => new Database(file, { readonly: true, fileMustExist: true });

// One transaction wrapper per connection: better-sqlite3 builds a wrapper per call otherwise.
const runners = new WeakMap<Db, Database.Transaction<(fn: () => unknown) => unknown>>();

/** Runs fn in one IMMEDIATE transaction (takes the write lock up front, so concurrent writers queue instead of failing mid-way). Nested calls become savepoints. */
export function tx<T>(db: Db, fn: () => T): T {
  let run = runners.get(db);
  if (!run) runners.set(db, (run = db.transaction((f: () => unknown) => f())));
  return run.immediate(fn) as T;
}
