// Prepared statements are compiled once per connection: preparing costs more than running
// the small statements of an intake transaction.
import type Database from 'better-sqlite3';

const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

export function stmt(db: Database.Database, sql: string): Database.Statement {
  let perDb = cache.get(db);
  if (!perDb) cache.set(db, (perDb = new Map()));
  let s = perDb.get(sql);
  if (!s) perDb.set(sql, (s = db.prepare(sql)));
  return s;
}
