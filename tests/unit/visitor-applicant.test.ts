// 引导 without an ID card: a 来访群众 may be named only by 称呼 and phone, both optional, and
// only a redirect accepts one; the 引导告知单 then names the visitor without an ID line.
import { describe, expect, it } from 'vitest';
import { DecideInput } from '../../shared/domain/case';
import { applicantDisplayName, ApplicantRecord, VisitorApplicant } from '../../shared/domain/applicant';
import { buildNotice } from '../../shared/notice/build';
import { noticeContent } from '../../shared/notice/content';
import { NoticeModel } from '../../shared/notice/model';
import { fixture, foodItem } from '../helpers/noticeFixtures';

const redirect = (applicant: unknown, decision = 'redirect') => ({
  itemCode: 'T0000000003',
  answers: {},
  marks: {},
  applicant,
  agent: null,
  decision,
  startedAt: '2026-11-27T00:55:00.000Z',
});
const messages = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (r.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);

describe('visitor applicant', () => {
  it('a redirect takes a visitor with a name and phone, or with nothing at all', () => {
    const full = DecideInput.parse(redirect({ kind: 'visitor', name: ' 张大爷 ', phone: '138 0013 8000' }));
    expect(full.applicant).toEqual({ kind: 'visitor', name: '张大爷', phone: '13800138000' });
    const bare = DecideInput.parse(redirect({ kind: 'visitor' }));
    expect(bare.applicant).toEqual({ kind: 'visitor' });
    // Untouched form fields arrive as '' and store nothing.
    const blank = DecideInput.parse(redirect({ kind: 'visitor', name: '  ', phone: '' }));
    expect(JSON.parse(JSON.stringify(blank.applicant))).toEqual({ kind: 'visitor' });
  });

  it.each(['accept', 'acceptWithDeferral', 'notifyMissing', 'refuse'])('%s with a visitor is refused in Chinese', (decision) => {
    const r = DecideInput.safeParse(redirect({ kind: 'visitor', name: '张大爷' }, decision));
    expect(r.success).toBe(false);
    expect(messages(r)).toContain('applicant: 该决定须填写完整的申请人身份信息');
  });

  it('a bad phone or an over-long name is refused; an ID is not asked for', () => {
    const phone = DecideInput.safeParse(redirect({ kind: 'visitor', phone: '12345' }));
    expect(phone.success).toBe(false);
    expect(messages(phone)[0]).toMatch(/^applicant\.phone: 手机号/);
    const name = VisitorApplicant.safeParse({ kind: 'visitor', name: '张'.repeat(101) });
    expect(messages(name)).toEqual(['name: 称呼不能超过 100 个字（现有 101 个字）']);
    expect(VisitorApplicant.safeParse({ kind: 'visitor', idNumber: 'x' }).success).toBe(true); // unknown keys dropped, never stored
    expect(VisitorApplicant.parse({ kind: 'visitor', idNumber: 'x' })).toEqual({ kind: 'visitor' });
  });

  it('a full applicant is still required in full: a person without an ID is refused, also for redirect', () => {
    const r = DecideInput.safeParse(redirect({ kind: 'person', name: '王小明', idNumber: '', phone: '13800138000' }));
    expect(r.success).toBe(false);
    expect(messages(r).some((m) => m.startsWith('applicant.idNumber'))).toBe(true);
  });

  it('the stored record reads back, and a nameless visitor is shown as 来访群众', () => {
    expect(ApplicantRecord.parse({ kind: 'visitor' })).toEqual({ kind: 'visitor' });
    expect(applicantDisplayName({ kind: 'visitor' } as never)).toBe('来访群众');
    expect(applicantDisplayName({ name: '张大爷' })).toBe('张大爷');
  });
});

describe('引导告知单 for a visitor', () => {
  const base = fixture('redirect');
  const build = (name: string) =>
    buildNotice({
      kind: 'redirect',
      item: foodItem,
      answers: {},
      marks: {},
      applicant: { name, idKind: null, idNumber: '', phone: '13800138000' },
      clerk: base.clerk,
      office: base.office,
      window: base.window,
      noticeNumber: 'YD001',
      issuedAt: base.issuedAt,
      redirect: base.redirect,
      practice: false,
    });

  it('names the visitor, masks the phone and prints no ID line', () => {
    const c = noticeContent(build('来访群众'));
    expect(c.salutation).toBe('来访群众：');
    expect(c.fields).toContainEqual(['来访人', '来访群众']);
    expect(c.fields).toContainEqual(['联系电话', '138****8000']);
    expect(c.fields.map(([k]) => k)).not.toContain('居民身份证');
    expect(c.sections.find((s) => s.heading === '办理地点')!.lines).toEqual(expect.arrayContaining([`名称：${base.redirect!.name}`, `地址：${base.redirect!.address}`]));
  });

  it('only the 引导告知单 may go without an ID', () => {
    const m = build('张大爷');
    const r = NoticeModel.safeParse({ ...m, kind: 'refusal', caseNumber: 'X1', refusal: { reasons: ['x'], applyTo: null, reviewOrgans: ['y'], court: 'z' } });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.message)).toContain('不予受理通知书须有申请人证件号码');
  });
});
