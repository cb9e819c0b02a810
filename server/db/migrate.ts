// Applies pending migrations, each in its own transaction with its schema_migrations row.
// The table lock makes two servers starting on one database take turns.
import type { Db } from './db';
import { migrations } from './migrations';

export async function migrate(db: Db): Promise<number> {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
  let current = 0;
  for (const m of migrations) {
    current = await db.transaction(async (tx) => {
      await tx.exec('LOCK TABLE schema_migrations IN EXCLUSIVE MODE');
      const { rows } = await tx.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations');
      const have = Number(rows[0]?.v ?? 0);
      if (have > migrations.length) {
        throw new Error(`数据库版本 ${have} 高于本服务器支持的 ${migrations.length}，请升级服务器程序。`);
      }
      if (have >= m.version) return have;
      await tx.exec(m.sql);
      await m.up?.(tx);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      return m.version;
    });
  }
  return current;
}
