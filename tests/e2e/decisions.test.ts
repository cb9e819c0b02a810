// Each intake decision from search to the printed notice, in headless Chromium against the
// real handlers: search, answer, mark, fill the applicant, decide, read the case number,
// preview the notice and print it; the archived PDF is read back with pdfjs. Then the clock
// of 立等可取 cases, 办结 → 出件 (a wrong ID refused) → 出件回执 → 好差评, lookups, paper
// ratings, and a 容缺 case terminated after its supplement deadline.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_ITEMS } from '../../shared/demo/examples';
import { demoCatalogue } from '../../shared/demo/catalogue';
import { addWorkingDays, isWorkingDay } from '../../shared/calendar/workdays';
import { BUILTIN_CALENDAR } from '../../shared/calendar/holidays';
import { idCardCheckChar } from '../../shared/validate/idcard';
import { maskIdNumber } from '../../shared/notice/mask';
import { chinaDay } from '../../shared/time';
import { formatCaseNumber } from '../../shared/caseNumber';
import type { Answers } from '../../shared/domain/checklist';
import { applicableMaterials } from '../../shared/engine/checklist';
import { nextApplicant, signIn, startHarness, type Harness } from './harness';
import {
  answer,
  closeNotice,
  confirmDecision,
  demoItem,
  fillOrg,
  fillPerson,
  markMaterials,
  openDecision,
  openItem,
  printNotice,
  printedDate,
  poll,
  waitForNotice,
  type PersonData,
} from './flows';

const withCheck = (first17: string) => first17 + idCardCheckChar(first17);
const LI: PersonData = { name: '李强', idNumber: withCheck('21010219900307123'), phone: '13812345678' };
const WANG: PersonData = { name: '王小明', idNumber: '11010519491231002X', phone: '13800138000' };
const ZHAO: PersonData = { name: '赵丽', idNumber: withCheck('21010319851120002'), phone: '13900139000' };
/** A walk-in guided to a sub-centre: the clerk notes how to address them, nothing more. */
const VISITOR = '张大爷';
const FOOD_ORG = { name: '沈阳市好味道餐饮有限公司', creditCode: '91350100M000100Y43', legalRep: '赵丽', phone: '13900139000' };
const MIN = 60_000;

