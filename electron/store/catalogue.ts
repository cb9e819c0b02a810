// The catalogue in the workstation's SQLite file. Replacing it is one transaction: a bad
// document never reaches here (validated first), and a crash mid-import keeps the old one.
import { stmt } from './statements';
import type { Db } from './db';
import { tx } from './db';
import {
  CATALOGUE_SCHEMA_VERSION,
  Item,
  type Catalogue,
  type Department,
  type ImmediateTier,
  type Office,
  type SubCenter,
  type Window,
} from '../../shared/domain/catalogue';
import { searchKeys } from '../../shared/search/keys';
import { NATIONAL_RATING_REASONS, type RatingReason } from '../../shared/domain/ratingReasons';
import { getSetting, setSetting } from './settings';

export interface CatalogueMeta {
  version: number;
  publishedAt: string;
}

export function replaceCatalogue(db: Db, c: Catalogue): void {
  tx(db, () => {
    for (const t of ['items', 'departments', 'sub_centers', 'windows', 'offices', 'catalogue_meta', 'rating_reasons']) db.prepare(`DELETE FROM ${t}`).run();
    stmt(db, 'INSERT INTO catalogue_meta (id, version, published_at, schema_version) VALUES (1, ?, ?, ?)').run(
      c.version,
      c.publishedAt,
      CATALOGUE_SCHEMA_VERSION,
    );
    const dep = stmt(db, 'INSERT INTO departments (code, name) VALUES (?, ?)');
    for (const d of c.departments) dep.run(d.code, d.name);
    const sub = stmt(db, 'INSERT INTO sub_centers (code, json) VALUES (?, ?)');
    for (const s of c.subCenters) sub.run(s.code, JSON.stringify(s));
    const off = stmt(db, 'INSERT INTO offices (code, level, json) VALUES (?, ?, ?)');
    for (const o of c.offices) off.run(o.code, o.level, JSON.stringify(o));
    const win = stmt(db, 'INSERT INTO windows (office_code, code, json) VALUES (?, ?, ?)');
    for (const w of c.windows) win.run(w.officeCode, w.code, JSON.stringify(w));
    const item = stmt(db, 
      'INSERT INTO items (code, name, department_code, json, search_initials, search_pinyin) VALUES (?, ?, ?, ?, ?, ?)',
    );
    for (const i of c.items) {
      const keys = searchKeys(i);
      item.run(i.code, i.name, i.departmentCode, JSON.stringify(i), keys.initials, keys.pinyin);
    }
    const reason = stmt(db, 'INSERT INTO rating_reasons (position, code, rating_class, text) VALUES (?, ?, ?, ?)');
    (c.ratingReasons ?? []).forEach((r, i) => reason.run(i + 1, r.code, r.ratingClass, r.text));
    // The catalogue's synonym list travels with it (the window's own additions are kept apart).
    setSetting(db, CATALOGUE_SYNONYMS, JSON.stringify(c.synonyms ?? []));
  });
}

const CATALOGUE_SYNONYMS = 'catalogue.synonyms';
/** The synonym list of the catalogue in use ([] for one published without). */
export function catalogueSynonyms(db: Db): NonNullable<Catalogue['synonyms']> {
  const raw = getSetting(db, CATALOGUE_SYNONYMS);
  return raw ? (JSON.parse(raw) as NonNullable<Catalogue['synonyms']>) : [];
}

/** The centre's own 好差评 reasons as published, or null when it publishes none. */
function ownRatingReasons(db: Db): RatingReason[] | null {
  const rows = stmt(db, 'SELECT code, rating_class AS ratingClass, text FROM rating_reasons ORDER BY position').all() as RatingReason[];
  return rows.length ? rows : null;
}

/** The 好差评 reasons this window offers: the centre's list, else the national one. */
export function listRatingReasons(db: Db): RatingReason[] {
  return ownRatingReasons(db) ?? [...NATIONAL_RATING_REASONS];
}

