// Admin CLI and server entry: `npm run server -- <command> [options]`.
// PGlite (embedded) is used in --data unless DATABASE_URL is set. PGlite allows one process
// per data folder (held by a lock that dies with its process, see db/data-lock.ts), so with
// PGlite run admin commands while the server is stopped.
import { parseArgs } from 'node:util';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openDb, type Db } from './db/db';
import { migrate } from './db/migrate';
import { DataDirBusy, lockDataDir, type DataLock, type LockRole } from './db/data-lock';
import { startServer } from './index';
import { addClerk, addOffice, addWindow, deactivateClerk, issueEnrolCode, listDevices, revokeDevice } from './admin/directory';
import { publishCatalogue } from './catalogue/catalogue';
import { listChainBreaks, listRejected } from './backoffice/cases';
import { CLI_ACTOR, verifyAudit } from './backoffice/audit';
import { addStaff, resetStaffPassword, setStaffActive } from './staff/accounts';
import { CatalogueStore } from './catalogue/catalogue';
import { demoEnrolCode, seedDemo } from './demo';
import { AppError } from '../shared/errors';
import { ZodError } from 'zod';

const HELP = `用法: npm run server -- <命令> [选项]
  serve [--port 8787] [--host 127.0.0.1] [--data .data/server]   启动中心服务器
        [--demo [--office 210100 --window 01] [--enrol-file 文件]]  首次启动写入演示目录、中心、窗口和账号，并为该窗口生成登记码
  office add --code 210102 --name 名称 --level city|county|township|village --address 地址 [--phone] [--parent]
  window add --office 210102 --code 01 --name 名称 [--kind general|domain|functional|business] [--departments A,B]
  clerk add --staff-no 1001 --name 姓名 --office 210102 --window 01 --password 密码（至少 8 位） [--role clerk|supervisor|trainer]
  clerk disable --staff-no 1001
  staff add --staff-no 3001 --name 姓名 --role reviewer|head|admin --departments SCJG[,JTJ] --offices 210102[,210103] --password 初始密码（至少 8 位）
  staff disable --staff-no 3001                                 停用后台工作人员账号（会话立即失效）
  staff reset --staff-no 3001 --password 新密码                 重置密码（本人下次登录须修改），并解除锁定
  audit verify                                                  校验后台审计日志的哈希链
  enrol-code --office 210102 --window 01 [--hours 72]            生成一次性登记码
  publish --file catalogue.json                                 发布事项目录新版本
  revoke --device <设备编号>                                     停用设备
  devices                                                       列出设备
  rejected [--limit 50]                                         列出被拒收的上传事件
  chain-breaks [--limit 50]                                     列出窗口事件链断裂告警（窗口机数据被改动或删除）
公共选项: --data <目录>（PGlite 数据目录；设置 DATABASE_URL 时改用 PostgreSQL）
环境变量: DATABASE_URL；YICHUANG_ALLOWED_HOSTS（经反向代理访问时的对外主机名，逗号分隔，如 yichuang.example.gov.cn）；
          YICHUANG_TRUST_PROXY（可信反向代理的地址，逗号分隔；其 X-Forwarded-For/-Proto 用于审计地址和 Secure Cookie）；
          YICHUANG_IDLE_MINUTES（后台登录空闲超时，默认 30）；YICHUANG_PAGES_DIR（扫描页文件目录，默认 <数据目录>/pages）；YICHUANG_CLAIM_MINUTES（认领有效期，默认 240）`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    port: { type: 'string' }, host: { type: 'string' }, data: { type: 'string' },
    code: { type: 'string' }, name: { type: 'string' }, level: { type: 'string' }, address: { type: 'string' },
    phone: { type: 'string' }, parent: { type: 'string' }, office: { type: 'string' }, window: { type: 'string' },
    kind: { type: 'string' }, departments: { type: 'string' }, 'staff-no': { type: 'string' }, password: { type: 'string' },
    role: { type: 'string' }, hours: { type: 'string' }, file: { type: 'string' }, device: { type: 'string' },
    limit: { type: 'string' }, help: { type: 'boolean', short: 'h' },
    demo: { type: 'boolean' }, 'enrol-file': { type: 'string' }, offices: { type: 'string' },
  },
});

