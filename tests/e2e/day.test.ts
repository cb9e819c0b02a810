// A clerk's full day at the window (issue 12 §5), in headless Chromium against the real
// handlers, a real SQLite file and a real central server (PGlite) behind the fault proxy:
// 40 mixed cases — 立等可取 and 承诺件 受理, 容缺受理, 一次性告知, 不予受理, 引导, a company
// applicant, an agent — typed at a clerk's pace with keys only (the page counts pointer
// events: none); three intakes are interrupted by a reload and continued from the 草稿; the
// link to the server hangs for a third of the day and comes back. At the end every case is on
// the window and on the server exactly once, with every typed name whole.
// Requires `npm run build` first.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../server/index';
import { demoEnrolCode, seedDemo } from '../../server/demo';
import { DEMO_ITEMS } from '../../shared/demo/examples';
import { idCardCheckChar } from '../../shared/validate/idcard';
import { syncOf } from '../../electron/services/handlers/sync';
import { startFaultProxy, type FaultProxy } from '../helpers/faultProxy';
import { startHarness, signIn, type Harness } from './harness';
import { poll } from './flows';

const DEVICE = { officeCode: '210100', windowCode: '01' };
/** A clerk's pace: about 30 characters a second with the page's own work (a practised clerk) typed, a short pause after each command key. */
const TYPE_DELAY = 25;
const KEY_PAUSE = 30;
const withCheck = (first17: string) => first17 + idCardCheckChar(first17);
const CREDIT_CODE = '91350100M000100Y43';

type Kind = 'immediate' | 'agent' | 'promised' | 'deferral' | 'companyAccept' | 'notify' | 'refuse' | 'redirect';
/** The day's mix, in order: 4 rounds of 10. */
const MIX: Kind[] = ['immediate', 'promised', 'agent', 'deferral', 'notify', 'immediate', 'refuse', 'companyAccept', 'redirect', 'immediate'];
const DECISION: Record<Kind, string> = {
  immediate: 'accept', agent: 'accept', promised: 'accept', companyAccept: 'accept',
  deferral: 'acceptWithDeferral', notify: 'notifyMissing', refuse: 'refuse', redirect: 'redirect',
};
/** Intakes (by index) interrupted by a reload once everything is typed. */
const RELOADED = new Set([3, 16, 27]);
/** The link hangs before case HANG_FROM and answers again before case HANG_UNTIL. */
const HANG_FROM = 12;
const HANG_UNTIL = 26;

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高', '林', '何', '郭', '马', '罗'];
const GIVEN = ['建国', '秀英', '桂兰', '志强', '海燕', '明', '丽娟', '伟', '晓东', '玉梅'];
/** Person names, all distinct; some long (维吾尔族 names with '·', 复姓). */
function personName(i: number): string {
  if (i % 13 === 5) return `阿依古丽·买买提${GIVEN[i % GIVEN.length]}`;
  if (i % 11 === 7) return `欧阳${GIVEN[i % GIVEN.length]}${SURNAMES[(i * 3) % SURNAMES.length]}`;
  return `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7) % GIVEN.length]}${'一二三四五六七八九十'[Math.floor(i / 10) % 10]}`;
}
const idNumber = (i: number) => withCheck(`2101021980${String(1 + (i % 12)).padStart(2, '0')}${String(10 + (i % 18)).padStart(2, '0')}${String(100 + i).padStart(3, '0')}`);
const phone = (i: number) => `138${String(10000000 + i * 137).slice(0, 8)}`;
const shopName = (i: number) => `沈阳市${['老街坊', '和平里', '北陵', '浑南新区', '铁西广场'][i % 5]}第${i + 1}号便利店有限公司`;

interface Planned {
  index: number;
  kind: Kind;
  /** The name the case is stored under (applicant, company, or none for 引导). */
  name: string | null;
  agentName?: string;
  legalRep?: string;
}
const PLAN: Planned[] = Array.from({ length: 40 }, (_, index) => {
  const kind = MIX[index % MIX.length];
  if (kind === 'deferral' || kind === 'companyAccept') return { index, kind, name: shopName(index), legalRep: personName(index + 60) };
  if (kind === 'redirect') return { index, kind, name: null };
  return { index, kind, name: personName(index), agentName: kind === 'agent' ? personName(index + 50) : undefined };
});

