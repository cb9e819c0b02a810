// A back-office queue's Excel export holds exactly what the queue lists, newest first; when the
// queue holds more than the export's limit, the workbook and the reply say so (never a silent cut).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { OFFICE_A, OFFICE_B } from './server-harness';
import { acceptCase, enrolDevice, startSyncServer, SYNC_REVIEWERS, type SyncServer } from '../helpers/syncWorld';
import { signedIn, type StaffClient } from '../helpers/staffClient';

async function workbook(c: StaffClient, query: string) {
  // The raw bytes: StaffClient reads text, so fetch the workbook itself with the same cookie.
  const res = await fetch(`${c.url}/backoffice/api/cases.xlsx${query}`, { headers: { cookie: `yc_staff=${c.cookie}` } });
  expect(res.status).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await res.arrayBuffer());
  const sheet = wb.worksheets[0];
  const rows: string[][] = [];
  sheet.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  return { truncated: res.headers.get('x-export-truncated'), name: sheet.name, rows };
}

describe('queue export to .xlsx', () => {
  let srv: SyncServer;
  let reviewer: StaffClient;
  /** Case numbers in the order the server received them: five of office A, then two of office B. */
  const numbers: string[] = [];
  beforeAll(async () => {
    srv = await startSyncServer('pglite', { queueExportLimit: 3 });
    for (const [office, n] of [[OFFICE_A, 5], [OFFICE_B, 2]] as const) {
      const d = await enrolDevice(srv, srv.url, office, `W-${office}`);
      for (let i = 0; i < n; i++) {
        const id = acceptCase(d);
        numbers.push((d.ws.db.prepare('SELECT case_number AS n FROM cases WHERE id = ?').get(id) as { n: string }).n);
      }
      expect((await d.client.syncRound()).ok).toBe(true);
      d.ws.close();
    }
    reviewer = await signedIn(srv.url, SYNC_REVIEWERS[0].staffNo);
  });
  afterAll(async () => { await srv?.destroy(); });

  it('a queue over the limit: the newest cases up to the limit, then a line saying more were left out', async () => {
    const { truncated, rows } = await workbook(reviewer, '?queue=all');
    expect(truncated).toBe('3');
    expect(rows[0][0]).toBe('受理编号');
    expect(rows.slice(1, 4).map((r) => r[0])).toEqual(numbers.slice(4).reverse());
    expect(rows).toHaveLength(5);
    expect(rows[4][0]).toMatch(/^仅导出了最新的 3 件；队列中还有更早的办件，请缩小筛选范围/);
  });

  it('a queue within the limit: every case and no note', async () => {
    const { truncated, rows } = await workbook(reviewer, `?queue=all&officeCode=${OFFICE_B}`);
    expect(truncated).toBe('0');
    expect(rows.map((r) => r[0])).toEqual(['受理编号', numbers[6], numbers[5]]);
  });
});
