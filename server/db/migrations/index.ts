// Append-only: never edit a shipped migration, add the next number. The same SQL runs on
// PostgreSQL and PGlite.
import { m001 } from './001-init';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: Migration[] = [m001];
migrations.forEach((m, i) => {
  if (m.version !== i + 1) throw new Error(`migration ${m.name} must be number ${i + 1}`);
});
