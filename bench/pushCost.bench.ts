// What each part of the server's write path costs a push: the same 10,000-case push as the
// sync part (bench/sync.bench.ts), with some of the database's triggers and key checks switched
// off on the benchmark's own schema, in alternating rounds of one run. It tells where a push's
// time goes (the sync part's target is a push within 2.5× of a plain batched INSERT); the
// switched-off variants are measurements only, never a way to run the server.
import pg from 'pg';
import { PG_URL } from '../tests/integration/server-harness';
import { startSyncServer } from '../tests/helpers/syncWorld';
import { schemaOf } from '../tests/helpers/serverProcess';
import { pushFromNewDevice } from './sync.bench';
import type { cpuSpent } from './procCpu';
import { ms, percentile, secs, type BenchSection } from './section';

const ROUNDS = 3;

/** Each variant: the triggers it switches off ("ALL" also switches off a table's foreign-key checks, which needs a superuser). */
const VARIANTS: Array<{ name: string; off: Array<[table: string, trigger: string]> }> = [
  { name: 'as the server runs', off: [] },
  { name: 'without the per-day counts (case_facts still kept)', off: [['case_facts', 'case_day_counts_after_insert']] },
  { name: 'without case_facts and its per-day counts', off: [['cases', 'case_facts_after_insert']] },
  { name: "without the events' checks (key to their case, device reference)", off: [['case_events', 'ALL']] },
  { name: 'without any trigger or key check on cases and events', off: [['cases', 'ALL'], ['case_events', 'ALL']] },
];

type Cpu = ReturnType<typeof cpuSpent>;
const median = (xs: number[]) => percentile([...xs].sort((a, b) => a - b), 50);

async function setTriggers(c: pg.Client, off: Array<[string, string]>, enable: boolean) {
  for (const [table, trigger] of off) await c.query(`ALTER TABLE ${table} ${enable ? 'ENABLE' : 'DISABLE'} TRIGGER ${trigger}`);
}

export async function run(): Promise<BenchSection> {
  const srv = await startSyncServer('postgres');
  const c = new pg.Client({ connectionString: PG_URL, options: `-c search_path=${await schemaOf(srv.db)}` });
  await c.connect();
  const results = VARIANTS.map(() => ({ ms: [] as number[], cpu: [] as Cpu[], skipped: '' }));
  try {
    for (let round = 0; round < ROUNDS; round++) {
      // Alternating, and in another order each round, so a drift of the machine or of the growing tables falls on all.
      const order = VARIANTS.map((_, i) => (i + round) % VARIANTS.length);
      for (const i of order) {
        const v = VARIANTS[i];
        try {
          await setTriggers(c, v.off, false);
        } catch (err) {
          results[i].skipped = (err as Error).message;
          await setTriggers(c, v.off, true).catch(() => undefined);
          continue;
        }
        try {
          const { d, pushMs, pushCpu } = await pushFromNewDevice(srv, `cost-${round}-${i}`);
          d.ws.close();
          results[i].ms.push(pushMs);
          results[i].cpu.push(pushCpu);
        } finally {
          await setTriggers(c, v.off, true);
        }
      }
    }
  } finally {
    await c.end();
    await srv.destroy();
  }
  const base = median(results[0].ms);
  const rows = VARIANTS.map((v, i) => {
    const r = results[i];
    if (!r.ms.length) return [v.name, 'not run', '', '', r.skipped.slice(0, 80)];
    const m = median(r.ms);
    const cpu = (k: keyof Cpu) => secs(median(r.cpu.map((x) => x[k])));
    return [v.name, ms(m, 0), `${((m / base) * 100).toFixed(0)} %`, [cpu('server'), cpu('postgres'), cpu('client')].join(' / '), r.ms.map((x) => ms(x, 0)).join(', ')];
  });
  const none = results[VARIANTS.length - 1].ms;
  return {
    id: 'pushCost',
    title: 'Push: what the database side costs it',
    summary: [
      `The sync part's 10,000-case push, ${ROUNDS} alternating rounds of each variant on one schema. Without any trigger or key check on cases and events it takes ${none.length ? `${((median(none) / base) * 100).toFixed(0)} %` : 'n/a'} of its time as the server runs: what is left is the server process, the client and the rows themselves.`,
    ],
    tables: [{
      caption: 'Push of 10,000 cases (20,000 events), median of the rounds',
      headers: ['variant', 'push (ms)', 'of the push as run', 'CPU s: server / PostgreSQL / client', 'rounds (ms)'],
      rows,
    }],
    notes: [
      'The variants switch triggers off on the benchmark\'s own schema between rounds (ALTER TABLE … DISABLE TRIGGER); the server never runs so. case_facts_after_insert keeps the dashboard\'s read model and, through its own trigger, the per-day counts; the events\' checks are their foreign key to their case and the per-statement check of their device (server migration 010).',
      'Each round is a fresh device pushing to a fresh server process, as in the sync part; its CPU column is the median of the rounds\' CPU seconds (/proc).',
    ],
  };
}