const dataDir = resolve(values.data ?? '.data/server');

function need(name: keyof typeof values): string {
  const v = values[name];
  if (typeof v !== 'string' || !v) throw new Error(`缺少选项 --${name}`);
  return v;
}

function busyMessage(err: DataDirBusy, role: LockRole): string {
  const h = err.holder;
  const who = !h ? '另一个进程' : h.role === 'serve' ? `服务器（进程 ${h.pid}）` : `管理命令（进程 ${h.pid}）`;
  const what = h?.role === 'admin' ? '请等它结束后再试'
    : role === 'serve' ? '请勿重复启动，或为新服务器另选 --data 目录' : '请先停止服务器再执行管理命令';
  return `${who}正在使用数据目录 ${dataDir}。内置数据库只允许一个进程，${what}，或设置 DATABASE_URL 使用 PostgreSQL。`;
}

/** The database; with PGlite also the folder's lock, held until `close`. */
async function open(role: LockRole): Promise<{ db: Db; close(): Promise<void> }> {
  const url = process.env.DATABASE_URL;
  let lock: DataLock | null = null;
  if (!url) {
    lock = await lockDataDir(dataDir, role).catch((err) => {
      throw err instanceof DataDirBusy ? new Error(busyMessage(err, role)) : err;
    });
    // Left by versions that locked with a pid file; the socket lock supersedes it.
    rmSync(join(dataDir, 'server.pid'), { force: true });
  }
  try {
    const db = await openDb(url ? { url } : { dataDir });
    await migrate(db);
    return { db, close: async () => { await db.close(); await lock?.release(); } };
  } catch (err) {
    await lock?.release();
    throw err;
  }
}

async function withDb<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  const { db, close } = await open('admin');
  try { return await fn(db); } finally { await close(); }
}