describe('intake decisions, notices, delivery and ratings', () => {
  let h: Harness;
  const numbers: Record<string, string> = {};
  const today = () => chinaDay(h.ws.now());
  /** A case decided straight through the contract: background cases for the queue. */
  const decideDirect = async (applicant: PersonData): Promise<string> => {
    const r = await h.host.dispatch('case.decide', {
      itemCode: DEMO_ITEMS.immediate30,
      answers: { applicant: 'self', household: 'local', frequent: 'no' },
      marks: { application: { mark: 'verified' }, 'resident-id': { mark: 'eCert' } },
      applicant: { kind: 'person', ...applicant },
      agent: null,
      decision: 'accept',
      startedAt: new Date().toISOString(),
    });
    if (!r.ok) throw new Error(r.error.message);
    return (r.value as { caseNumber: string }).caseNumber;
  };

  beforeAll(async () => {
    h = await startHarness();
    await signIn(h.page, '1001');
  });
  afterAll(async () => {
    await h?.close();
  });

  test('受理 (承诺件): promised date in the dialog, 受理通知书 and 材料接收凭证 printed', async () => {
    const { page } = h;
    const item = demoItem(DEMO_ITEMS.promised);
    const answers: Answers = { local: 'yes' };
    await openItem(page, item);
    await answer(page, item, answers);
    const received = await markMaterials(page, item, answers);
    await fillPerson(page, 'applicant', LI);
    await openDecision(page, 'accept');
    const promised = addWorkingDays(today(), item.promisedDays, BUILTIN_CALENDAR);
    expect(await page.getByTestId('decision-kind').textContent()).toContain('承诺件');
    expect(await page.getByTestId('promised-date').textContent()).toBe(printedDate(promised));
    const number = await confirmDecision(page);
    numbers.accept = number;
    await poll(() => page.getByTestId('decision-done').textContent()).toContain(`承诺 ${printedDate(promised)} 前办结`);

    // The notice opens by itself: as the clerk sees it, then on paper.
    await waitForNotice(page, 'acceptance');
    await h.shot('ui-notice-acceptance');
    let { text } = await printNotice(page);
    expect(text).toContain(number);
    expect(text).toContain(maskIdNumber(LI.idNumber));
    expect(text).not.toContain(LI.idNumber);
    for (const name of received) expect(text).toContain(name.replace(/\s/g, ''));
    expect(text).toContain(printedDate(today()));
    expect(text).toContain(printedDate(promised));

    // Other paper sizes re-render the same notice.
    await page.getByTestId('notice-layout').getByText('80mm 热敏').click();
    await waitForNotice(page, 'acceptance', 'thermal80');
    await h.shot('ui-notice-acceptance-thermal80');
    await page.getByTestId('notice-layout').getByText('A4').click();

    await page.getByTestId('notice-kind-materialReceipt').click();
    await waitForNotice(page, 'materialReceipt');
    await h.shot('ui-notice-materialReceipt');
    ({ text } = await printNotice(page));
    expect(text).toContain('材料接收凭证');
    expect(text).toContain(number);
    expect(text).toContain(maskIdNumber(LI.idNumber));
    for (const name of received) expect(text).toContain(name.replace(/\s/g, ''));
    await closeNotice(page);
    await h.shot('ui-decision-done');
  });

  test('容缺受理: commitment prefilled from the deferred material, deadline no later than the promised date', async () => {
    const { page } = h;
    const item = demoItem(DEMO_ITEMS.deferrable);
    const answers: Answers = { action: 'new', applicant: 'self', vending: 'no' };
    await nextApplicant(page);
    await openItem(page, item);
    await answer(page, item, answers);
    const deferred = item.materials.find((m) => m.necessity === '可容缺')!;
    const names = await markMaterials(page, item, answers, { [deferred.id]: { mark: 'deferred' } });
    await fillOrg(page, FOOD_ORG);
    await openDecision(page, 'acceptWithDeferral');
    expect(await page.getByTestId('deferred-list').textContent()).toBe(deferred.name);
    expect(await page.getByTestId('deferral-commitment').inputValue()).toContain(deferred.name);
    const promised = addWorkingDays(today(), item.promisedDays, BUILTIN_CALENDAR);
    // Defaults to the last allowed day: the promised date.
    expect(await page.locator('input[data-testid=deferral-deadline], [data-testid=deferral-deadline] input').inputValue()).toBe(promised);
    await h.shot('ui-decision-deferral');
    // A deadline on a weekend or holiday is flagged (not refused); back on the promised date the flag goes.
    const deadlineInput = page.locator('input[data-testid=deferral-deadline], [data-testid=deferral-deadline] input');
    let off = today();
    while (isWorkingDay(off, BUILTIN_CALENDAR)) off = new Date(Date.parse(`${off}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    expect(off <= promised).toBe(true);
    await deadlineInput.click();
    await deadlineInput.fill(off);
    await page.keyboard.press('Enter');
    await poll(() => page.getByTestId('deadline-non-working').count()).toBe(1);
    expect(await page.getByTestId('deadline-non-working').textContent()).toContain(`${printedDate(off)}是非工作日`);
    await h.shot('ui-decision-deferral-non-working');
    await deadlineInput.click();
    await deadlineInput.fill(promised);
    await page.keyboard.press('Enter');
    await poll(() => page.getByTestId('deadline-non-working').count()).toBe(0);
    const number = await confirmDecision(page);
    numbers.deferral = number;
    await poll(() => page.getByTestId('decision-done').textContent()).toContain(`补正期限 ${printedDate(promised)}`);

    await waitForNotice(page, 'deferredAcceptance');
    await h.shot('ui-notice-deferredAcceptance');
    const { text } = await printNotice(page);
    expect(text).toContain(number);
    expect(text).toContain(FOOD_ORG.creditCode); // a unit's code is public: printed whole
    expect(text).toContain(deferred.name.replace(/\s/g, ''));
    for (const name of names.filter((n) => n !== deferred.name)) expect(text).toContain(name.replace(/\s/g, ''));
    expect(text).toContain(printedDate(promised));
    expect(text).toContain('承诺');
    await closeNotice(page);
  });

  test('一次性告知: a defective material without a reason blocks the notice; every problem is printed', async () => {
    const { page } = h;
    const item = demoItem(DEMO_ITEMS.immediate30);
    const answers: Answers = { applicant: 'self', household: 'local', frequent: 'no' };
    await nextApplicant(page);
    await openItem(page, item);
    await answer(page, item, answers);
    await markMaterials(page, item, answers, { application: { mark: 'missing', note: '未携带申请表，可在窗口领取空白表现场填写' }, 'resident-id': { mark: 'defective' } });
    await fillPerson(page, 'applicant', WANG);
    await openDecision(page, 'notifyMissing');
    expect(await page.getByTestId('decision-blockers').textContent()).toContain('申请人居民身份证');
    expect(await page.getByTestId('decision-confirm').isDisabled()).toBe(true);
    await page.getByRole('button', { name: '返回修改' }).click();
    await page.getByLabel('申请人居民身份证 说明').fill('身份证已过有效期，请换领后提交');
    await openDecision(page, 'notifyMissing');
    expect(await page.getByTestId('missing-list').textContent()).toContain('身份证已过有效期');
    expect(await page.getByTestId('decision-blockers').count()).toBe(0);
    const number = await confirmDecision(page);
    numbers.notify = number;
    expect(await page.getByTestId('decision-done').textContent()).toContain('告知单号');

    await waitForNotice(page, 'missingMaterials');
    await h.shot('ui-notice-missingMaterials');
    const { text } = await printNotice(page);
    expect(text).toContain(number);
    expect(text).toContain(maskIdNumber(WANG.idNumber));
    expect(text).toContain('无犯罪记录证明申请表');
    expect(text).toContain('未携带申请表');
    expect(text).toContain('申请人居民身份证');
    expect(text).toContain('身份证已过有效期');
    await closeNotice(page);
  });

  test('不予受理: reasons and the body to apply to, with the rights of review and litigation', async () => {
    const { page } = h;
    const item = demoItem(DEMO_ITEMS.promised);
    await nextApplicant(page);
    await openItem(page, item);
    await fillPerson(page, 'applicant', ZHAO);
    await openDecision(page, 'refuse');
    expect(await page.getByTestId('decision-confirm').isDisabled()).toBe(true);
    await page.getByTestId('refusal-reasons').fill('申请人未参加公安机关组织的保安员考试\n申请人不符合保安员证核发条件');
    // A common reason is picked as one more line; picked again it is removed, picked once more it stays.
    const pick = page.getByTestId('refusal-picks').getByRole('button', { name: '申请事项已超过法定申请期限' });
    await pick.click();
    expect(await page.getByTestId('refusal-reasons').inputValue()).toBe('申请人未参加公安机关组织的保安员考试\n申请人不符合保安员证核发条件\n申请事项已超过法定申请期限');
    await pick.click();
    expect(await page.getByTestId('refusal-reasons').inputValue()).toBe('申请人未参加公安机关组织的保安员考试\n申请人不符合保安员证核发条件');
    await pick.click();
    expect(await pick.getAttribute('aria-pressed')).toBe('true');
    await h.shot('ui-decision-refusal-reasons');
    await page.getByTestId('refusal-apply-to').fill('沈阳市公安局保安服务监管支队（考试报名）');
    const number = await confirmDecision(page);
    numbers.refuse = number;

    await waitForNotice(page, 'refusal');
    await h.shot('ui-notice-refusal');
    const { text } = await printNotice(page);
    expect(text).toContain(number);
    expect(text).toContain(maskIdNumber(ZHAO.idNumber));
    expect(text).toContain('申请人未参加公安机关组织的保安员考试');
    expect(text).toContain('申请事项已超过法定申请期限');
    expect(text).toContain('保安服务监管支队');
    expect(text).toContain('行政复议');
    expect(text).toContain('行政诉讼');
    expect(text).toContain(printedDate(today()));
    await closeNotice(page);
  });

  test('引导至分中心 without an ID card: only a 称呼 (phone optional), the sub-centre card in the dialog and on the printed slip', async () => {
    const { page } = h;
    const item = demoItem(DEMO_ITEMS.redirect);
    const sub = demoCatalogue.subCenters.find((s) => s.code === item.subCenterCode)!;
    await nextApplicant(page);
    await openItem(page, item);
    // The panel asks a visitor's 称呼 and phone, both optional; there is no ID field to fill.
    const panel = page.getByTestId('applicant-panel');
    expect(await panel.getAttribute('data-mode')).toBe('visitor');
    expect(await page.getByTestId('visitor-hint').textContent()).toContain('无需查验身份证件');
    expect(await page.getByTestId('applicant-id').count()).toBe(0);
    // A phone, if typed, must still be a phone: the dialog says so and cannot be confirmed.
    await page.getByTestId('applicant-phone').fill('12345');
    await openDecision(page, 'redirect');
    expect(await page.getByTestId('decision-blockers').textContent()).toContain('来访人联系电话');
    expect(await page.getByTestId('decision-confirm').isDisabled()).toBe(true);
    await page.getByRole('button', { name: '返回修改' }).click();
    await page.getByTestId('decision-dialog').waitFor({ state: 'detached' });
    await page.getByTestId('applicant-phone').fill('');
    await page.getByTestId('applicant-name').fill(VISITOR);
    await poll(() => page.getByTestId('applicant-phone-error').count()).toBe(0);
    await h.shot('ui-redirect-visitor');

    await openDecision(page, 'redirect');
    expect(await page.getByTestId('decision-dialog').getByTestId('redirect-name').textContent()).toBe(sub.name);
    expect(await page.getByTestId('decision-who').textContent()).toBe(`${VISITOR} · 引导无需登记证件`);
    expect(await page.getByTestId('decision-blockers').count()).toBe(0);
    const number = await confirmDecision(page);
    numbers.redirect = number;

    await waitForNotice(page, 'redirect');
    await h.shot('ui-notice-redirect');
    const { text } = await printNotice(page);
    expect(text).toContain(number);
    expect(text).toContain(sub.name.replace(/\s/g, ''));
    expect(text).toContain(sub.address.replace(/\s/g, ''));
    expect(text).toContain(`${VISITOR}：`);
    // No document of the visitor is printed (the materials to bring may name one), and no 查询 line.
    expect(text).not.toContain('居民身份证：');
    expect(text).toContain('请携带以下材料');
    expect(text).not.toContain('查询办理进度');
    await closeNotice(page);
  });

  test('case lookup: mistyped, practice and other centres\' numbers refused in Chinese; a scanned number opens the case; paper rating', async () => {
    const { page } = h;
    await page.keyboard.press('F3');
    await page.getByTestId('queue').waitFor();
    const lookup = page.getByTestId('case-lookup').locator('input');
    const refused = async (typed: string, message: string) => {
      await lookup.fill(typed);
      await lookup.press('Enter');
      await poll(() => page.getByTestId('lookup-error').textContent()).toContain(message);
    };
    const wrongCheck = numbers.accept.slice(0, -1) + (numbers.accept.endsWith('A') ? 'B' : 'A');
    await refused(wrongCheck, '办件编号校验位错误');
    await refused(`LX${numbers.accept}`, '练习办件编号不能用于真实业务');
    await refused(formatCaseNumber({ officeCode: '210102', windowCode: '01', date: today(), sequence: 1 }), '属于其他中心');
    // A scanned number (Enter at the end) opens the case.
    await lookup.fill(numbers.refuse);
    await lookup.press('Enter');
    await page.getByTestId('case-view').waitFor();
    expect(await page.getByTestId('case-view-number').textContent()).toBe(numbers.refuse);
    expect(await page.getByTestId('case-status').textContent()).toBe('不予受理');
    // The end of that visit: a paper form's rating entered afterwards.
    await page.getByTestId('action-rate-paper').click();
    await poll(() => page.evaluate(() => document.activeElement?.id)).toBe('rating-form-number'); // the form's number first
    await page.getByTestId('rating-satisfied').click();
    expect(await page.getByTestId('rating-submit').isDisabled()).toBe(true); // the form's number first
    await page.getByTestId('rating-form-number').fill('PJ-2026-0815');
    await page.getByTestId('rating-submit').click();
    await page.getByTestId('rating-done').waitFor();
    await page.getByTestId('rating-close').click();
    await poll(() => page.getByTestId('case-timeline').textContent()).toContain('好差评：满意（纸质评价补录，评价表编号 PJ-2026-0815，评价表日期');
    expect(await page.getByTestId('action-rate').count()).toBe(0); // one rating per visit
    await page.getByTestId('case-back').click();
  });

  test('即办件: countdown in the queue (amber at 80 %, red when over), 办结 → 出件 with a wrong ID refused → 出件回执 → rating', async () => {
    const { page } = h;
    const item = demoItem(DEMO_ITEMS.immediate30);
    const answers: Answers = { applicant: 'self', household: 'local', frequent: 'no' };
    const early = await decideDirect(ZHAO); // will be over time
    numbers.early = early;
    h.advanceClock(10 * MIN);

    await nextApplicant(page);
    await openItem(page, item);
    await answer(page, item, answers);
    await markMaterials(page, item, answers, { 'resident-id': { mark: 'eCert' } });
    await fillPerson(page, 'applicant', WANG);
    await poll(() => page.getByTestId('eligibility-banner').getAttribute('data-eligible')).toBe('true');
    await openDecision(page, 'accept');
    expect(await page.getByTestId('decision-kind').textContent()).toContain('即办件');
    expect(await page.getByTestId('decision-kind').textContent()).toContain('极速办');
    const number = await confirmDecision(page);
    await waitForNotice(page, 'acceptance');
    const { text } = await printNotice(page);
    expect(text).toContain(number);
    expect(text).toContain('极速办');
    await closeNotice(page);

    h.advanceClock(25 * MIN); // this case: 25 of 30 minutes used; the early one: 35
    await decideDirect(LI); // fresh, green
    await page.getByTestId('nav-queue').click();
    const row = (n: string) => page.locator(`tr[data-case-number="${n}"]`);
    await row(number).waitFor();
    await poll(() => row(number).getByTestId('countdown').getAttribute('data-tone')).toBe('warn');
    expect(await row(early).getByTestId('countdown').getAttribute('data-tone')).toBe('over');
    expect(await row(early).textContent()).toContain('已超时');
    expect(await page.getByTestId('queue').textContent()).toContain('1 件已超时');
    // It ticks: the seconds change while the clerk watches.
    const before = await row(number).getByTestId('countdown').textContent();
    await poll(() => row(number).getByTestId('countdown').textContent()).not.toBe(before);
    for (const n of [numbers.accept, numbers.deferral, numbers.notify, numbers.refuse, numbers.redirect]) await row(n).waitFor();
    expect(await row(numbers.deferral).textContent()).toContain('待补正');
    await h.shot('queue');

    // 办结 on the spot: the elapsed time is recorded.
    await row(number).click();
    await page.getByTestId('case-view').waitFor();
    expect(await page.getByTestId('countdown').getAttribute('data-tone')).toBe('warn');
    // 办结 asks first (nothing recorded until confirmed), and its place is not taken by 出件 afterwards.
    const completeBox = await page.getByTestId('action-complete').boundingBox();
    await page.getByTestId('action-complete').click();
    await page.getByTestId('complete-confirm').waitFor();
    expect(await page.getByTestId('case-status').textContent()).not.toBe('已办结');
    await page.getByTestId('complete-confirm').click();
    await poll(() => page.getByTestId('case-status').textContent()).toBe('已办结');
    expect(await page.getByTestId('case-elapsed').textContent()).toMatch(/^用时 25:\d\d$/);
    // 已办结 now sits where 办结 was; 出件 starts to the right of that spot.
    expect((await page.getByTestId('action-completed').boundingBox())!.x).toBe(completeBox!.x);
    const deliverBox = (await page.getByTestId('action-deliver').boundingBox())!;
    expect(deliverBox.x).toBeGreaterThanOrEqual(completeBox!.x + completeBox!.width);

    // 出件 to the applicant: someone else's (valid) ID is refused, the applicant's accepted.
    await page.getByTestId('action-deliver').click();
    const id = page.getByTestId('deliver-id');
    // The receiver's ID number has the keyboard (the dialog opens without animation here: dialogFocus.ts).
    await poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('deliver-id');
    await id.fill(ZHAO.idNumber);
    await page.getByTestId('deliver-confirm').click();
    await poll(() => page.getByTestId('deliver-error').textContent()).toContain('领取人身份证号与申请人不一致');
    await poll(() => page.getByTestId('deliver-confirm').textContent()).toBe('确认出件');
    await h.shot('deliver');
    await id.fill(WANG.idNumber.toLowerCase());
    await page.getByTestId('deliver-confirm').click();
    await page.getByTestId('deliver-done').waitFor();
    await poll(() => page.getByTestId('case-status').textContent()).toBe('已出件');

    await page.getByTestId('deliver-print-receipt').click();
    await waitForNotice(page, 'deliveryReceipt');
    await h.shot('ui-notice-deliveryReceipt');
    const receipt = await printNotice(page);
    expect(receipt.text).toContain('出件回执');
    expect(receipt.text).toContain(number);
    expect(receipt.text).toContain(maskIdNumber(WANG.idNumber));
    expect(receipt.text).toContain(printedDate(today()));
    await closeNotice(page);

    // 好差评: 不满意 (差评) cannot be submitted without one of the coded 差评 reasons.
    await page.getByTestId('action-rate').click();
    await page.getByTestId('rating-dissatisfied').click();
    await page.getByTestId('rating-reason-required').waitFor();
    expect(await page.getByTestId('rating-submit').isDisabled()).toBe(true);
    await h.shot('rating');
    await page.getByTestId('rating-reason-C02').click();
    await page.getByTestId('rating-submit').click();
    await page.getByTestId('rating-done').waitFor();
    await page.getByTestId('rating-close').click();
    await poll(() => page.getByTestId('case-timeline').textContent()).toContain('好差评：不满意');
    const timeline = await page.getByTestId('case-timeline').textContent();
    for (const step of ['作出决定：受理', '已办结', '已出件', '好差评']) expect(timeline).toContain(step);
    // The materials of the case by name, and how each came in.
    const materials = page.getByTestId('case-materials');
    for (const m of applicableMaterials(item, answers)) {
      const line = materials.locator(`tr[data-material-id="${m.id}"]`);
      expect(await line.getAttribute('data-status')).toBe('satisfied');
      expect(await line.textContent()).toContain(m.name);
    }
    expect(await materials.locator('tr[data-material-id="resident-id"]').textContent()).toContain('电子证照已调取');
    expect(await materials.locator('tr[data-material-id="application"]').textContent()).toContain('原件已核验');
    await h.shot('case-view');
    // A case is delivered once.
    expect(await page.getByTestId('action-deliver').count()).toBe(0);
  });

  test('an over-time 即办件: elapsed shown red after 办结; 邮寄 needs a well-formed tracking number', async () => {
    const { page } = h;
    await page.getByTestId('case-back').click();
    await page.locator(`tr[data-case-number="${numbers.early}"]`).click();
    await page.getByTestId('case-view').waitFor();
    expect(await page.getByTestId('countdown').getAttribute('data-tone')).toBe('over');
    await page.getByTestId('action-complete').click();
    await page.getByTestId('complete-confirm').click();
    await poll(() => page.getByTestId('case-status').textContent()).toBe('已办结');
    expect(await page.getByTestId('case-elapsed').getAttribute('class')).toContain('clock-over');

    await page.getByTestId('action-deliver').click();
    await page.getByTestId('deliver-method').getByText('邮寄送达').click();
    await page.getByTestId('deliver-tracking').fill('SF12');
    await page.getByTestId('deliver-confirm').click();
    await poll(() => page.getByTestId('deliver-error').textContent()).toContain('邮件单号');
    await page.getByTestId('deliver-tracking').fill('sf1402345678901');
    await page.getByTestId('deliver-confirm').click();
    await page.getByTestId('deliver-done').waitFor();
    await page.getByTestId('deliver-print-receipt').click();
    await waitForNotice(page, 'deliveryReceipt');
    const { text } = await printNotice(page);
    expect(text).toContain('SF1402345678901');
    expect(text).toContain('邮寄送达');
    await closeNotice(page);
    await poll(() => page.getByTestId('case-status').textContent()).toBe('已出件');
  });

  test('容缺: 终止 only after the supplement deadline, offered from the queue when overdue', async () => {
    const { page } = h;
    await page.getByTestId('case-back').click();
    const lookup = page.getByTestId('case-lookup').locator('input');
    await lookup.fill(numbers.deferral);
    await lookup.press('Enter');
    await page.getByTestId('case-view').waitFor();
    expect(await page.getByTestId('action-terminate').isDisabled()).toBe(true);
    // The deferred material is named with its deadline; the others as received.
    const deferred = page.getByTestId('case-materials').locator('tr[data-status="deferred"]');
    expect(await deferred.count()).toBe(1);
    expect(await deferred.textContent()).toContain('容缺待补');
    expect(await deferred.textContent()).toMatch(/补正期限 \d{4}年\d{1,2}月\d{1,2}日/);
    expect(await page.getByTestId('case-materials-tally').textContent()).toContain('容缺 1');
    await h.shot('case-view-deferred');
    await page.getByTestId('case-back').click();

    h.advanceClock(14 * 24 * 60 * MIN);
    await page.getByTestId('nav-intake').click();
    await page.getByTestId('nav-queue').click(); // a fresh queue learns the server's new time
    const row = page.locator(`tr[data-case-number="${numbers.deferral}"]`);
    await poll(() => row.getByTestId('supplement-deadline').getAttribute('data-overdue')).toBe('true');
    await row.getByTestId('queue-terminate').click();
    await page.getByTestId('supplement-overdue').waitFor();
    await page.getByTestId('action-terminate').click();
    await page.getByTestId('case-dialog-text').fill('逾期未补交保证食品安全的规章制度');
    await page.getByTestId('case-dialog-ok').click();
    await poll(() => page.getByTestId('case-status').textContent()).toBe('已终止');
    expect(await page.getByTestId('case-timeline').textContent()).toContain('已终止：逾期未补交');
  });

  test('出件 for a unit: its legal representative collects with their own ID card, not the credit code', async () => {
    const { page } = h;
    const r = await h.host.dispatch('case.decide', {
      itemCode: DEMO_ITEMS.pledge,
      answers: { applicant: 'self', shareholder: 'natural', prelicence: 'no' },
      marks: {
        application: { mark: 'verified' }, articles: { mark: 'verified' }, 'shareholder-id': { mark: 'eCert' },
        'officer-appointment': { mark: 'verified' }, 'legal-rep-id': { mark: 'eCert' }, 'domicile-pledge': { mark: 'pledged' },
      },
      applicant: { kind: 'organisation', name: FOOD_ORG.name, creditCode: FOOD_ORG.creditCode, legalRepresentative: FOOD_ORG.legalRep, phone: FOOD_ORG.phone },
      agent: null,
      decision: 'accept',
      startedAt: new Date().toISOString(),
    });
    if (!r.ok) throw new Error(r.error.message);
    const { caseId, caseNumber } = r.value as { caseId: string; caseNumber: string };
    await page.getByTestId('nav-queue').click();
    await page.locator(`tr[data-case-number="${caseNumber}"]`).click();
    await page.getByTestId('action-complete').click();
    await page.getByTestId('complete-confirm').click();
    await poll(() => page.getByTestId('case-status').textContent()).toBe('已办结');
    await page.getByTestId('action-deliver').click();
    expect(await page.getByTestId('deliver-method').textContent()).toContain('法定代表人领取');
    const id = page.getByTestId('deliver-id');
    expect(await id.getAttribute('aria-label')).toBe(`法定代表人（${FOOD_ORG.legalRep}）身份证号`);
    await id.fill(FOOD_ORG.creditCode); // the credit code is no one's ID card
    expect(await page.getByTestId('deliver-confirm').isDisabled()).toBe(true);
    await id.fill('11010519491231002X');
    expect(await page.getByTestId('deliver-confirm').isDisabled()).toBe(true); // the name on the card not yet checked
    await page.getByTestId('deliver-identity-checked').click();
    await h.shot('deliver-organisation');
    await page.getByTestId('deliver-confirm').click();
    await page.getByTestId('deliver-done').waitFor();
    expect(await page.getByTestId('deliver-done').textContent()).toContain('已出件：法定代表人领取');
    const delivered = JSON.parse((h.ws.db.prepare("SELECT payload FROM case_events WHERE case_id = ? AND type = 'case.delivered'").get(caseId) as { payload: string }).payload);
    expect(delivered).toMatchObject({ receiver: FOOD_ORG.legalRep, receiverIdNumber: '11010519491231002X', label: '法定代表人领取' });
    await page.getByTestId('deliver-dialog').getByRole('button', { name: /关\s*闭/ }).last().click();
  });

  test('the browser reported no errors', () => {
    expect(h.errors, h.errors.join('\n')).toEqual([]);
  });
});
