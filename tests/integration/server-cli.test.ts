// The admin CLI on an embedded PGlite data folder: data persists between commands, a
// catalogue file with errors is refused whole with every error located.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { catalogueFixture } from './server-harness';
import { openDb } from '../../server/db/db';

const run = promisify(execFile);
const TSX = join(process.cwd(), 'node_modules/.bin/tsx');

describe('server admin CLI (PGlite data folder)', () => {
  let dir: string;
  const cli = async (...args: string[]) => {
    const env = { ...process.env };
    delete env.DATABASE_URL;
    try {
      const r = await run(TSX, ['server/cli.ts', ...args, '--data', join(dir, 'db')], { env });
      return { code: 0, out: r.stdout, err: r.stderr };
    } catch (e) {
      const x = e as { code: number; stdout: string; stderr: string };
      return { code: x.code, out: x.stdout, err: x.stderr };
    }
  };
  beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'yc-cli-')); });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('creates an office and window, issues a code and publishes a catalogue; a bad file changes nothing', { timeout: 120_000 }, async () => {
    const office = await cli('office', 'add', '--code', '210102', '--name', '和平区政务服务中心', '--level', 'county', '--address', '沈阳市和平区');
    expect(office.code).toBe(0);
    expect((await cli('window', 'add', '--office', '210102', '--code', '01', '--name', '综合窗口一')).code).toBe(0);
    const code = await cli('enrol-code', '--office', '210102', '--window', '01');
    expect(code.out).toMatch(/登记码：[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}/);

    const good = catalogueFixture([{ code: '11210100MB0000001A', name: '食品经营许可' }]);
    const bad = { ...good, items: [{ ...good.items[0], code: 'bad', immediateTier: 'soon' }], departments: [] };
    writeFileSync(join(dir, 'bad.json'), JSON.stringify(bad));
    writeFileSync(join(dir, 'good.json'), JSON.stringify(good));
    const refused = await cli('publish', '--file', join(dir, 'bad.json'));
    expect(refused.code).toBe(1);
    for (const path of ['departments', 'items[0].code', 'items[0].immediateTier']) expect(refused.err).toContain(`${path}:`);
    const published = await cli('publish', '--file', join(dir, 'good.json'));
    expect(published.out).toContain('已发布事项目录第 1 版');

    const db = await openDb({ dataDir: join(dir, 'db') });
    try {
      const versions = await db.query<{ version: number }>('SELECT version FROM catalogue_versions');
      expect(versions.rows.map((r) => r.version)).toEqual([1]);
      const codes = await db.query<{ n: unknown }>('SELECT count(*) AS n FROM enrolment_codes WHERE used_at IS NULL');
      expect(Number(codes.rows[0].n)).toBe(1);
    } finally {
      await db.close();
    }
  });
});
