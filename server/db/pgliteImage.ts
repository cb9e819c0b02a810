// A fresh PGlite database costs an initdb inside WebAssembly (about a second on these machines);
// loading a tarball of one already initialised and migrated takes a fraction of that. When
// YICHUANG_PGLITE_IMAGE_DIR names a folder (the test suite sets it: it opens hundreds of fresh
// databases), such a tarball is kept there per set of migrations and each fresh database starts
// from it; migrate() then finds nothing to do. Without the variable nothing changes.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { migrations } from './migrations';

/** Bumped when what goes into an image changes in a way the migrations' text does not show. */
const IMAGE_FORMAT = 1;

/** The image for the current migrations, made once per folder; undefined when not configured. */
export async function freshImage(migrate: (pglite: PGlite) => Promise<unknown>): Promise<Blob | undefined> {
  const dir = process.env.YICHUANG_PGLITE_IMAGE_DIR;
  if (!dir) return undefined;
  const key = crypto.createHash('sha256').update(JSON.stringify([IMAGE_FORMAT, migrations.map((m) => [m.version, m.name, m.sql, String(m.up ?? '')])])).digest('hex').slice(0, 16);
  const file = path.join(dir, `server-${key}.tar`);
  if (fs.existsSync(file)) return new Blob([fs.readFileSync(file)]);
  const pglite = await PGlite.create();
  try {
    await migrate(pglite);
    const image = await pglite.dumpDataDir('none');
    fs.mkdirSync(dir, { recursive: true });
    // Written aside and renamed: a process reading it meanwhile sees a whole image or none.
    const part = `${file}.${process.pid}.${crypto.randomUUID()}`;
    fs.writeFileSync(part, Buffer.from(await image.arrayBuffer()));
    fs.renameSync(part, file);
    return image;
  } finally {
    await pglite.close();
  }
}

/** A data folder that holds no database yet (absent or empty). */
export const isFreshDataDir = (dataDir: string | undefined) => !dataDir || !fs.existsSync(dataDir) || fs.readdirSync(dataDir).length === 0;
