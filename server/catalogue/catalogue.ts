// Published catalogue versions: publishing (admin CLI) and what devices download.
import type { Db, Queryable } from '../db/db';
import { Catalogue } from '../../shared/domain/catalogue';
import { AppError, zodDetails, type ErrorDetail } from '../../shared/errors';
import { diffCatalogue } from '../../shared/sync/catalogue-delta';
import type { CatalogueResponse, CatalogueVersionResponse } from '../../shared/sync/protocol';
import { iso } from '../time';

/** Cross-references the schema cannot see; every problem located. */
function referenceErrors(c: Catalogue): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  const dup = <T>(list: T[], key: (x: T) => string, path: string) => {
    const seen = new Set<string>();
    list.forEach((x, i) => { const k = key(x); if (seen.has(k)) out.push({ path: `${path}[${i}]`, message: `编码 ${k} 重复` }); seen.add(k); });
  };
  dup(c.departments, (d) => d.code, 'departments');
  dup(c.subCenters, (s) => s.code, 'subCenters');
  dup(c.offices, (o) => o.code, 'offices');
  dup(c.windows, (w) => `${w.officeCode}:${w.code}`, 'windows');
  dup(c.items, (i) => i.code, 'items');
  const depts = new Set(c.departments.map((d) => d.code));
  const subs = new Set(c.subCenters.map((s) => s.code));
  const offices = new Set(c.offices.map((o) => o.code));
  c.items.forEach((it, i) => {
    if (!depts.has(it.departmentCode)) out.push({ path: `items[${i}].departmentCode`, message: `部门 ${it.departmentCode} 不存在` });
    if (it.subCenterCode && !subs.has(it.subCenterCode)) out.push({ path: `items[${i}].subCenterCode`, message: `分中心 ${it.subCenterCode} 不存在` });
  });
  c.windows.forEach((w, i) => {
    if (!offices.has(w.officeCode)) out.push({ path: `windows[${i}].officeCode`, message: `中心 ${w.officeCode} 不存在` });
  });
  return out;
}

/** A catalogue document checked whole (schema and cross-references), or AppError. */
function checkedCatalogue(input: unknown, now: Date): Catalogue {
  // version and publishedAt are assigned at publication, so a file may leave them out.
  const filled = input && typeof input === 'object' && !Array.isArray(input) ? { version: 1, publishedAt: now.toISOString(), ...input } : input;
  const parsed = Catalogue.safeParse(filled);
  if (!parsed.success) throw new AppError('catalogue_invalid', '事项目录文件不符合要求，未发布', zodDetails(parsed.error));
  const refs = referenceErrors(parsed.data);
  if (refs.length) throw new AppError('catalogue_invalid', '事项目录文件的引用关系有误，未发布', refs);
  return parsed.data;
}

/** Locks publication (one publisher at a time, on any number of servers) and reads the latest version. */
export async function lockCatalogue(tx: Queryable): Promise<Catalogue | null> {
  await tx.exec('LOCK TABLE catalogue_versions IN EXCLUSIVE MODE');
  const { rows } = await tx.query<{ json: string }>('SELECT json FROM catalogue_versions ORDER BY version DESC LIMIT 1');
  return rows[0] ? (JSON.parse(rows[0].json) as Catalogue) : null;
}

/** Inside the transaction that holds lockCatalogue: validates and appends the next version. */
export async function appendCatalogueVersion(tx: Queryable, input: unknown, now = new Date()): Promise<{ version: number; itemCount: number; publishedAt: string }> {
  const checked = checkedCatalogue(input, now);
  const { rows } = await tx.query<{ v: number | null }>('SELECT max(version) AS v FROM catalogue_versions');
  const version = Number(rows[0].v ?? 0) + 1;
  const doc: Catalogue = { ...checked, version, publishedAt: now.toISOString() };
  await tx.query('INSERT INTO catalogue_versions (version, json, item_count, published_at) VALUES ($1,$2,$3,$4)', [
    version, JSON.stringify(doc), doc.items.length, now,
  ]);
  return { version, itemCount: doc.items.length, publishedAt: doc.publishedAt };
}

