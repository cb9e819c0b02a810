// Child process for the sync crash test: opens an enrolled window's SQLite file and pushes
// its outbox in small batches, printing "acked <n>" after each committed reply and "done"
// at the end. Run with `node --import tsx` so a SIGKILL hits this very process.
// Usage: syncPusher.ts <db> <office>
import { openDevice } from './syncWorld';
import { outboxSize } from '../../electron/store/outbox';

const [dbPath, office] = process.argv.slice(2);
// Small batches that never grow: many commits, many chances to be killed between them.
const { ws, client } = openDevice(dbPath, office, 10_000, { initial: 7, fastMs: 0 });
process.stdout.write('ready\n');
for (;;) {
  const r = await client.pushOnce();
  if (r.sent === 0) break;
  process.stdout.write(`acked ${r.acknowledged} left ${outboxSize(ws.db)}\n`);
}
ws.close();
process.stdout.write('done\n');
