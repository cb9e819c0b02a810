// Append-only: never edit a shipped migration, add the next number. The same SQL runs on
// PostgreSQL and PGlite.
import { m001 } from './001-init';
import { m002 } from './002-typed-events';
import { m003 } from './003-staff-review';
import { m004 } from './004-pages';
import { m005 } from './005-rectification';
import { m006 } from './006-case-facts';
import { m007 } from './007-case-facts-per-statement';
import { m008 } from './008-case-day-figures';
import { m009 } from './009-deferrable-event-case';
import { m010 } from './010-references-per-statement';
import type { Queryable } from '../db';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** Data step after the SQL, in the same transaction. */
  up?: (tx: Queryable) => Promise<void>;
}

export const migrations: Migration[] = [m001, m002, m003, m004, m005, m006, m007, m008, m009, m010];
migrations.forEach((m, i) => {
  if (m.version !== i + 1) throw new Error(`migration ${m.name} must be number ${i + 1}`);
});
