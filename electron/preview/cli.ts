// `npm run preview`: the app's UI in an ordinary browser against the real handlers and a
// real SQLite file, for machines where Electron cannot run and for screenshots.
import path from 'node:path';
import { createHost } from '../services/host';
import { startPreviewServer } from './server';
import { startEmbeddedSync } from '../services/embeddedSync';
import { DEMO_PASSWORD } from '../../shared/demo/password';

const dbPath = process.env.YICHUANG_DB ?? path.resolve('.data/preview/yichuang.db');
const host = createHost({ dbPath, practiceDbPath: dbPath.replace(/\.db$/, '') + '-practice.db', onError: (e) => console.error(e) });
const preview = await startPreviewServer({ dispatch: host.dispatch, rendererDir: path.resolve('dist/renderer'), port: Number(process.env.PORT ?? 0) });
console.log(`一窗 预览已启动：${preview.url}  （数据库：${dbPath}）`);
// Sync out of the box here too: the embedded central server from the same build.
const embedded = process.env.YICHUANG_NO_EMBEDDED_SERVER
  ? null
  : await startEmbeddedSync(host, { command: [process.execPath, path.resolve('dist/server/cli.mjs')], dataDir: path.resolve(path.dirname(dbPath), 'server') }).catch((e) => {
      console.error('内置中心服务器未启动：', (e as Error).message);
      return null;
    });
if (embedded) console.log(`内置中心服务器：${embedded.url}（后台审批：${embedded.url}/console/）`);
console.log(`演示账号：工号 1001 / 密码 ${DEMO_PASSWORD}（窗口人员），9001 / ${DEMO_PASSWORD}（培训师）。按 Ctrl+C 退出。`);
const stop = async () => {
  await preview.close();
  await embedded?.stop();
  host.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