/** Validates a catalogue document and publishes it as the next version (version and
 * publishedAt in the file are replaced). A bad file is refused whole. */
export async function publishCatalogue(db: Db, input: unknown, now = new Date()): Promise<{ version: number; itemCount: number; publishedAt: string }> {
  checkedCatalogue(input, now); // refused before any lock is taken
  return db.transaction(async (tx) => {
    await lockCatalogue(tx);
    return appendCatalogueVersion(tx, input, now);
  });
}

/** Reads published versions with a small cache of parsed documents (they never change). */
export class CatalogueStore {
  private parsed = new Map<number, { text: string; doc: Catalogue }>();
  private itemCache: { version: number; byItem: Map<string, { name: string; departmentCode: string }> } | null = null;
  constructor(private db: Queryable) {}

  async current(): Promise<CatalogueVersionResponse | null> {
    const { rows } = await this.db.query<{ version: number; published_at: Date }>(
      'SELECT version, published_at FROM catalogue_versions ORDER BY version DESC LIMIT 1');
    return rows[0] ? { version: Number(rows[0].version), publishedAt: iso(rows[0].published_at) } : null;
  }

  private async load(version: number) {
    const hit = this.parsed.get(version);
    if (hit) return hit;
    const { rows } = await this.db.query<{ json: string }>('SELECT json FROM catalogue_versions WHERE version = $1', [version]);
    if (!rows[0]) return null;
    const entry = { text: rows[0].json, doc: JSON.parse(rows[0].json) as Catalogue };
    if (this.parsed.size >= 4) this.parsed.delete(this.parsed.keys().next().value!);
    this.parsed.set(version, entry);
    return entry;
  }

  /** JSON text of the reply (the full document is spliced in without re-serialising). */
  async responseText(sinceVersion: number): Promise<string | null> {
    const cur = await this.current();
    if (!cur) return null;
    if (sinceVersion === cur.version) return JSON.stringify({ kind: 'current', version: cur.version } satisfies CatalogueResponse);
    const latest = (await this.load(cur.version))!;
    const old = sinceVersion > 0 && sinceVersion < cur.version ? await this.load(sinceVersion) : null;
    if (!old) return `{"kind":"full","catalogue":${latest.text}}`;
    const delta: CatalogueResponse = {
      kind: 'delta', fromVersion: sinceVersion, version: cur.version, publishedAt: cur.publishedAt, changes: diffCatalogue(old.doc, latest.doc),
    };
    return JSON.stringify(delta);
  }

  /** Latest published document, or null before the first publication. */
  async latest(): Promise<Catalogue | null> {
    const cur = await this.current();
    return cur ? (await this.load(cur.version))!.doc : null;
  }

  /** The item as published in `version` (the case's checklist), else in the latest version. */
  async item(code: string, version?: number): Promise<{ doc: Catalogue; item: Catalogue['items'][number]; exactVersion: boolean } | null> {
    const exact = version ? await this.load(version) : null;
    const found = exact?.doc.items.find((i) => i.code === code);
    if (exact && found) return { doc: exact.doc, item: found, exactVersion: true };
    const doc = await this.latest();
    const item = doc?.items.find((i) => i.code === code);
    return doc && item ? { doc, item, exactVersion: false } : null;
  }

  /** Department of an item in the latest catalogue, for routing cases to back-office staff. */
  async departmentLookup(): Promise<(itemCode: string) => string | null> {
    const byItem = await this.itemIndex();
    return (code) => byItem.get(code)?.departmentCode ?? null;
  }

  /** Item name in the latest catalogue, for case lists. */
  async itemNameLookup(): Promise<(itemCode: string) => string | null> {
    const byItem = await this.itemIndex();
    return (code) => byItem.get(code)?.name ?? null;
  }

  private async itemIndex(): Promise<Map<string, { name: string; departmentCode: string }>> {
    const cur = await this.current();
    if (!cur) return new Map();
    if (this.itemCache?.version !== cur.version) {
      const latest = (await this.load(cur.version))!;
      this.itemCache = { version: cur.version, byItem: new Map(latest.doc.items.map((i) => [i.code, { name: i.name, departmentCode: i.departmentCode }])) };
    }
    return this.itemCache.byItem;
  }
}
