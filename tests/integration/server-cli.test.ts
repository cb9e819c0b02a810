// The admin CLI on an embedded PGlite data folder: data persists between commands, a
// catalogue file with errors is refused whole with every error located; one process per
// folder, and a crashed server's folder is free again at once (no stale pid file).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
    const short = await cli('clerk', 'add', '--staff-no', '2001', '--name', '张敏', '--office', '210102', '--window', '01', '--password', '1234567');
    expect(short.code).toBe(1);
    expect(short.err).toContain('错误：密码至少 8 位');
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

/** `serve` in its own Node process (no tsx wrapper process, so the pid is the server's). */
function serve(dataDir: string): Promise<{ child: ChildProcess; url: string; exited: Promise<number | null> }> {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli.ts', 'serve', '--port', '0', '--data', dataDir], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /一窗中心服务器已启动：(http:\/\/[^\s（]+)/.exec(out);
      if (m) resolve({ child, url: m[1], exited });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((code) => reject(new Error(`serve exited (${code}): ${out.slice(-500)}`)));
  });
}

describe('one process per PGlite data folder', () => {
  let dir: string;
  const data = () => join(dir, 'db');
  const cli = async (...args: string[]) => {
    const env = { ...process.env };
    delete env.DATABASE_URL;
    try {
      const r = await run(TSX, ['server/cli.ts', ...args, '--data', data()], { env });
      return { code: 0, out: r.stdout, err: r.stderr };
    } catch (e) {
      const x = e as { code: number; stdout: string; stderr: string };
      return { code: x.code, out: x.stdout, err: x.stderr };
    }
  };
  beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'yc-lock-')); });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a SIGKILLed server leaves nothing that blocks the next start, even a server.pid naming a live process', { timeout: 120_000 }, async () => {
    expect((await cli('office', 'add', '--code', '210102', '--name', '和平区政务服务中心', '--level', 'county', '--address', '沈阳市和平区')).code).toBe(0);
    const first = await serve(data());
    first.child.kill('SIGKILL');
    expect(await first.exited).toBeNull();
    // What the old pid-file lock trusted: a stored pid that is alive (here: this test process).
    writeFileSync(join(data(), 'server.pid'), String(process.pid));
    const again = await serve(data());
    const dir2 = await fetch(`${again.url}/backoffice/api/directory`).then((r) => r.json());
    expect(dir2.offices.map((o: { code: string }) => o.code)).toEqual(['210102']);
    expect(existsSync(join(data(), 'server.pid'))).toBe(false);
    again.child.kill('SIGTERM');
    expect(await again.exited).toBe(0);
  });

  it('a second server and admin commands are refused in Chinese while a server runs; free again after it stops', { timeout: 120_000 }, async () => {
    const running = await serve(data());
    const pid = running.child.pid!;
    try {
      const second = await cli('serve', '--port', '0');
      expect(second.code).toBe(1);
      expect(second.err).toContain(`服务器（进程 ${pid}）正在使用数据目录 ${data()}`);
      expect(second.err).toContain('请勿重复启动');
      for (const cmd of [['devices'], ['office', 'add', '--code', '210103', '--name', '沈河区政务服务中心', '--level', 'county', '--address', '沈阳市沈河区']]) {
        const r = await cli(...cmd);
        expect(r.code).toBe(1);
        expect(r.err).toContain(`服务器（进程 ${pid}）正在使用数据目录 ${data()}`);
        expect(r.err).toContain('请先停止服务器再执行管理命令');
      }
    } finally {
      running.child.kill('SIGTERM');
      expect(await running.exited).toBe(0);
    }
    expect((await cli('devices')).code).toBe(0);
  });
});
