// The central server in its own process on a PostgreSQL schema, as a second (or third) instance
// behind the same database. Usage: server-process.ts <postgres url> <schema>; prints its URL.
import { startServer } from '../../server/index';

const [url, schema] = process.argv.slice(2);
const unlimited = { capacity: 1e9, refillPerSecond: 1e9 };
const srv = await startServer({ db: { url, schema, poolSize: 10 }, rateLimit: false, enrolRateLimit: unlimited, signInRateLimit: unlimited });
process.stdout.write(`${srv.url}\n`);
process.on('SIGTERM', () => void srv.close().then(() => process.exit(0)));
