// The words of each notice, independent of the output: HTML (A4/A5/thermal) and ESC/POS both
// print exactly these lines, so the legally required parts cannot drift between back ends.
import type { NoticeModel, NoticeParty } from './model';
import { DELIVERY_METHOD_LABEL, NOTICE_TITLE } from './model';

export interface NoticeSection {
  heading: string;
  /** 'afterText' follows the opening paragraphs (reasons, where to go); 'end' closes the notice. */
  placement: 'afterText' | 'end';
  /** Plain paragraphs; numbered lists are already numbered. */
  lines: string[];
}

export interface NoticeTable {
  heading: string;
  columns: string[];
  rows: string[][];
}

export interface NoticeContent {
  title: string;
  numberLabel: string;
  number: string;
  salutation: string;
  paragraphs: string[];
  fields: Array<[label: string, value: string]>;
  tables: NoticeTable[];
  sections: NoticeSection[];
  queryHint: string;
  /** Signature line for the applicant or receiver, when the kind asks for one. */
  signature: string | null;
  footer: string[];
  sealName: string;
  issuedDate: string;
}

const CN_NUM = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** A date-time as China reads it (UTC+8, whatever offset the value was stored with). */
function chinaWallClock(iso: string): string | null {
  if (!/T\d{2}:\d{2}/.test(iso)) return null;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : new Date(t + 8 * 3600_000).toISOString();
}

