// Intake durability: accepting one case = daily sequence + case row + two events (which are
// thereby queued for upload), in one fsync'd transaction (WAL, synchronous=FULL), with
// 1,000,000 earlier cases in the file. Baseline in the same run and file: a bare durable transaction of three
// small rows. Target: p95 ≤ 2 ms and within 2× of the baseline.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { testWorkstation, acceptCertificate } from '../tests/helpers/workstation';
import { decide } from '../electron/services/intake';
import { DecideInput } from '../shared/domain/case';
import { percentile, ms, type BenchSection } from './section';

const EARLIER = Number(process.env.BENCH_INTAKE_EARLIER ?? 1_000_000);
const SAMPLES = 2000;
const ROUNDS = 3;

export async function run(): Promise<BenchSection> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yc-bench-intake-'));
  // Each round is a new day for the window (a window numbers at most 9,999 cases a day).
  let dayOffset = 0;
  const ws = testWorkstation({ dbPath: path.join(dir, 'yichuang.db'), now: () => new Date(Date.now() + dayOffset * 86_400_000) });
  const db = ws.db;

  // Fill: earlier cases with their two events and outbox entries, as a busy year leaves them.
  const fillStart = performance.now();
  db.pragma('synchronous = OFF');
  db.prepare("INSERT INTO item_snapshots (id, json) VALUES ('bench', '{}')").run();
  const insertHistory = db.transaction((from: number, to: number) => {
    db.prepare(
      `WITH RECURSIVE n(i) AS (SELECT ? UNION ALL SELECT i + 1 FROM n WHERE i < ?)
       INSERT INTO cases (id, case_number, item_code, item_name, catalogue_version, snapshot_id, applicant, agent, answers, marks,
         decision, status, tier, accepted_at, staff_no, office_code, window_code, day)
       SELECT printf('0190%012x-0000-7000-8000-%012x', i, i), printf('210100-01-%08d-%04d-X', 20200000 + i / 9000, i % 9000 + 1),
         'T0000000001', '无犯罪记录证明开具', 1, 'bench', '{"kind":"person","name":"王"}', NULL, '{}', '{}',
         'accept', 'delivered', NULL, '2025-01-01T00:00:00Z', '1001', '210100', '01', '2025-01-01' FROM n`,
    ).run(from, to);
    db.prepare(
      `INSERT INTO case_events (id, case_id, type, payload, staff_no, device_time)
       SELECT printf('%s-e%d', id, k.k), id, CASE k.k WHEN 1 THEN 'case.opened' ELSE 'case.decided' END, '{}', '1001', accepted_at
       FROM cases, (SELECT 1 AS k UNION ALL SELECT 2) AS k WHERE rowid BETWEEN ? AND ?`,
    ).run(from, to);
  });
  for (let i = 1; i <= EARLIER; i += 100_000) insertHistory(i, Math.min(EARLIER, i + 99_999));
  // An offline week still waiting: 10,000 events staged into the outbox by a push that failed, 10,000 newer past the cursor.
  db.prepare('UPDATE outbox_cursor SET staged_through = (SELECT max(rowid) - 10000 FROM case_events)').run();
  db.prepare('INSERT INTO outbox (event_id) SELECT id FROM case_events WHERE rowid > (SELECT staged_through FROM outbox_cursor) - 10000 AND rowid <= (SELECT staged_through FROM outbox_cursor) ORDER BY rowid').run();
  db.pragma('synchronous = FULL');
  db.pragma('wal_checkpoint(TRUNCATE)');
  const fillSeconds = (performance.now() - fillStart) / 1000;

  const input = DecideInput.parse(acceptCertificate());
  db.exec('CREATE TABLE bench_bare (id INTEGER PRIMARY KEY, a TEXT, b TEXT)');
  const bare = db.prepare('INSERT INTO bench_bare (a, b) VALUES (?, ?)');
  const bareTx = db.transaction(() => {
    for (let k = 0; k < 3; k++) bare.run('x'.repeat(40), 'y'.repeat(200));
  });

  // Interleave so both see the same disk and checkpoint weather. The machine's speed drifts
  // between minutes, so three rounds are taken and the median round (by p95 ratio) reported.
  const rounds: { accept: number[]; baseline: number[]; ratio: number }[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    dayOffset = r;
    const accept: number[] = [];
    const baseline: number[] = [];
    for (let i = 0; i < 50; i++) {
      decide(ws, input);
      bareTx.immediate();
    }
    for (let i = 0; i < SAMPLES; i++) {
      let t = process.hrtime.bigint();
      decide(ws, input);
      accept.push(Number(process.hrtime.bigint() - t) / 1e6);
      t = process.hrtime.bigint();
      bareTx.immediate();
      baseline.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    accept.sort((a, b) => a - b);
    baseline.sort((a, b) => a - b);
    rounds.push({ accept, baseline, ratio: percentile(accept, 95) / percentile(baseline, 95) });
  }
  const { accept, baseline } = [...rounds].sort((a, b) => a.ratio - b.ratio)[Math.floor(ROUNDS / 2)];
  const p95 = percentile(accept, 95);
  const b95 = percentile(baseline, 95);
  const fileMiB = fs.statSync(path.join(dir, 'yichuang.db')).size / 2 ** 20;
  ws.close();
  fs.rmSync(dir, { recursive: true, force: true });

  return {
    id: 'intake',
    title: 'Intake durability (受理落盘)',
    summary: [
      `${EARLIER.toLocaleString('en')} earlier cases (${(EARLIER * 2).toLocaleString('en')} events) in a ${fileMiB.toFixed(0)} MiB SQLite file (filled in ${fillSeconds.toFixed(1)} s); ${ROUNDS} rounds of ${SAMPLES} acceptances through \`decide()\` (checklist and eligibility engines; then one IMMEDIATE transaction, WAL, synchronous=FULL, so each commit is fsync'd: the next daily sequence read from the case_number index, the case row, 2 events, which queue themselves for upload by being past the outbox staging cursor), interleaved with the baseline: a bare durable transaction inserting three small rows into the same file.`,
      `Target: p95 ≤ 2 ms and within 2× of the baseline. Result (median round): p95 ${ms(p95)} ms (${p95 <= 2 ? 'meets' : 'misses'}), ${(p95 / b95).toFixed(2)}× the baseline p95 (${p95 / b95 <= 2 ? 'meets' : 'misses'}); the three rounds: ${rounds.map((r) => r.ratio.toFixed(2) + '×').join(', ')}.`,
    ],
    tables: [
      {
        headers: ['transaction', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms'],
        rows: [
          ['accept a case (decide)', ms(percentile(accept, 50)), ms(p95), ms(percentile(accept, 99)), ms(accept[accept.length - 1])],
          ['bare 3-row durable transaction', ms(percentile(baseline, 50)), ms(b95), ms(percentile(baseline, 99)), ms(baseline[baseline.length - 1])],
          ['ratio (accept / bare)', (percentile(accept, 50) / percentile(baseline, 50)).toFixed(2) + '×', (p95 / b95).toFixed(2) + '×', '', ''],
        ],
      },
    ],
    notes: [
      'Timing: process.hrtime.bigint around each call after 50 untimed warm-up pairs. `BENCH_INTAKE_EARLIER` changes the number of earlier cases.',
      'What made it lean (2.83× before): events reach the numbered outbox when sync stages them, not in the acceptance (−3 B-trees: outbox, its unique index, sqlite_sequence); the daily sequence is the highest case number of the window and day plus one, read from the unique index the case needs anyway (−1 table); item-usage counts for search ranking are written in the background (−1 table); one (status, day) index serves the queue instead of two (−1 index); the calendar, catalogue version, item snapshot id, prepared statements and transaction wrapper are cached, and ids draw from a pooled random buffer. A page-level profile of one acceptance (WAL frames mapped through dbstat) is 7 pages (13 before): the case row and its 3 indexes, the event rows and their 2 indexes; with leaf splits, 9.4 WAL frames per acceptance on average.',
    ],
  };
}
