// Fresh PGlite databases started from one migrated image (server/db/pgliteImage.ts): each is
// fully migrated and its own; a data folder that already holds a database is opened as it is.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '../../server/db/db';
import { migrate } from '../../server/db/migrate';
import { migrations } from '../../server/db/migrations';

describe('PGlite image of a fresh migrated database', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yc-image-test-'));
  const before = process.env.YICHUANG_PGLITE_IMAGE_DIR;
  process.env.YICHUANG_PGLITE_IMAGE_DIR = path.join(dir, 'images');
  afterAll(() => {
    if (before === undefined) delete process.env.YICHUANG_PGLITE_IMAGE_DIR;
    else process.env.YICHUANG_PGLITE_IMAGE_DIR = before;
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const version = async (db: Awaited<ReturnType<typeof openDb>>) => Number((await db.query<{ v: unknown }>('SELECT max(version) AS v FROM schema_migrations')).rows[0].v);

  it('the first fresh database makes the image; the next ones start from it, migrated and separate', async () => {
    const a = await openDb({});
    expect(fs.readdirSync(path.join(dir, 'images'))).toEqual([expect.stringMatching(/^server-[0-9a-f]{16}\.tar$/)]);
    const b = await openDb({ dataDir: path.join(dir, 'b') });
    for (const db of [a, b]) {
      expect(await version(db)).toBe(migrations.length);
      expect(await migrate(db)).toBe(migrations.length); // nothing left to do
    }
    await a.query("INSERT INTO offices (code, name, level, address) VALUES ('999999', '测试中心', 'county', '沈阳市')");
    expect((await b.query("SELECT 1 FROM offices WHERE code = '999999'")).rows).toEqual([]);
    await b.query("INSERT INTO offices (code, name, level, address) VALUES ('888888', '乙中心', 'county', '沈阳市')");
    await a.close();
    await b.close();
    // Reopened: the folder's own database, not the image again.
    const again = await openDb({ dataDir: path.join(dir, 'b') });
    expect((await again.query<{ code: string }>("SELECT code FROM offices WHERE code = '888888'")).rows).toEqual([{ code: '888888' }]);
    await again.close();
  });
});
