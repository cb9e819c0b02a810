// What the applicant takes home: every notice kind says what the law requires, personal
// numbers are masked, nothing typed at the window can inject markup, and practice notices
// are watermarked on every layout.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildNotice } from '../../shared/notice/build';
import { maskIdNumber, maskPhone } from '../../shared/notice/mask';
import { NOTICE_KINDS, NoticeModel, PRACTICE_MARK } from '../../shared/notice/model';
import type { NoticeKind } from '../../shared/notice/model';
import { NOTICE_LAYOUTS, escapeHtml, paperSizeMm, renderNoticeHtml } from '../../shared/notice/render';
import { fixture, foodItem, ID_MASKED, ID_NUMBER, immediateItem } from '../helpers/noticeFixtures';

/** Visible text of the generated HTML (tags dropped, entities decoded) for content checks. */
const visible = (html: string) =>
  html
    .replace(/<style>[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

describe('masking', () => {
  it('keeps the first 6 and last 4 of an ID number', () => {
    expect(maskIdNumber(ID_NUMBER)).toBe(ID_MASKED);
    expect(maskIdNumber('21010219900307123x')).toBe('210102********123X');
    expect(maskIdNumber('210102900307123')).toBe('210102*****7123');
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{17}[0-9X]$/), (id) => {
        const m = maskIdNumber(id);
        expect(m).toHaveLength(18);
        expect(m.slice(0, 6) + m.slice(-4)).toBe(id.slice(0, 6) + id.slice(-4));
        expect(m.slice(6, 14)).toBe('********');
      }),
    );
  });

  it('masks mobile and landline numbers but prints credit codes whole', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('024-22345678')).toBe('024****5678');
    const m = fixture('acceptance');
    expect(m.applicant.idMasked).toBe('91210102MA0P12345X');
    expect(m.agent?.idMasked).toBe(ID_MASKED);
    expect(m.agent?.phoneMasked).toBe('138****5678');
    for (const layout of NOTICE_LAYOUTS) {
      const html = renderNoticeHtml(m, layout);
      expect(html).not.toContain(ID_NUMBER);
      expect(html).not.toContain('13812345678');
    }
  });
});

