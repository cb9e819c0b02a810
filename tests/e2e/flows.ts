// Steps of the clerk's work at the window, as the E2E tests drive them: open an item, answer
// its 情形, mark materials, fill the applicant, take a decision and print its notice.
import fs from 'node:fs';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { demoCatalogue } from '../../shared/demo/catalogue';
import { applicableMaterials } from '../../shared/engine/checklist';
import type { Item } from '../../shared/domain/catalogue';
import { MARK_LABEL, type Answers, type Decision, type Mark } from '../../shared/domain/checklist';
import type { NoticeKind } from '../../shared/notice/model';
import { searchFor } from './harness';

/** expect.poll with room for a loaded 2-core machine: UI states are awaited, never slept for. */
export const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 30_000, interval: 50 });

export const demoItem = (code: string): Item => demoCatalogue.items.find((i) => i.code === code)!;

export interface PersonData {
  name: string;
  idNumber: string;
  phone: string;
}
export interface OrgData {
  name: string;
  creditCode: string;
  legalRep: string;
  phone: string;
}

/** Opens an item from the search box (by 实施编码) with a fresh draft. */
export async function openItem(page: Page, item: Item): Promise<void> {
  await searchFor(page, item.code, item.code);
  await page.keyboard.press('Enter');
  await poll(() => page.getByTestId('item-name').textContent()).toBe(item.name);
}

/** Answers 情形 by clicking the option labels, in catalogue order. */
export async function answer(page: Page, item: Item, answers: Answers): Promise<void> {
  for (const s of item.situations) {
    const k = s.options.findIndex((o) => o.value === answers[s.id]);
    if (k < 0) throw new Error(`no option ${answers[s.id]} for ${s.id}`);
    await page.getByTestId(`situation-${s.id}`).locator('label.ant-radio-wrapper').nth(k).click();
  }
}

/** Marks every applicable material 原件已核验 unless `marks` says otherwise; notes go into the note field. */
export async function markMaterials(page: Page, item: Item, answers: Answers, marks: Record<string, { mark: Mark; note?: string }> = {}): Promise<string[]> {
  const materials = applicableMaterials(item, answers);
  await poll(() => page.locator('[data-testid=checklist] [role=listitem]').count()).toBe(materials.length);
  for (const m of materials) {
    const want = marks[m.id] ?? { mark: 'verified' as Mark };
    const row = page.getByTestId(`material-${m.id}`);
    await row.getByRole('button', { name: MARK_LABEL[want.mark] }).click();
    if (want.note) await row.getByLabel(`${m.name} 说明`).fill(want.note);
  }
  return materials.map((m) => m.name);
}

export async function fillPerson(page: Page, prefix: 'applicant' | 'agent', p: PersonData): Promise<void> {
  await page.getByTestId(`${prefix}-name`).fill(p.name);
  await page.getByTestId(`${prefix}-id`).fill(p.idNumber);
  await page.getByTestId(`${prefix}-phone`).fill(p.phone);
}

export async function fillOrg(page: Page, o: OrgData): Promise<void> {
  await page.getByTestId('org-name').fill(o.name);
  await page.getByTestId('org-credit-code').fill(o.creditCode);
  await page.getByTestId('org-legal-rep').fill(o.legalRep);
  await page.getByTestId('org-phone').fill(o.phone);
}

/** Opens the decision's confirm dialog. */
export async function openDecision(page: Page, decision: Decision): Promise<void> {
  await page.getByTestId(`decision-${decision}`).click();
  await page.getByTestId('decision-confirm').waitFor();
}

/** Confirms the open decision dialog; returns the case number shown big on the result screen. */
export async function confirmDecision(page: Page): Promise<string> {
  await page.getByTestId('decision-confirm').click();
  const number = page.getByTestId('case-number');
  const refused = page.getByTestId('decision-error');
  await number.or(refused).first().waitFor();
  // A refusal by the handler fails here with its message, not as a 30 s wait for the number.
  if (await refused.isVisible()) throw new Error(`决定未保存：${await refused.textContent()}`);
  return (await number.textContent())!.trim();
}

/** Waits until the notice preview shows `kind` in `layout`, with its fonts loaded. */
export async function waitForNotice(page: Page, kind: NoticeKind, layout = 'A4'): Promise<void> {
  const frame = page.locator(`iframe[data-testid=notice-frame][data-kind=${kind}][data-layout=${layout}]`);
  await frame.waitFor();
  const handle = await frame.elementHandle();
  const doc = await handle!.contentFrame();
  await doc!.waitForLoadState('load');
  await doc!.evaluate(() => document.fonts.ready.then(() => undefined));
}

/** 打印 in the open preview: returns the archived PDF's text, whitespace removed. */
export async function printNotice(page: Page): Promise<{ text: string; archivedPath: string }> {
  await page.getByTestId('notice-print').click();
  const result = page.getByTestId('print-result');
  await result.waitFor();
  const archivedPath = (await result.getAttribute('data-archived-path'))!;
  expect(await result.textContent()).toContain('PDF 存档');
  return { text: await pdfText(fs.readFileSync(archivedPath)), archivedPath };
}

export async function pdfText(pdf: Buffer): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false }).promise;
  let text = '';
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    text += content.items.map((it) => ('str' in it ? it.str : '')).join('');
  }
  await doc.cleanup();
  return text.replace(/\s+/g, '');
}

export async function closeNotice(page: Page): Promise<void> {
  await page.locator('.ant-modal-wrap').filter({ has: page.getByTestId('notice-print') }).getByRole('button', { name: '关闭' }).first().click();
  await page.getByTestId('notice-print').waitFor({ state: 'detached' });
}

/** 'YYYY-MM-DD' → '2026年11月28日' as printed. */
export const printedDate = (ymd: string): string => {
  const [y, m, d] = ymd.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

/** Waits until no antd enter/appear animation runs: a click then lands where the element rests. */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('.ant-zoom-enter, .ant-zoom-appear, .ant-zoom-big-enter, .ant-zoom-big-appear, .ant-fade-enter, .ant-fade-appear, .ant-move-up-enter, .ant-slide-up-enter'));
}

/** Opens the header's sync details popover, settled. */
export async function openSyncDetails(page: Page): Promise<void> {
  await page.getByTestId('sync-status').locator('.sync-trigger').click();
  await page.getByTestId('sync-details').waitFor();
  await settled(page);
}
