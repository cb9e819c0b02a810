// The central server in its own process for the sync benchmark, as in production (the
// windows are other machines). Usage: sync-server.ts <postgres url> <schema>; prints its URL.
import { startServer } from '../server/index';

const [url, schema] = process.argv.slice(2);
const srv = await startServer({ db: { url, schema, poolSize: 10 }, rateLimit: false, enrolRateLimit: { capacity: 1e9, refillPerSecond: 1e9 } });
process.stdout.write(`${srv.url}\n`);
process.on('SIGTERM', () => void srv.close().then(() => process.exit(0)));
