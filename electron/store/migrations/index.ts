// Append-only: never edit a shipped migration, add the next number.
import { m001 } from './001-catalogue-clerks';
import { m002 } from './002-cases-outbox';
import { m003 } from './003-sync';
import { m004 } from './004-practice';
import { m005 } from './005-lean-intake';
import { m006 } from './006-event-chain';
import { m007 } from './007-case-opened';
import { m008 } from './008-intake-drafts';
import { m009 } from './009-case-find';
import { m010 } from './010-pages';
import { m011 } from './011-rating-reasons';
import { m012 } from './012-page-uploads';
import { m013 } from './013-notice-prints';
import { m014 } from './014-clock-pause';
import type Database from 'better-sqlite3';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** Data step after the SQL, in the same transaction (e.g. values SQL cannot compute). */
  up?: (db: Database.Database) => void;
}

export const migrations: Migration[] = [m001, m002, m003, m004, m005, m006, m007, m008, m009, m010, m011, m012, m013, m014];
migrations.forEach((m, i) => {
  if (m.version !== i + 1) throw new Error(`migration ${m.name} must be number ${i + 1}`);
});