/** 2026-05-12T02:30:00Z → 2026年5月12日 10:30 (China time). */
export function formatDateTime(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(chinaWallClock(iso) ?? iso);
  if (!m) return iso;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日 ${m[4]}:${m[5]}`;
}

/** 2026-05-12 (or a date-time, taken in China time) → 2026年5月12日. */
export function formatDate(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(chinaWallClock(date) ?? date);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : date;
}

/** Issue date in the style of official documents: 二〇二六年五月十二日. */
export function formatOfficialDate(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(chinaWallClock(date) ?? date);
  if (!m) return date;
  const small = (n: number) => (n < 10 ? CN_NUM[n] : n === 10 ? '十' : n < 20 ? `十${CN_NUM[n % 10]}` : `${CN_NUM[Math.floor(n / 10)]}十${n % 10 ? CN_NUM[n % 10] : ''}`);
  return `${[...m[1]].map((d) => CN_NUM[Number(d)]).join('')}年${small(Number(m[2]))}月${small(Number(m[3]))}日`;
}

function party(p: NoticeParty): string {
  return p.idKind ? `${p.name}（${p.idKind}：${p.idMasked}）` : p.name;
}

export function noticeContent(m: NoticeModel): NoticeContent {
  const you = m.applicant.idKind === '统一社会信用代码' ? '你单位' : '你';
  const item = `「${m.item.name}」`;
  const permit = m.item.type === '行政许可';
  const when = m.acceptedAt ? formatDateTime(m.acceptedAt) : formatDateTime(m.issuedAt);
  const paragraphs: string[] = [];
  const sections: NoticeSection[] = [];
  const tables: NoticeTable[] = [];
  let signature: string | null = null;

  const fields: Array<[string, string]> = [
    ['事项名称', m.item.name],
    ['实施编码', m.item.code],
  ];
  if (m.item.department) fields.push(['实施部门', m.item.department]);
  // A 来访群众 guided elsewhere showed no document: named as a visitor, no ID line.
  fields.push([m.applicant.idKind ? '申请人' : '来访人', m.applicant.name]);
  if (m.applicant.idKind && m.applicant.idMasked) fields.push([m.applicant.idKind, m.applicant.idMasked]);
  if (m.applicant.phoneMasked) fields.push(['联系电话', m.applicant.phoneMasked]);
  if (m.agent) fields.push(['代理人', party(m.agent)]);
  if (m.acceptedAt) fields.push([m.kind === 'materialReceipt' ? '接收时间' : '受理时间', formatDateTime(m.acceptedAt)]);
  if (m.kind === 'acceptance' || m.kind === 'deferredAcceptance') {
    if (m.promisedDate) fields.push(['承诺办结', `${formatDate(m.promisedDate)}前${m.promisedDays ? `（${m.promisedDays}个工作日）` : ''}`]);
    else if (m.promisedDays === 0) fields.push(['承诺办结', '即办件，当场办结']);
    if (m.immediateLabel) fields.push(['立等可取', m.immediateLabel]);
  }

  const receivedTable = (): NoticeTable => ({
    heading: `已接收材料（共 ${m.received.length} 项）`,
    columns: ['序号', '材料名称', '形式', '份数'],
    rows: m.received.map((r, i) => [String(i + 1), r.name, r.status ? `${r.form}·${r.status}` : r.form, String(r.copies)]),
  });
  const missingTable = (heading: string): NoticeTable => ({
    heading,
    columns: ['序号', '材料名称', '问题', '原因及要求'],
    rows: m.missing.map((r, i) => [String(i + 1), r.name, r.problem, r.reason]),
  });

  switch (m.kind) {
    case 'acceptance':
      paragraphs.push(
        `${you}于${when}提交的${item}申请，经审查，申请材料齐全、符合法定形式${permit ? '，根据《中华人民共和国行政许可法》第三十二条第一款第（五）项的规定' : ''}，决定予以受理。`,
      );
      if (m.promisedDate) paragraphs.push(`本事项承诺于${formatDate(m.promisedDate)}前办结，办理结果请凭本通知书到本中心综合窗口领取。`);
      if (m.immediateLabel) paragraphs.push(`本事项属于立等可取事项（${m.immediateLabel}），请在等候区稍候，办结后凭本通知书领取结果。`);
      if (m.received.length) tables.push(receivedTable());
      break;
    case 'deferredAcceptance':
      paragraphs.push(
        `${you}于${when}提交的${item}申请，主要申请材料齐全、符合法定形式，下列次要材料暂缺或需补正。根据容缺受理有关规定，经${you}书面承诺，决定予以容缺受理。`,
        `请于${formatDate(m.deferral!.supplementDeadline)}前补齐下列材料；逾期未补齐的，本中心将终止办理，已受理的申请视为撤回。`,
      );
      if (m.received.length) tables.push(receivedTable());
      tables.push(missingTable(`容缺待补材料（共 ${m.missing.length} 项）`));
      sections.push({ heading: '申请人承诺', placement: 'end', lines: [m.deferral!.commitment, `补正期限：${formatDate(m.deferral!.supplementDeadline)}`] });
      signature = '申请人（代理人）签字：';
      break;
    case 'missingMaterials':
      paragraphs.push(
        `${you}于${when}申请办理${item}，经审查，申请材料不齐全或者不符合法定形式。${permit ? '根据《中华人民共和国行政许可法》第三十二条第一款第（四）项的规定，' : ''}现将需要补正的全部内容一次性告知如下（共 ${m.missing.length} 项），请按要求补正后再行提交。`,
      );
      tables.push(missingTable(`需补正材料（共 ${m.missing.length} 项）`));
      if (m.received.length) tables.push(receivedTable());
      break;
    case 'refusal': {
      const r = m.refusal!;
      paragraphs.push(`${you}于${when}申请办理${item}，经审查，决定不予受理。理由如下：`);
      sections.push({ heading: '不予受理理由', placement: 'afterText', lines: r.reasons.map((x, i) => `${i + 1}. ${x}`) });
      if (r.applyTo) sections.push({ heading: '有权受理的机关', placement: 'afterText', lines: [`请向${r.applyTo}提出申请。`] });
      sections.push({
        heading: '救济途径',
        placement: 'end',
        lines: [
          `如不服本决定，可以自收到本通知书之日起六十日内向${r.reviewOrgans.join('或')}申请行政复议，也可以自收到本通知书之日起六个月内向${r.court}提起行政诉讼。`,
        ],
      });
      break;
    }
    case 'materialReceipt':
      paragraphs.push(`今收到${you}申请办理${item}的下列材料，特此凭证。本凭证仅证明材料已接收，不代表审查或审批结论。`);
      // With scans, the pages taken per material are listed too.
      tables.push(m.received.some((r) => r.pages > 0)
        ? { ...receivedTable(), columns: ['序号', '材料名称', '形式', '份数', '扫描页数'], rows: m.received.map((r, i) => [String(i + 1), r.name, r.status ? `${r.form}·${r.status}` : r.form, String(r.copies), r.pages ? `${r.pages} 页` : '—']) }
        : receivedTable());
      signature = '申请人（代理人）签字：';
      break;
    case 'deliveryReceipt': {
      const d = m.delivery!;
      paragraphs.push(`${item}（办件编号 ${m.caseNumber}）的办理结果已于${formatDateTime(d.deliveredAt)}以${DELIVERY_METHOD_LABEL[d.method]}方式送达。`);
      const lines = [`办理结果：${d.result}`];
      if (d.licence) {
        lines.push(
          `证照名称：${d.licence.name}`,
          `证照编号：${d.licence.number}`,
          `有效期限：${formatDate(d.licence.validFrom)}至${d.licence.validUntil ? formatDate(d.licence.validUntil) : '长期'}`,
        );
      }
      lines.push(`领取方式：${DELIVERY_METHOD_LABEL[d.method]}`, `领取人（收件人）：${d.to}${d.toIdMasked ? `（证件号码：${d.toIdMasked}）` : ''}`);
      if (d.trackingNumber) lines.push(`邮件运单号：${d.trackingNumber}`);
      lines.push(`出件时间：${formatDateTime(d.deliveredAt)}`);
      sections.push({ heading: '出件信息', placement: 'afterText', lines });
      signature = d.method === 'post' ? null : '领取人签字：';
      break;
    }
    case 'extension': {
      const x = m.extension!;
      paragraphs.push(
        `${you}于${when}提交的${item}申请（办件编号 ${m.caseNumber}），因${x.reason.replace(/[。.]$/, '')}，不能在原承诺期限内办结。` +
          `${permit ? '根据《中华人民共和国行政许可法》第四十二条第一款的规定，' : ''}经本部门负责人批准，办理期限延长 ${x.days} 个工作日。`,
        `原承诺办结日期为${formatDate(x.previousPromisedDate)}，延长后的承诺办结日期为${formatDate(x.promisedDate)}。办理结果请届时凭本通知书到本中心综合窗口领取。`,
      );
      fields.push(['原承诺办结', formatDate(x.previousPromisedDate)], ['延长期限', `${x.days} 个工作日`], ['延长后办结', `${formatDate(x.promisedDate)}前`], ['批准时间', formatDateTime(x.approvedAt)]);
      break;
    }
    case 'supplementRequest': {
      const r = m.supplement!;
      paragraphs.push(
        `${you}于${when}提交的${item}申请（办件编号 ${m.caseNumber}），经${m.item.department || '审批部门'}审查，下列材料未通过审核，需要补正（共 ${m.missing.length} 项）。`,
        `请按下列要求准备材料，携带本告知书到本中心综合窗口提交补正材料。补正期间不计入办理时限；补正材料经审核通过后继续办理。`,
      );
      if (r.opinion) sections.push({ heading: '审查意见', placement: 'afterText', lines: [r.opinion] });
      fields.push(['告知时间', formatDateTime(r.requestedAt)]);
      tables.push(missingTable(`需补正材料（共 ${m.missing.length} 项）`));
      signature = '申请人（代理人）签字：';
      break;
    }
    case 'redirect': {
      const s = m.redirect!;
      const places = s.places ?? [];
      paragraphs.push(
        places.length > 1
          ? `${you}咨询办理的${item}不在本中心办理，由${s.name}受理。请携带下列材料前往以下任一中心办理：`
          : places.length === 1
            ? `${you}咨询办理的${item}不在本中心办理，由${s.name}受理。请携带下列材料前往办理：`
            : `${you}咨询办理的${item}由${s.name}集中受理，本中心综合窗口不能受理。请携带申请材料前往以下地点办理：`,
      );
      sections.push({
        heading: '办理地点',
        placement: 'afterText',
        lines: places.length > 1
          ? places.map((p) => `${p.name}：${p.address}${p.phone ? `（电话 ${p.phone}）` : ''}`)
          : [`名称：${s.name}`, `地址：${s.address}`, ...(s.phone ? [`电话：${s.phone}`] : []), ...(s.hours ? [`办公时间：${s.hours}`] : [])],
      });
      if (m.bring.length) sections.push({ heading: '请携带以下材料', placement: 'afterText', lines: m.bring.map((b, i) => `${i + 1}. ${b}`) });
      break;
    }
  }

  const hasCase = m.caseNumber !== null;
  return {
    title: NOTICE_TITLE[m.kind],
    numberLabel: hasCase ? '办件编号' : '告知单号',
    number: (hasCase ? m.caseNumber : m.noticeNumber) ?? '',
    salutation: `${m.applicant.name}：`,
    paragraphs,
    fields,
    tables,
    sections,
    queryHint: m.queryHint,
    signature,
    footer: [
      `经办人：${m.clerk.name}（工号 ${m.clerk.staffNo}）`,
      `窗口：${m.window.name}`,
      `地址：${m.office.address}`,
      ...(m.office.phone ? [`电话：${m.office.phone}`] : []),
    ],
    sealName: m.office.name,
    issuedDate: formatOfficialDate(m.issuedAt),
  };
}
