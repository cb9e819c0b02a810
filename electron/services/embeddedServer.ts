// Runs the central server beside the app when none is configured, so a new installation sees
// sync work at once. It is a separate process (the bundled server CLI run by the app's own
// Node/Electron binary), never an import: the workstation and the server stay apart.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface EmbeddedServerOptions {
  /** Program and leading arguments that run the server CLI, e.g. [node, 'dist/server/cli.mjs']. */
  command: string[];
  env?: NodeJS.ProcessEnv;
  /** Working folder of the server: its back-office console is served from dist/console there. */
  cwd?: string;
  dataDir: string;
  officeCode: string;
  windowCode: string;
  /** 0 = any free port (the default). */
  port?: number;
  startTimeoutMs?: number;
}

export interface EmbeddedServer {
  url: string;
  /** One-time enrolment code for this window (already used once the app is enrolled). */
  enrolCode: string;
  stop(): Promise<void>;
}

const READY = /一窗中心服务器已启动：(http:\/\/[^\s（]+)/;

export async function startEmbeddedServer(opts: EmbeddedServerOptions): Promise<EmbeddedServer> {
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const enrolFile = path.join(opts.dataDir, 'demo-enrol.json');
  fs.rmSync(enrolFile, { force: true });
  const [program, ...lead] = opts.command;
  const args = [...lead, 'serve', '--demo', '--port', String(opts.port ?? 0), '--data', opts.dataDir,
    '--office', opts.officeCode, '--window', opts.windowCode, '--enrol-file', enrolFile];
  const child: ChildProcess = spawn(program, args, { cwd: opts.cwd, env: { ...process.env, ...opts.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`内置中心服务器启动超时：${output.slice(-500)}`)), opts.startTimeoutMs ?? 60_000);
    const fail = (e: Error) => {
      clearTimeout(timer);
      child.kill();
      reject(e);
    };
    const onData = (d: Buffer) => {
      output += d.toString();
      const m = READY.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    child.once('exit', (code) => fail(new Error(`内置中心服务器退出（${code}）：${output.slice(-500)}`)));
  });
  const { code } = JSON.parse(fs.readFileSync(enrolFile, 'utf8')) as { code: string };
  return {
    url,
    enrolCode: code,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
