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
import { StaffClient } from '../helpers/staffClient';
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

  it('creates an office and window, issues a code and publishes a catalogue; a bad file changes nothing', { timeout: 300_000 }, async () => {
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

    // Back-office accounts: departments must be the catalogue's, offices the server's; every change audited.
    const typo = await cli('staff', 'add', '--staff-no', '3001', '--name', '王审批', '--role', 'reviewer', '--departments', 'SCJX', '--offices', '210102', '--password', 'chushi1234');
    expect(typo.code).toBe(1);
    expect(typo.err).toContain('departmentCodes[0]: 部门 SCJX 不在事项目录中');
    const added = await cli('staff', 'add', '--staff-no', '3001', '--name', '王审批', '--role', 'reviewer', '--departments', 'SCJG', '--offices', '210102', '--password', 'chushi1234');
    expect(added.out).toContain('已新增后台工作人员 3001 王审批');
    expect((await cli('staff', 'add', '--staff-no', '3001', '--name', '重复', '--role', 'admin', '--password', 'chushi1234')).err).toContain('工号 3001 已被使用');
    expect((await cli('staff', 'reset', '--staff-no', '3001', '--password', 'xinmima5678')).out).toContain('已重置 3001 王审批 的密码');
    expect((await cli('staff', 'disable', '--staff-no', '3001')).out).toContain('已停用 3001 王审批');
    expect((await cli('staff', 'disable', '--staff-no', '9999')).err).toContain('没有工号为 9999 的账号');
    expect((await cli('audit', 'verify')).out).toContain('审计日志完整：共 3 条记录');

    const db = await openDb({ dataDir: join(dir, 'db') });
    try {
      const staffRow = await db.query<{ active: boolean; must_change_password: boolean; department_codes: string[]; password_hash: string }>('SELECT * FROM staff WHERE staff_no = $1', ['3001']);
      expect(staffRow.rows[0]).toMatchObject({ active: false, must_change_password: true, department_codes: ['SCJG'] });
      expect(staffRow.rows[0].password_hash).toMatch(/^scrypt\$131072\$8\$1\$/);
      const audited = await db.query<{ action: string; ip: string; staff_name: string }>('SELECT action, ip, staff_name FROM audit_log ORDER BY seq');
      expect(audited.rows.map((r) => [r.action, r.ip, r.staff_name])).toEqual([
        ['staff.add', 'cli', '服务器管理命令'], ['staff.resetPassword', 'cli', '服务器管理命令'], ['staff.disable', 'cli', '服务器管理命令'],
      ]);
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
    expect((await cli('staff', 'add', '--staff-no', '3901', '--name', '周管理', '--role', 'admin', '--password', 'chushi1234')).code).toBe(0);
    const first = await serve(data());
    first.child.kill('SIGKILL');
    expect(await first.exited).toBeNull();
    // What the old pid-file lock trusted: a stored pid that is alive (here: this test process).
    writeFileSync(join(data(), 'server.pid'), String(process.pid));
    const again = await serve(data());
    // The account added before the crash signs in (and must set its own password first).
    const admin = new StaffClient(again.url);
    expect((await admin.signIn('3901', 'chushi1234')).json.staff).toMatchObject({ staffNo: '3901', role: 'admin', mustChangePassword: true });
    expect((await admin.get('/directory')).json.code).toBe('password_change_required');
    expect((await admin.post('/session/password', { current: 'chushi1234', next: 'xinmima5678' })).status).toBe(200);
    const dir2 = (await admin.get('/directory')).json;
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