export function catalogueMeta(db: Db): CatalogueMeta | null {
  const row = stmt(db, 'SELECT version, published_at AS publishedAt FROM catalogue_meta WHERE id = 1').get() as CatalogueMeta | undefined;
  return row ?? null;
}

const parseRows = <T>(rows: { json: string }[]): T[] => rows.map((r) => JSON.parse(r.json) as T);

export function listDepartments(db: Db): Department[] {
  return stmt(db, 'SELECT code, name FROM departments ORDER BY code').all() as Department[];
}
export function listSubCenters(db: Db): SubCenter[] {
  return parseRows(stmt(db, 'SELECT json FROM sub_centers ORDER BY code').all() as { json: string }[]);
}
export function listOffices(db: Db): Office[] {
  return parseRows(stmt(db, 'SELECT json FROM offices ORDER BY code').all() as { json: string }[]);
}
export function listWindows(db: Db): Window[] {
  return parseRows(stmt(db, 'SELECT json FROM windows ORDER BY office_code, code').all() as { json: string }[]);
}

export function getItem(db: Db, code: string): Item | null {
  const row = stmt(db, 'SELECT json FROM items WHERE code = ?').get(code) as { json: string } | undefined;
  return row ? Item.parse(JSON.parse(row.json)) : null;
}

export function itemCount(db: Db): number {
  return (stmt(db, 'SELECT count(*) AS n FROM items').get() as { n: number }).n;
}

export function exportCatalogue(db: Db): Catalogue {
  const meta = catalogueMeta(db);
  if (!meta) throw new Error('no catalogue');
  const own = ownRatingReasons(db);
  return {
    schemaVersion: CATALOGUE_SCHEMA_VERSION,
    version: meta.version,
    publishedAt: meta.publishedAt,
    departments: listDepartments(db),
    subCenters: listSubCenters(db),
    offices: listOffices(db),
    windows: listWindows(db),
    items: parseRows<Item>(stmt(db, 'SELECT json FROM items ORDER BY code').all() as { json: string }[]),
    ...(own ? { ratingReasons: own } : {}),
    ...(catalogueSynonyms(db).length ? { synonyms: catalogueSynonyms(db) } : {}),
  };
}

/** Rows for the in-memory search index: only what ranking and display need. */
export interface ItemSearchSource {
  code: string;
  name: string;
  departmentName: string;
  initials: string;
  pinyin: string;
  immediateTier: ImmediateTier | null;
  subCenterCode: string | null;
  /** JSON arrays, parsed by the caller: cheaper than parsing each whole item. */
  levels: string;
  keywords: string;
}
export function listSearchSources(db: Db): ItemSearchSource[] {
  return db
    .prepare(
      `SELECT i.code, i.name, d.name AS departmentName, i.search_initials AS initials, i.search_pinyin AS pinyin,
              json_extract(i.json, '$.immediateTier') AS immediateTier, json_extract(i.json, '$.subCenterCode') AS subCenterCode,
              json_extract(i.json, '$.levels') AS levels, coalesce(json_extract(i.json, '$.keywords'), '[]') AS keywords
       FROM items i JOIN departments d ON d.code = i.department_code`,
    )
    .all() as ItemSearchSource[];
}

/** Adds picks counted since the last flush: code → { uses, last } for one window. */
export function recordItemUses(db: Db, windowKey: string, picks: Map<string, { uses: number; last: string }>): void {
  const add = stmt(
    db,
    `INSERT INTO item_usage (window_key, item_code, uses, last_used) VALUES (?, ?, ?, ?)
     ON CONFLICT (window_key, item_code) DO UPDATE SET uses = uses + excluded.uses, last_used = excluded.last_used`,
  );
  for (const [code, p] of picks) add.run(windowKey, code, p.uses, p.last);
}

export function itemUsage(db: Db, windowKey: string): Map<string, number> {
  const rows = stmt(db, 'SELECT item_code AS code, uses FROM item_usage WHERE window_key = ?').all(windowKey) as { code: string; uses: number }[];
  return new Map(rows.map((r) => [r.code, r.uses]));
}
