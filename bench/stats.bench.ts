// Window dashboard: stats.window (today, this week) through the contract on a workstation file
// holding 1,000,000 earlier cases and a busy week of real ones (decide / 办结 / 评价 through the
// handlers). Baseline in the same run: the same figures computed from a full scan of the cases
// table (what the dashboard would cost without its index). Target: p95 ≤ 50 ms.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { testWorkstation, acceptCertificate } from '../tests/helpers/workstation';
import { windowDashboard, type WindowCase } from '../shared/stats/window';
import { applicantDisplayName } from '../shared/domain/applicant';
import { percentile, ms, type BenchSection } from './section';
import { runCentre } from './centreStats';

const EARLIER = Number(process.env.BENCH_STATS_EARLIER ?? 1_000_000);
const PER_DAY = 120;
const SAMPLES = 200;

export async function run(): Promise<BenchSection> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yc-bench-stats-'));
  // Thursday 09:00 China time, after a busy Monday–Wednesday and morning.
  let t = Date.parse('2026-11-30T00:00:00Z');
  const ws = testWorkstation({ dbPath: path.join(dir, 'yichuang.db'), now: () => new Date(t) });
  const db = ws.db;
  const fillStart = performance.now();
  db.pragma('synchronous = OFF');
  db.prepare("INSERT INTO item_snapshots (id, json) VALUES ('bench', '{}')").run();
  const history = db.transaction((from: number, to: number) => {
    db.prepare(
      `WITH RECURSIVE n(i) AS (SELECT ? UNION ALL SELECT i + 1 FROM n WHERE i < ?)
       INSERT INTO cases (id, case_number, item_code, item_name, catalogue_version, snapshot_id, applicant, agent, answers, marks,
         decision, status, tier, opened_at, accepted_at, staff_no, office_code, window_code, day)
       SELECT printf('0190%012x-0000-7000-8000-%012x', i, i), printf('210100-01-%08d-%04d-X', 20200000 + i / 9000, i % 9000 + 1),
         'T0000000001', '无犯罪记录证明开具', 1, 'bench', '{"kind":"person","name":"王"}', NULL, '{}', '{}',
         'accept', 'delivered', 'within30', '2025-01-01T00:00:00Z', '2025-01-01T00:05:00Z', '1001', '210100', '01', '2025-01-01' FROM n`,
    ).run(from, to);
  });
  for (let i = 1; i <= EARLIER; i += 100_000) history(i, Math.min(EARLIER, i + 99_999));
  // The week: PER_DAY acceptances a day, most finished within their 30 minutes, some rated.
  const input = acceptCertificate();
  let weekCases = 0;
  for (let day = 0; day < 4; day++) {
    t = Date.parse('2026-11-30T00:30:00Z') + day * 86_400_000; // 08:30 China time
    for (let k = 0; k < PER_DAY; k++) {
      t += 2 * 60_000;
      const r = await ws.dispatch('case.decide', { ...input, startedAt: new Date(t - 3 * 60_000).toISOString() });
      if (!r.ok) throw new Error(r.error.message);
      const { caseId } = r.value as { caseId: string };
      weekCases++;
      if (k % 5 !== 0) await ws.dispatch('case.complete', { caseId });
      if (k % 3 === 0) await ws.dispatch('case.rate', { caseId, level: k % 2 ? 'satisfied' : 'verySatisfied', source: 'screen' });
    }
  }
  db.pragma('synchronous = FULL');
  db.pragma('wal_checkpoint(TRUNCATE)');
  const fillSeconds = (performance.now() - fillStart) / 1000;

  const time = async (fn: () => Promise<unknown> | unknown) => {
    const s = process.hrtime.bigint();
    await fn();
    return Number(process.hrtime.bigint() - s) / 1e6;
  };
  const measure = async (period: 'today' | 'week') => {
    for (let i = 0; i < 20; i++) await ws.dispatch('stats.window', { period });
    const xs: number[] = [];
    for (let i = 0; i < SAMPLES; i++) xs.push(await time(() => ws.dispatch('stats.window', { period })));
    return xs.sort((a, b) => a - b);
  };
  const today = await measure('today');
  const week = await measure('week');
  // Baseline: every case row read and the same figures computed (no index).
  const scan = () => {
    const rows = db.prepare(
      `SELECT id, case_number AS caseNumber, item_code AS itemCode, item_name AS itemName, office_code AS officeCode, window_code AS windowCode, staff_no AS staffNo,
        status, decision, coalesce(opened_at, accepted_at) AS openedAt, accepted_at AS decidedAt, tier, completed_at AS completedAt, rating,
        promised_date AS promisedDate, supplement_deadline AS supplementDeadline, review_status AS reviewStatus, applicant FROM cases NOT INDEXED`,
    ).all() as Array<WindowCase & { applicant: string }>;
    return windowDashboard(rows.map(({ applicant, ...c }) => ({ ...c, applicantName: applicantDisplayName(JSON.parse(applicant)) })), 'week', new Date(t));
  };
  const naive: number[] = [];
  for (let i = 0; i < 3; i++) naive.push(await time(scan));
  naive.sort((a, b) => a - b);
  const p95 = percentile(week, 95);
  const fileMiB = fs.statSync(path.join(dir, 'yichuang.db')).size / 2 ** 20;
  ws.close();
  fs.rmSync(dir, { recursive: true, force: true });
  const centre = await runCentre();

  return {
    id: 'stats',
    title: 'Statistics (统计)',
    summary: [
      `Window dashboard: ${EARLIER.toLocaleString('en')} earlier cases plus ${weekCases} cases of this week (decided, 办结 and rated through the handlers) in a ${fileMiB.toFixed(0)} MiB SQLite file (filled in ${fillSeconds.toFixed(1)} s); \`stats.window\` through the contract, ${SAMPLES} calls per period after 20 warm-up calls. Baseline in the same run: the same figures from a full scan of the cases table.`,
      `Target: p95 ≤ 50 ms. Result: this week p95 ${ms(p95)} ms (${p95 <= 50 ? 'meets' : 'misses'}), today p95 ${ms(percentile(today, 95))} ms; ${(percentile(naive, 50) / p95).toFixed(0)}× faster than the full scan.`,
      ...centre.summary,
    ],
    tables: [
      {
        headers: ['query', 'p50 ms', 'p95 ms', 'max ms'],
        rows: [
          ['stats.window today', ms(percentile(today, 50)), ms(percentile(today, 95)), ms(today[today.length - 1])],
          ['stats.window this week', ms(percentile(week, 50)), ms(p95), ms(week[week.length - 1])],
          ['baseline: full scan, same figures (3 runs)', ms(percentile(naive, 50)), ms(percentile(naive, 95)), ms(naive[naive.length - 1])],
        ],
      },
      centre.table,
    ],
    notes: [...centre.notes, 'The window dashboard reads the cases decided since the period\'s first day through the (status, day) index (one seek per status) plus the open cases, then computes the figures with shared/stats. `BENCH_STATS_EARLIER` changes the number of earlier cases.'],
  };
}