describe("a clerk's day at the window: 40 cases by keyboard, reloads, a hung link", () => {
  let h: Harness;
  let server: RunningServer;
  let proxy: FaultProxy;
  let dataDir: string;
  let pointerEvents = 0;
  const restored: number[] = [];
  const message = () => h.page.getByTestId('sync-message').textContent();

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yc-e2e-day-'));
    server = await startServer({ db: { dataDir }, port: 0, rateLimit: false });
    await seedDemo(server.db, DEVICE);
    proxy = await startFaultProxy(server.url, { seed: 12, faultRate: 0 });
    h = await startHarness({ sync: { intervalMs: 1_000 } });
    await syncOf(h.ws)!.client.enrol(proxy.url, await demoEnrolCode(server.db, DEVICE));
    await syncOf(h.ws)!.syncNow();
    // Pointer events from a real device, counted on every page load (a reload starts a new count).
    await h.page.addInitScript(() => {
      const w = window as unknown as { pointerEvents: number };
      w.pointerEvents = 0;
      for (const t of ['pointerdown', 'mousedown', 'click', 'wheel']) window.addEventListener(t, (e) => e.isTrusted && (e as MouseEvent).detail !== 0 && w.pointerEvents++, true);
    });
    await h.page.reload();
    await signIn(h.page, '1001');
    // The sign-in form was clicked by the helper; the day's count starts after it.
    await h.page.evaluate(() => ((window as unknown as { pointerEvents: number }).pointerEvents = 0));
  });
  afterAll(async () => {
    await h?.close();
    await proxy?.close();
    await server?.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const countPointer = async (page: Page) => {
    pointerEvents += await page.evaluate(() => (window as unknown as { pointerEvents: number }).pointerEvents);
  };
  const focused = (page: Page) =>
    page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.getAttribute('type') ?? null);
  const focusIs = (page: Page, want: string) => poll(() => focused(page)).toBe(want);
  const press = async (page: Page, key: string) => {
    await page.keyboard.press(key, { delay: KEY_PAUSE });
  };
  const type = (page: Page, text: string) => page.keyboard.type(text, { delay: TYPE_DELAY });
  /** Tab until `testId` has the keyboard (the 证件类型 select sits between name and number). */
  const tabTo = async (page: Page, testId: string) => {
    for (let k = 0; k < 4 && (await focused(page)) !== testId; k++) await press(page, 'Tab');
    expect(await focused(page)).toBe(testId);
  };
  const person = async (page: Page, prefix: 'applicant' | 'agent', name: string, i: number) => {
    await focusIs(page, `${prefix}-name`);
    await type(page, name);
    await tabTo(page, `${prefix}-id`);
    await type(page, idNumber(i));
    await tabTo(page, `${prefix}-phone`);
    await type(page, phone(i));
  };
  const digits = async (page: Page, keys: string) => {
    for (const k of keys) await press(page, k);
  };
  const openByCode = async (page: Page, code: string) => {
    await focusIs(page, 'search-input');
    await type(page, code);
    await page.locator(`[role=option][data-code="${code}"]`).waitFor();
    await press(page, 'Enter');
    await poll(() => page.locator('[data-testid=intake]').getAttribute('data-item-code')).toBe(code);
  };

  /** Types one intake up to (not including) its decision key. */
  async function typeIntake(page: Page, c: Planned): Promise<void> {
    switch (c.kind) {
      case 'immediate':
        await openByCode(page, DEMO_ITEMS.immediate30);
        await focusIs(page, 'radio');
        await digits(page, '112' + '11'); // 本人, 本市户籍, 否; two materials 原件已核验
        await person(page, 'applicant', c.name!, c.index);
        return;
      case 'agent':
        await openByCode(page, DEMO_ITEMS.immediate30);
        await focusIs(page, 'radio');
        await digits(page, '212' + '1111'); // 代理人: 委托书 and 代理人身份证 too
        await person(page, 'applicant', c.name!, c.index);
        await tabTo(page, 'agent-name');
        await person(page, 'agent', c.agentName!, c.index + 50);
        return;
      case 'promised':
      case 'refuse':
        await openByCode(page, DEMO_ITEMS.promised);
        await focusIs(page, 'radio');
        await digits(page, '1' + '11111'); // 本市户籍; five materials
        await person(page, 'applicant', c.name!, c.index);
        return;
      case 'notify':
        await openByCode(page, DEMO_ITEMS.promised);
        await focusIs(page, 'radio');
        await digits(page, '16'); // the application form 缺失, with its reason
        await type(page, '申请表未签字');
        await press(page, 'Enter');
        await digits(page, '1111');
        await person(page, 'applicant', c.name!, c.index);
        return;
      case 'deferral':
      case 'companyAccept':
        await openByCode(page, DEMO_ITEMS.deferrable);
        await focusIs(page, 'radio');
        // 新办, 本单位, 无自动售货; 规章制度 容缺 (5) or 原件已核验 (1).
        await digits(page, '112' + '111' + (c.kind === 'deferral' ? '5' : '1'));
        await focusIs(page, 'org-name');
        await type(page, c.name!);
        await tabTo(page, 'org-credit-code');
        await type(page, CREDIT_CODE);
        await tabTo(page, 'org-legal-rep');
        await type(page, c.legalRep!);
        await tabTo(page, 'org-phone');
        await type(page, phone(c.index));
        return;
      case 'redirect':
        await openByCode(page, DEMO_ITEMS.redirect);
        return;
    }
  }
  const DECISION_KEY: Record<Kind, string> = {
    immediate: 'F6', agent: 'F6', promised: 'F6', companyAccept: 'F6', deferral: 'F7', notify: 'F8', refuse: 'F9', redirect: 'F10',
  };

  async function decide(page: Page, c: Planned): Promise<void> {
    await press(page, DECISION_KEY[c.kind]);
    if (c.kind === 'refuse') {
      await focusIs(page, 'refusal-reasons');
      await type(page, '申请人未参加保安员考试');
      await tabTo(page, 'decision-confirm');
    }
    await focusIs(page, 'decision-confirm');
    await press(page, 'Enter');
    await focusIs(page, 'notice-print'); // the notice is shown, its 打印 has the keyboard
    if (c.index % 10 === 0) {
      await press(page, 'Enter');
      await page.getByTestId('print-result').waitFor();
    }
    await press(page, 'Escape');
    await page.getByTestId('notice-print').waitFor({ state: 'detached' });
    await press(page, 'F4');
    await focusIs(page, 'search-input');
  }

  /** Everything typed: the draft is saved; a reload; Enter continues; every field is back. */
  async function reloadAndRestore(page: Page, c: Planned): Promise<void> {
    await poll(() => page.getByTestId('draft-status').getAttribute('data-state')).toBe('saved');
    const fields = ['applicant-name', 'applicant-id', 'applicant-phone', 'org-name', 'org-credit-code', 'org-legal-rep', 'org-phone', 'agent-name', 'agent-id', 'agent-phone'];
    const before: Record<string, string> = {};
    for (const f of fields) if (await page.getByTestId(f).count()) before[f] = await page.getByTestId(f).inputValue();
    await countPointer(page);
    await page.reload();
    await page.getByTestId('draft-offer').waitFor();
    if (c.name) expect(await page.getByTestId('draft-offer').textContent()).toContain(c.name);
    if (restored.length === 0) {
      await page.waitForFunction(() => !document.querySelector('.ant-zoom-enter, .ant-zoom-appear, .ant-fade-enter, .ant-fade-appear'));
      await h.shot('day-draft-offer');
    }
    await press(page, 'Enter'); // 继续受理
    await page.getByTestId('draft-offer').waitFor({ state: 'detached' });
    await poll(() => page.locator('[data-testid=intake]').getAttribute('data-item-code')).not.toBeNull();
    const after: Record<string, string> = {};
    for (const f of Object.keys(before)) after[f] = await page.getByTestId(f).inputValue();
    expect(after).toEqual(before);
    restored.push(c.index);
  }

  test('40 cases typed with keys only; three reloads restored from the draft; the link hangs and returns', async () => {
    const { page } = h;
    for (const c of PLAN) {
      if (c.index === HANG_FROM) proxy.hung = true;
      if (c.index === HANG_UNTIL) {
        // By now the window has noticed: the header says the server does not answer.
        await expect.poll(message, { timeout: 60_000, interval: 200 }).toMatch(/^离线（服务器无响应）/);
        await h.shot('day-link-hung');
        proxy.hung = false;
      }
      try {
        await typeIntake(page, c);
        if (RELOADED.has(c.index)) await reloadAndRestore(page, c);
        await decide(page, c);
      } catch (e) {
        // Which case stopped the day, and how the screen looked (kept outside docs/).
        await page.screenshot({ path: path.join(os.tmpdir(), `yc-day-failed-${c.index}.png`) });
        throw new Error(`case ${c.index} (${c.kind}): ${(e as Error).message}`);
      }
    }
    await countPointer(page);
    await expect.poll(message, { timeout: 90_000, interval: 200 }).toBe('已同步');
    await press(page, 'F3');
    await page.getByTestId('queue').waitFor();
    await h.shot('day-end-queue');
    expect(pointerEvents).toBe(0);
    expect(restored).toEqual([...RELOADED]);
    expect(proxy.hungRequests.length).toBeGreaterThan(0);
  }, 900_000);

  test('every case is on the window once, with its decision and every typed name whole', () => {
    const rows = h.ws.db.prepare('SELECT id, decision, applicant, agent FROM cases ORDER BY rowid').all() as { id: string; decision: string; applicant: string; agent: string | null }[];
    expect(rows).toHaveLength(PLAN.length);
    expect(new Set(rows.map((r) => r.id)).size).toBe(PLAN.length);
    const got = rows.map((r) => {
      const a = JSON.parse(r.applicant) as { name?: string; legalRepresentative?: string };
      return { decision: r.decision, name: a.name ?? null, agentName: r.agent ? (JSON.parse(r.agent) as { name: string }).name : undefined };
    });
    const want = PLAN.map((c) => ({ decision: DECISION[c.kind], name: c.name ?? got[c.index].name, agentName: c.agentName }));
    expect(got).toEqual(want);
    expect(h.ws.db.prepare('SELECT count(*) AS n FROM intake_drafts').get()).toEqual({ n: 0 });
  });

  test('every case is on the server exactly once', async () => {
    const ids = (h.ws.db.prepare('SELECT id FROM cases ORDER BY id').all() as { id: string }[]).map((r) => r.id);
    const { rows } = await server.db.query<{ id: string; n: string }>('SELECT id, count(*) AS n FROM cases GROUP BY id ORDER BY id');
    expect(rows.map((r) => r.id)).toEqual(ids);
    expect(rows.every((r) => Number(r.n) === 1)).toBe(true);
  });

  test('the browser reported no errors', () => {
    expect(h.errors).toEqual([]);
  });
});
