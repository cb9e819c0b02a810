// Today's queue: every case of today in any status, plus open cases (已受理, 待补正, 已办结
// not yet delivered) from earlier days; closed ones from earlier days stay out. The query
// stays on the (status, day) index, so a year of cases does not slow the queue.
import { describe, expect, it } from 'vitest';
import { testWorkstation } from '../helpers/workstation';
import { listQueue, queuePlan } from '../../electron/store/cases';
import { CASE_STATUSES } from '../../shared/domain/case';

describe('queue query', () => {
  it('lists today in every status and earlier days only while open', () => {
    const ws = testWorkstation();
    ws.db.prepare("INSERT INTO item_snapshots (id, json) VALUES ('s', '{}')").run();
    const add = ws.db.prepare(
      `INSERT INTO cases (id, case_number, item_code, item_name, catalogue_version, snapshot_id, applicant, answers, marks, decision, status, accepted_at, staff_no, office_code, window_code, day)
       VALUES (?, ?, 'T0000000001', '证明', 1, 's', '{"name":"王"}', '{}', '{}', 'accept', ?, ?, '1001', '210100', '01', ?)`,
    );
    let n = 0;
    for (const day of ['2026-11-20', '2026-11-27']) {
      for (const status of CASE_STATUSES) {
        n++;
        add.run(`c-${day}-${status}`, `N${n}`, status, `${day}T01:00:00.000Z`, day);
      }
    }
    const ids = listQueue(ws.db, '2026-11-27').map((r) => r.id).sort();
    const expected = [
      ...CASE_STATUSES.map((s) => `c-2026-11-27-${s}`),
      ...['accepted', 'awaitingSupplement', 'completed'].map((s) => `c-2026-11-20-${s}`),
    ].sort();
    expect(ids).toEqual(expected);
    ws.close();
  });

  it('searches the (status, day) index for both halves and never scans the table', () => {
    const ws = testWorkstation();
    const plan = queuePlan(ws.db);
    expect(plan.filter((d) => d.includes('USING INDEX cases_status_day'))).toHaveLength(2);
    expect(plan.some((d) => /^SCAN cases\b/.test(d))).toBe(false);
    ws.close();
  });
});
