// Scans at the window through the real camera path: Chromium's fake capture device (the
// stand-in for a 高拍仪) fed with a generated document page; pages captured per material with
// the capture key, a PDF imported, a page rotated; the draft's pages survive a reload and join
// the case with the decision; the 材料接收凭证 lists the pages per material.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_ITEMS } from '../../shared/demo/examples';
import type { Answers } from '../../shared/domain/checklist';
import { fakeCameraArgs, writeDocumentPdf, writeFakeCameraFile } from '../helpers/fakeCamera';
import { setRetention } from '../../electron/services/pageRetention';
import { nextApplicant, signIn, startHarness, type Harness } from './harness';
import { answer, closeNotice, confirmDecision, demoItem, fillPerson, markMaterials, openDecision, openItem, poll } from './flows';

const WANG = { name: '王小明', idNumber: '11010519491231002X', phone: '13800138000' };

describe('scans at the window', () => {
  let h: Harness;
  let firstCaseId = '';
  let pdf: string;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yc-scans-e2e-'));
  beforeAll(async () => {
    const camera = await writeFakeCameraFile(dir, 0, 5); // the page lies 5° turned on a dark desk
    pdf = await writeDocumentPdf(dir);
    h = await startHarness({ chromiumArgs: fakeCameraArgs(camera) });
    await signIn(h.page, '1001');
  });
  afterAll(async () => {
    await h?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('camera pages with the capture key, a PDF imported, a page rotated; kept over a reload; joined to the case', async () => {
    const { page } = h;
    const item = demoItem(DEMO_ITEMS.immediate30);
    const answers: Answers = { applicant: 'self', household: 'local', frequent: 'no' };
    await openItem(page, item);
    await answer(page, item, answers);
    await markMaterials(page, item, answers);

    // 高拍仪: the live preview, then three pages in a row with the capture key.
    const application = page.getByTestId('pages-application');
    await application.getByTestId('camera-application').click();
    await poll(() => page.getByTestId('camera-video').evaluate((v: HTMLVideoElement) => v.videoWidth)).toBeGreaterThan(0);
    await h.shot('ui-scan-camera');
    for (let n = 1; n <= 3; n++) {
      await page.keyboard.press('Space');
      await poll(() => page.getByTestId('camera-taken').textContent()).toBe(`本次已拍 ${n} 页`);
    }
    // 自动找边校正: each frame's sheet found and straightened before it was stored.
    expect(await page.getByTestId('camera-straightened').textContent()).toBe('已自动校正 3 页');
    await page.getByTestId('camera-close').click();
    await poll(() => application.getByTestId('page-count').textContent()).toBe('已扫描 3 页');
    const uprightA4 = () => (h.ws.db.prepare("SELECT count(*) AS n FROM pages WHERE material_id = 'application' AND abs(height * 1.0 / width - 1.4142) < 0.03").get() as { n: number }).n;
    expect(uprightA4()).toBe(3);

    // A PDF of two pages for the ID card's material.
    const id = page.getByTestId('pages-resident-id');
    await id.getByTestId('file-resident-id').setInputFiles(pdf);
    await poll(async () => (await id.getByTestId('pages-error').count()) ? `error: ${await id.getByTestId('pages-error').textContent()} ${h.errors.join(' ')}` : id.getByTestId('page-count').textContent()).toBe('已扫描 2 页');
    await poll(() => id.getByTestId('page-thumb').count()).toBe(2);

    // Rotate one camera page: saved as a new page, the old one gone.
    await application.getByTestId('page-thumb').first().click();
    await page.getByTestId('page-rotate-right').click();
    await page.getByTestId('page-save').click();
    // The count is 3 before and after: wait for the rotated page itself (landscape) to be stored.
    await poll(() => (h.ws.db.prepare("SELECT count(*) AS n FROM pages WHERE material_id = 'application' AND width > height").get() as { n: number }).n).toBe(1);
    await poll(() => application.getByTestId('page-count').textContent()).toBe('已扫描 3 页');
    // 恢复原图: the frame as taken replaces a straightened page.
    await application.getByTestId('page-thumb').nth(1).click();
    await page.getByTestId('page-straightened').waitFor();
    await h.shot('ui-scan-straightened');
    await page.getByTestId('page-restore').click();
    await poll(uprightA4).toBe(1); // one rotated to landscape, one restored to the desk frame
    await poll(() => application.getByTestId('page-count').textContent()).toBe('已扫描 3 页');
    await h.shot('ui-scan-intake');

    // What was stored: real images, small, sized from their bytes.
    const stored = h.ws.db.prepare('SELECT p.material_id AS m, p.width AS w, p.height AS h, b.bytes, b.content_type AS type FROM pages p JOIN page_blobs b USING (sha256) ORDER BY p.rowid').all() as { m: string; w: number; h: number; bytes: number; type: string }[];
    expect(stored.map((s) => s.m).sort()).toEqual(['application', 'application', 'application', 'resident-id', 'resident-id']);
    for (const s of stored) {
      expect(s.type).toBe('image/webp');
      expect(s.bytes).toBeLessThan(80 * 1024);
    }
    expect(stored.filter((s) => s.m === 'application' && s.w > s.h)).toHaveLength(1); // the rotated one

    // A reload (or a crash of the window) keeps the draft's pages. The text draft is written a
    // second after the last change (and flushed as the page goes): wait until it is on disk.
    await poll(() => page.getByTestId('draft-status').getAttribute('data-state')).toBe('saved');
    await page.reload();
    await page.getByTestId('search-input').waitFor().catch(async () => signIn(page, '1001'));
    // The next start offers the intake's 草稿: continuing brings back the item, answers and marks, and the pages with them.
    await page.getByTestId('draft-offer').waitFor();
    await page.getByTestId('draft-continue').click();
    await poll(() => page.getByTestId('item-name').textContent()).toBe(item.name);
    await poll(() => page.getByTestId('pages-application').getByTestId('page-count').textContent()).toBe('已扫描 3 页');
    await poll(() => page.getByTestId('pages-resident-id').getByTestId('page-count').textContent()).toBe('已扫描 2 页');

    await fillPerson(page, 'applicant', WANG);
    await openDecision(page, 'accept');
    const number = await confirmDecision(page);
    const caseId = (h.ws.db.prepare('SELECT id FROM cases WHERE case_number = ?').get(number) as { id: string }).id;
    const attached = h.ws.db.prepare("SELECT count(*) AS n FROM pages WHERE case_id = ?").get(caseId) as { n: number };
    expect(attached.n).toBe(5);
    const types = (h.ws.db.prepare('SELECT type FROM case_events WHERE case_id = ? ORDER BY rowid').all(caseId) as { type: string }[]).map((r) => r.type);
    expect(types).toEqual(['case.opened', 'case.decided', 'case.pagesAttached']);
    expect(h.errors).toEqual([]);
    firstCaseId = caseId;
  });

  test('the same applicant comes back: the ID card scanned last time is offered (共性材料) and reused', async () => {
    const { page } = h;
    const item = demoItem(DEMO_ITEMS.immediate30);
    const answers: Answers = { applicant: 'self', household: 'local', frequent: 'no' };
    await nextApplicant(page);
    await openItem(page, item);
    await answer(page, item, answers);
    const id = page.getByTestId('pages-resident-id');
    expect(await id.getByTestId('reuse-resident-id').count()).toBe(0); // nothing asked before the number is whole
    await fillPerson(page, 'applicant', WANG);
    await poll(() => id.getByTestId('reuse-resident-id').textContent()).toMatch(/共性材料：该申请人 \d{4}-\d{2}-\d{2} 办理「.+」时扫描过 2 页/);
    await h.shot('ui-scan-reuse');
    await id.getByTestId('reuse-take-resident-id').click();
    await poll(() => id.getByTestId('page-count').textContent()).toBe('已扫描 2 页');
    await poll(() => id.getByTestId('reuse-resident-id').count()).toBe(0);
    const reused = h.ws.db.prepare("SELECT count(*) AS n FROM pages WHERE draft_id IS NOT NULL AND material_id = 'resident-id' AND reused_from_case_id = ?").get(firstCaseId) as { n: number };
    expect(reused.n).toBe(2);
    expect(h.errors).toEqual([]);
  });

  test('a page the centre confirmed long ago opens as 已归档到中心 (本机扫描件保留)', async () => {
    const { page } = h;
    const item = demoItem(DEMO_ITEMS.immediate30);
    await markMaterials(page, item, { applicant: 'self', household: 'local', frequent: 'no' });
    await openDecision(page, 'accept');
    await confirmDecision(page);
    // The centre confirmed every page 60 days ago; the 值班长 keeps local copies 30 days.
    h.ws.db.prepare('UPDATE page_uploads SET done_at = ?').run(new Date(Date.now() - 60 * 86_400_000).toISOString());
    expect(setRetention(h.ws.db, 30, new Date()).purged).toBeGreaterThan(0);
    await page.getByTestId('notice-print').waitFor(); // the decision's notice opens first
    await closeNotice(page);
    await page.getByTestId('done-open-case').click();
    await page.getByTestId('case-pages-resident-id').click();
    await page.getByTestId('page-archived').waitFor();
    expect(await page.getByTestId('page-archived').textContent()).toContain('已归档到中心');
    await h.shot('ui-scan-archived');
    expect(h.errors).toEqual([]);
  });
});
