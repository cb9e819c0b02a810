// Child process for the page sync crash test: opens an enrolled window's SQLite file and runs
// sync rounds until every page is stored, printing "round <pages waiting> <bytes sent>" after
// each round and "done" at the end. Run with `node --import tsx` so a SIGKILL hits this process.
// Usage: pageSyncer.ts <db> <office>
import { openDevice } from './syncWorld';
import { pageQueue } from '../../electron/store/pageUploads';

const [dbPath, office] = process.argv.slice(2);
const { ws, client } = openDevice(dbPath, office, 20_000);
process.stdout.write('ready\n');
for (let i = 0; i < 10_000; i++) {
  const r = await client.syncRound();
  const q = pageQueue(ws.db);
  process.stdout.write(`round ${q.pages} ${client.pages.bytesSent} ${r.ok ? 'ok' : r.error?.kind}\n`);
  if (r.ok && q.pages === 0) break;
  if (!r.ok) await new Promise((res) => setTimeout(res, 200));
}
ws.close();
process.stdout.write('done\n');
