// Notices of stored cases through the real handlers: the right kinds per decision, the HTML
// preview, and printing (PDF archived with the case, then the window's printer).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import net from 'node:net';
import type { Browser } from 'playwright-core';
import { launchChromium, chromiumPdfRenderer } from '../helpers/chromium';
import { createWorkstation, type Workstation } from '../../electron/services/workstation';
import { replaceCatalogue } from '../../electron/store/catalogue';
import { setSetting } from '../../electron/store/settings';
import { upsertClerk } from '../../electron/store/clerks';
import { DEMO_PASSWORD_HASH } from '../../shared/demo/password';
import { testCatalogue } from '../fixtures/catalogue';
import { tempDbPath, acceptCertificate, PERSON } from '../helpers/workstation';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => browser?.close());

function ws(practice = false): Workstation {
  const w = createWorkstation({ dbPath: tempDbPath('yc-notice-'), seedDemo: false, practice, printing: { pdf: chromiumPdfRenderer(browser) } });
  replaceCatalogue(w.db, testCatalogue);
  setSetting(w.db, 'device.officeCode', '210100');
  setSetting(w.db, 'device.windowCode', '01');
  const clerk = { staffNo: '1001', name: '张敏', role: 'clerk' as const, officeCode: '210100', windowCode: '01' };
  upsertClerk(w.db, clerk, DEMO_PASSWORD_HASH);
  w.session.clerk = clerk;
  return w;
}

async function call<T>(w: Workstation, channel: string, input: unknown): Promise<T> {
  const r = await w.dispatch(channel, input);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message} ${JSON.stringify(r.error.details ?? '')}`);
  return r.value as T;
}

const accept = acceptCertificate();

describe('notices of a case', () => {
  it('offers the notice of its decision and renders it with the number and the masked ID', async () => {
    const w = ws();
    const { caseId, caseNumber } = await call<{ caseId: string; caseNumber: string }>(w, 'case.decide', accept);
    expect((await call<{ kinds: string[] }>(w, 'notice.kinds', { caseId })).kinds).toEqual(['acceptance', 'materialReceipt']);
    const { html } = await call<{ html: string }>(w, 'notice.render', { caseId, kind: 'acceptance', layout: 'A4' });
    expect(html).toContain(caseNumber);
    expect(html).toContain('110105********002X');
    expect(html).not.toContain(PERSON.idNumber);
    expect(html).toContain('受理通知书');
    const refused = await w.dispatch('notice.render', { caseId, kind: 'refusal', layout: 'A4' });
    expect(refused.ok).toBe(false);
  });

  it('一次性告知 lists every missing material with its reason', async () => {
    const w = ws();
    const { caseId } = await call<{ caseId: string }>(w, 'case.decide', {
      ...accept,
      decision: 'notifyMissing',
      marks: { form: { mark: 'defective', note: '申请表未签名' }, id: { mark: 'missing' } },
    });
    const { html } = await call<{ html: string }>(w, 'notice.render', { caseId, kind: 'missingMaterials', layout: 'A4' });
    expect(html).toContain('一次性告知书');
    expect(html).toContain('查询申请表');
    expect(html).toContain('申请表未签名');
    expect(html).toContain('居民身份证');
  });

  it('prints: archives the PDF with the case, even when no printer is set', async () => {
    const w = ws();
    const { caseId, caseNumber } = await call<{ caseId: string; caseNumber: string }>(w, 'case.decide', accept);
    const out = await call<{ archivedPath: string; printedTo: string | null; message: string }>(w, 'notice.print', { caseId, kind: 'acceptance', layout: 'A4' });
    expect(out.printedTo).toBeNull();
    expect(out.archivedPath).toContain(caseNumber);
    expect(fs.readFileSync(out.archivedPath).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('sends ESC/POS bytes to the window\'s thermal printer', async () => {
    const w = ws();
    const received: Buffer[] = [];
    const server = net.createServer((s) => s.on('data', (d) => received.push(d)));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as net.AddressInfo).port;
    const bad = await w.dispatch('print.setPrinter', { kind: 'materialReceipt', choice: { type: 'escpos', host: '', port } });
    expect(bad.ok).toBe(false);
    const set = await call<{ printers: { byKind: Record<string, unknown> } }>(w, 'print.setPrinter', { kind: 'materialReceipt', choice: { type: 'escpos', host: '127.0.0.1', port } });
    expect(set.printers.byKind.materialReceipt).toEqual({ type: 'escpos', host: '127.0.0.1', port, layout: 'thermal80' });
    expect((await call<{ systemPrinters: string[] }>(w, 'print.settings', {})).systemPrinters).toEqual([]);
    const { caseId } = await call<{ caseId: string }>(w, 'case.decide', accept);
    const out = await call<{ printedTo: string }>(w, 'notice.print', { caseId, kind: 'materialReceipt', layout: null });
    expect(out.printedTo).toBe(`127.0.0.1:${port}`);
    await new Promise((r) => setTimeout(r, 100));
    const bytes = Buffer.concat(received);
    expect(bytes.subarray(0, 2)).toEqual(Buffer.from([0x1b, 0x40])); // ESC @
    server.close();
  });

  it('practice notices carry the watermark and LX numbers', async () => {
    const w = ws(true);
    const { caseId, caseNumber } = await call<{ caseId: string; caseNumber: string }>(w, 'case.decide', accept);
    expect(caseNumber).toMatch(/^LX-/);
    const { html } = await call<{ html: string }>(w, 'notice.render', { caseId, kind: 'acceptance', layout: 'thermal80' });
    expect(html).toContain('练习 · 无效');
  });
});