describe('escaping', () => {
  const evil = '<script>alert(1)</script><img src=x onerror=alert(2)>&"\'';
  const model = buildNotice({
    kind: 'missingMaterials',
    item: { ...foodItem, name: `饭馆${evil}`.slice(0, 100) },
    answers: { who: 'agent' },
    marks: { form: { mark: 'defective', note: `签名${evil}`.slice(0, 200) } },
    applicant: { name: `张三${evil}`, idKind: '居民身份证', idNumber: ID_NUMBER, phone: '13812345678' },
    agent: { name: `<b>代理</b>`, idKind: '其他证件', idNumber: 'E12345678' },
    clerk: { name: '李晓红', staffNo: 'SY1024' },
    office: { name: '中心</title><script>', address: '地址"onload="x', phone: '024-12345' },
    window: { name: '3号窗口' },
    noticeNumber: 'GZ<1>',
    issuedAt: '2026-05-12T10:42:00+08:00',
    practice: false,
  });

  it('no applicant, material, office or number text becomes markup in any layout', () => {
    for (const layout of NOTICE_LAYOUTS) {
      const html = renderNoticeHtml(model, layout);
      expect(html).not.toMatch(/<script|<img|<b>代理|"onload=/i);
      expect(html).toContain('张三&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;&amp;&quot;&#39;');
      expect(visible(html)).toContain(`张三${evil}`);
      expect(visible(html)).toContain('GZ<1>');
    }
  });

  it('drops a QR "SVG" that carries script', () => {
    const html = renderNoticeHtml(fixture('acceptance'), 'A4', { qrSvg: '<svg onload="alert(1)"><script>x</script></svg>' });
    expect(html).not.toContain('onload');
    expect(renderNoticeHtml(fixture('acceptance'), 'A4', { qrSvg: '<svg viewBox="0 0 1 1"><path d="M0 0h1"/></svg>' })).toContain('<svg viewBox="0 0 1 1">');
    expect(escapeHtml('<a href="x">&</a>')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;');
  });
});

// The parts each kind must show, besides the common ones checked for all.
const REQUIRED: Record<NoticeKind, string[]> = {
  acceptance: ['受理通知书', '决定予以受理', '受理时间', '2026年5月12日 10:30', '承诺办结', '2026年5月19日', '已接收材料（共 5 项）', '营业执照', '原件核验·电子证照已调取', '经营场所平面布局图', '复印件·复印件已收', '《中华人民共和国行政许可法》第三十二条第一款第（五）项'],
  deferredAcceptance: ['容缺受理通知书', '容缺受理', '申请人承诺', '本人承诺在补正期限内提交经营场所平面布局图', '2026年5月15日前补齐', '补正期限：2026年5月15日', '经营场所平面布局图', '容缺待补', '平面布局图尚未绘制完成', '签字'],
  missingMaterials: ['一次性告知书', '告知单号', 'GZ2101020320260512003', '一次性告知', '共 4 项', '营业执照', '不符合法定形式', '营业执照已过期，请提供有效期内的营业执照', '授权委托书', '未提交授权委托书，须委托人签字并加盖公章', '经营场所平面布局图', '食品安全管理制度文本', '第三十二条第一款第（四）项'],
  refusal: ['不予受理通知书', '决定不予受理', '不属于本机关职权范围', '请向辽宁省市场监督管理局提出申请', '六十日内', '沈阳市人民政府申请行政复议', '六个月内', '沈阳市和平区人民法院提起行政诉讼'],
  materialReceipt: ['材料接收凭证', '接收时间', '2026年5月12日 10:30', '食品经营许可申请书', '授权委托书', '不代表审查或审批结论', '签字'],
  deliveryReceipt: ['出件回执', '邮寄送达', '王小明', '食品经营许可证（正本、副本各一份）', '邮件运单号：SF1402345678901', '2026年5月18日 15:05', '证照名称：食品经营许可证', '证照编号：JY22101020012345', '有效期限：2026年5月18日至2031年5月17日'],
  extension: ['延长办理期限通知书', '需对经营场所进行现场核查', '经本部门负责人批准，办理期限延长 10 个工作日', '原承诺办结日期为2026年5月19日', '延长后的承诺办结日期为2026年6月2日', '第四十二条第一款', '批准时间', '2026年5月15日 16:20'],
  supplementRequest: ['补正告知书', '下列材料未通过审核，需要补正（共 2 项）', '审查意见', '平面布局图与现场不符', '需补正材料（共 2 项）', '审核未通过', '平面布局图未标明操作间面积，请重新绘制', '授权委托书', '经审核未通过，请按要求重新提交', '补正期间不计入办理时限', '告知时间', '2026年5月12日 15:40', '签字'],
  redirect: ['引导告知单', '告知单号', '沈阳市不动产登记分中心', '沈阳市沈河区青年大街100号', '024-23456789', '周一至周五 9:00—17:00', '不能受理'],
};

describe('every kind carries its legally required parts', () => {
  for (const kind of NOTICE_KINDS) {
    it(kind, () => {
      const m = fixture(kind);
      for (const layout of NOTICE_LAYOUTS) {
        const text = visible(renderNoticeHtml(m, layout));
        for (const part of REQUIRED[kind]) expect(text, `${kind}/${layout}`).toContain(part);
        const common = [m.caseNumber ?? m.noticeNumber!, m.item.name, m.item.code, '沈阳老边饺子馆有限公司', '李晓红', '工号 SY1024', '3号无差别综合窗口', '沈阳市浑南区创新一路1号', '024-12345', '盖章处', '二〇二六年五月十二日'];
        // 引导 opens no case here: nothing to query, so the slip drops the query line and lists what to bring.
        if (kind === 'redirect') {
          expect(text).not.toContain('查询方式');
          expect(text).toContain('请携带以下材料');
        } else expect(text).toContain('查询方式');
        for (const part of common) expect(text, `${kind}/${layout}`).toContain(part);
        if (kind !== 'redirect') expect(text).toContain(ID_MASKED);
        expect(text).not.toContain(PRACTICE_MARK);
      }
    });
  }

  it('立等可取 tier and 即办件 are shown on the acceptance notice', () => {
    const m = buildNotice({
      ...{ answers: { who: 'self' }, marks: { form: { mark: 'verified' }, license: { mark: 'eCert' }, layout: { mark: 'verified' }, rules: { mark: 'verified' } } },
      kind: 'acceptance',
      item: immediateItem,
      applicant: { name: '刘芳', idKind: '居民身份证', idNumber: ID_NUMBER, phone: '13912345678' },
      clerk: { name: '李晓红', staffNo: 'SY1024' },
      office: { name: '和平区政务服务中心', address: '和平区南京南街1号', phone: '024-22222222' },
      window: { name: '1号窗口' },
      caseNumber: '2101020120260512000001',
      acceptedAt: '2026-05-12T09:05:00+08:00',
      issuedAt: '2026-05-12T09:05:00+08:00',
      practice: false,
    });
    const text = visible(renderNoticeHtml(m, 'A4'));
    expect(text).toContain('极速办（30分钟内办结）');
    expect(text).toContain('即办件，当场办结');
    expect(text).toContain('你于2026年5月12日 09:05提交');
  });
});

describe('补正告知书', () => {
  it('lists exactly the failed materials with their reasons, none of the checklist', () => {
    for (const layout of NOTICE_LAYOUTS) {
      const text = visible(renderNoticeHtml(fixture('supplementRequest'), layout));
      for (const other of ['食品经营许可申请书', '营业执照', '食品安全管理制度文本', '已接收材料']) expect(text, layout).not.toContain(other);
    }
    expect(fixture('supplementRequest').missing.map((m) => m.name)).toEqual(['经营场所平面布局图', '授权委托书']);
  });
  it('is refused without a failed material', () => {
    expect(() => NoticeModel.parse({ ...fixture('supplementRequest'), missing: [] })).toThrow(/审核未通过的材料/);
    expect(() => NoticeModel.parse({ ...fixture('supplementRequest'), supplement: null })).toThrow(/补正要求/);
  });
});

describe('practice watermark', () => {
  it('covers the page with 练习 · 无效 in every layout, plus the bands', () => {
    for (const kind of NOTICE_KINDS) {
      for (const layout of NOTICE_LAYOUTS) {
        const html = renderNoticeHtml(fixture(kind, true), layout);
        expect(html.split(PRACTICE_MARK).length - 1, `${kind}/${layout}`).toBeGreaterThan(50);
        expect(html).toContain('class="wm"');
        expect(visible(html)).toContain('（练习模式，不具效力）');
      }
    }
  });
});

describe('model rules', () => {
  const ok = fixture('deferredAcceptance');
  it('refuses notices that would lack a legally required part', () => {
    expect(() => NoticeModel.parse({ ...fixture('refusal'), refusal: null })).toThrow(/救济途径/);
    expect(() => NoticeModel.parse({ ...ok, deferral: { ...ok.deferral!, supplementDeadline: '2026-05-20' } })).toThrow(/补正期限不得晚于承诺办结日期/);
    expect(() => NoticeModel.parse({ ...fixture('missingMaterials'), noticeNumber: null })).toThrow(/告知单号/);
    expect(() => NoticeModel.parse({ ...fixture('missingMaterials'), missing: [] })).toThrow(/全部缺失/);
    expect(() => NoticeModel.parse({ ...fixture('acceptance'), caseNumber: null })).toThrow(/办件编号/);
    expect(() => NoticeModel.parse({ ...fixture('deliveryReceipt'), delivery: { ...fixture('deliveryReceipt').delivery!, trackingNumber: null } })).toThrow(/运单号/);
  });
});

describe('paper sizes', () => {
  it('one helper gives the size used by the CSS', () => {
    expect(paperSizeMm('A4')).toEqual({ widthMm: 210, heightMm: 297 });
    expect(paperSizeMm('A5')).toEqual({ widthMm: 148, heightMm: 210 });
    expect(paperSizeMm('thermal80')).toEqual({ widthMm: 80, heightMm: null });
    const m = fixture('acceptance');
    expect(renderNoticeHtml(m, 'A4')).toContain('size: 210mm 297mm');
    expect(renderNoticeHtml(m, 'A5')).toContain('size: 148mm 210mm');
    expect(renderNoticeHtml(m, 'thermal80')).toContain('width: 80mm');
    expect(renderNoticeHtml(m, 'A4')).toContain("'Noto Serif SC'");
  });
});

describe('notice times are China time', () => {
  it('prints a UTC-stored time as the wall clock in China, also across midnight', async () => {
    const { formatDateTime, formatDate, formatOfficialDate } = await import('../../shared/notice/content');
    expect(formatDateTime('2026-11-28T04:41:00.000Z')).toBe('2026年11月28日 12:41');
    expect(formatDateTime('2026-11-27T23:30:00.000Z')).toBe('2026年11月28日 07:30');
    expect(formatDateTime('2026-05-12T10:30:00+08:00')).toBe('2026年5月12日 10:30');
    expect(formatDate('2026-11-27T23:30:00.000Z')).toBe('2026年11月28日');
    expect(formatDate('2026-12-04')).toBe('2026年12月4日');
    expect(formatOfficialDate('2026-11-27T23:30:00.000Z')).toBe('二〇二六年十一月二十八日');
  });
});