async function main() {
  const [cmd, sub] = positionals;
  if (!cmd || values.help) return console.log(HELP);
  switch (`${cmd}${sub && ['office', 'window', 'clerk', 'staff', 'audit'].includes(cmd) ? ` ${sub}` : ''}`) {
    case 'serve': {
      const { db, close } = await open('serve');
      if (values.demo) {
        const device = { officeCode: values.office ?? '210100', windowCode: values.window ?? '01' };
        await seedDemo(db, device);
        if (values['enrol-file']) writeFileSync(values['enrol-file'], JSON.stringify({ code: await demoEnrolCode(db, device), ...device }));
      }
      const env = process.env;
      const list = (v: string | undefined) => v?.split(',').map((x) => x.trim()).filter(Boolean);
      const server = await startServer({
        db, port: Number(values.port ?? 8787), host: values.host ?? '127.0.0.1', logger: true,
        // Page bytes beside the data folder (also with PostgreSQL: its rows, these files).
        blobs: env.YICHUANG_PAGES_DIR ?? join(dataDir, 'pages'),
        allowedHosts: list(env.YICHUANG_ALLOWED_HOSTS), trustProxy: list(env.YICHUANG_TRUST_PROXY) ?? false,
        session: env.YICHUANG_IDLE_MINUTES ? { idleMinutes: Number(env.YICHUANG_IDLE_MINUTES) } : undefined,
        claimMinutes: env.YICHUANG_CLAIM_MINUTES ? Number(env.YICHUANG_CLAIM_MINUTES) : undefined,
      });
      console.log(`一窗中心服务器已启动：${server.url}（接口文档 ${server.url}/openapi.json，数据库 ${process.env.DATABASE_URL ? 'PostgreSQL' : dataDir}）`);
      const stop = async () => {
        await server.close();
        await close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      return;
    }
    case 'office add':
      return withDb(async (db) => {
        const o = await addOffice(db, { code: need('code'), name: need('name'), level: need('level'), address: need('address'), phone: values.phone ?? '', parentCode: values.parent ?? null });
        console.log(`已保存中心 ${o.code} ${o.name}`);
      });
    case 'window add':
      return withDb(async (db) => {
        const w = await addWindow(db, { officeCode: need('office'), code: need('code'), name: need('name'), kind: values.kind ?? 'general', departmentCodes: values.departments?.split(',').filter(Boolean) ?? [] });
        console.log(`已保存窗口 ${w.officeCode}/${w.code} ${w.name}`);
      });
    case 'clerk add':
      return withDb(async (db) => {
        await addClerk(db, { staffNo: need('staff-no'), name: need('name'), role: values.role ?? 'clerk', officeCode: need('office'), windowCode: need('window') }, need('password'));
        console.log(`已保存窗口人员 ${values['staff-no']}`);
      });
    case 'clerk disable':
      return withDb(async (db) => console.log((await deactivateClerk(db, need('staff-no'))) ? '已停用' : '没有这个工号'));
    case 'staff add':
      return withDb(async (db) => {
        const latest = await new CatalogueStore(db).latest();
        const a = await addStaff(db, CLI_ACTOR, {
          staffNo: need('staff-no'), name: need('name'), role: need('role'), password: need('password'),
          departmentCodes: values.departments?.split(',').filter(Boolean) ?? [], officeCodes: values.offices?.split(',').filter(Boolean) ?? [],
        }, latest ? new Set(latest.departments.map((d) => d.code)) : null, { mustChangePassword: true });
        console.log(`已新增后台工作人员 ${a.staffNo} ${a.name}（首次登录须修改密码）`);
      });
    case 'staff disable':
      return withDb(async (db) => {
        const a = await setStaffActive(db, CLI_ACTOR, need('staff-no'), false);
        console.log(`已停用 ${a.staffNo} ${a.name}，其登录会话已失效`);
      });
    case 'staff reset':
      return withDb(async (db) => {
        const a = await resetStaffPassword(db, CLI_ACTOR, need('staff-no'), need('password'));
        console.log(`已重置 ${a.staffNo} ${a.name} 的密码（下次登录须修改）`);
      });
    case 'audit verify':
      return withDb(async (db) => {
        const r = await verifyAudit(db);
        if (!r.breaks.length) return console.log(`审计日志完整：共 ${r.checked} 条记录，哈希链无断裂`);
        for (const b of r.breaks) console.log(b.message);
        process.exitCode = 1;
      });
    case 'enrol-code':
      return withDb(async (db) => {
        const { code, expiresAt } = await issueEnrolCode(db, need('office'), need('window'), Number(values.hours ?? 72));
        console.log(`登记码：${code}\n有效期至：${expiresAt}（只能使用一次）`);
      });
    case 'publish':
      return withDb(async (db) => {
        let doc: unknown;
        try {
          doc = JSON.parse(readFileSync(need('file'), 'utf8'));
        } catch (err) {
          throw new Error(`无法读取事项目录文件：${(err as Error).message}`);
        }
        const r = await publishCatalogue(db, doc);
        console.log(`已发布事项目录第 ${r.version} 版，共 ${r.itemCount} 个事项（${r.publishedAt}）`);
      });
    case 'revoke':
      return withDb(async (db) => console.log((await revokeDevice(db, need('device'))) ? '设备已停用，其令牌立即失效' : '没有这个设备或已停用'));
    case 'devices':
      return withDb(async (db) => console.table(await listDevices(db)));
    case 'chain-breaks':
      return withDb(async (db) => {
        const { breaks } = await listChainBreaks(db, Number(values.limit ?? 50));
        if (!breaks.length) return console.log('没有事件链断裂告警');
        console.table(breaks.map((b) => ({ 时间: b.detectedAt, 中心: b.officeCode, 设备: b.deviceId, 上传编号: b.seq, 事件: b.eventId, 类型: b.kind === 'altered' ? '内容被改动' : '事件缺失', 说明: b.message })));
      });
    case 'rejected':
      return withDb(async (db) => console.log(JSON.stringify((await listRejected(db, Number(values.limit ?? 50))).rejected, null, 2)));
    default:
      console.error(`未知命令：${positionals.join(' ')}\n\n${HELP}`);
      process.exitCode = 2;
  }
}

main().catch((err) => {
  if (err instanceof AppError) {
    console.error(`错误：${err.message}`);
    for (const d of err.details ?? []) console.error(`  ${d.path}: ${d.message}`);
  } else if (err instanceof ZodError) {
    console.error('错误：输入不符合要求');
    for (const i of err.issues) console.error(`  ${i.path.join('.') || '(根)'}: ${i.message}`);
  } else {
    console.error(`错误：${(err as Error).message}`);
  }
  process.exitCode = 1;
});
