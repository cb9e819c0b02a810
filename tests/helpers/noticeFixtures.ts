// One realistic notice of every kind, built through buildNotice from an Item and marks as the
// intake screen would hold them. Shared by the render, PDF, ESC/POS tests and the benchmark.
import { Item } from '../../shared/domain/catalogue';
import { buildNotice } from '../../shared/notice/build';
import type { BuildNoticeInput } from '../../shared/notice/build';
import type { NoticeKind, NoticeModel } from '../../shared/notice/model';
import { NOTICE_KINDS } from '../../shared/notice/model';

export const ID_NUMBER = '210102199003071234';
export const ID_MASKED = '210102********1234';

export const foodItem = Item.parse({
  code: '11210100MB0123456X4000117001',
  name: '食品经营许可（新办）',
  departmentCode: 'SCJG',
  type: '行政许可',
  serveTargets: ['法人', '自然人'],
  levels: ['city', 'county'],
  legalDays: 10,
  promisedDays: 5,
  fee: '不收费',
  conditions: '有与经营食品相适应的场所',
  location: '综合窗口',
  immediateTier: null,
  subCenterCode: null,
  situations: [{ id: 'who', question: '谁来办理？', options: [{ value: 'self', label: '本人' }, { value: 'agent', label: '代理人', agent: true }] }],
  materials: [
    { id: 'form', name: '食品经营许可申请书', form: '原件', copies: 1, medium: '纸质', necessity: '必要', source: '申请人' },
    { id: 'license', name: '营业执照', form: '原件核验', copies: 1, medium: '纸质或电子', necessity: '必要', source: '电子证照' },
    { id: 'layout', name: '经营场所平面布局图', form: '复印件', copies: 2, medium: '纸质', necessity: '可容缺', source: '申请人' },
    { id: 'rules', name: '食品安全管理制度文本', form: '原件', copies: 1, medium: '纸质', necessity: '必要', source: '申请人' },
    { id: 'auth', name: '授权委托书', form: '原件', copies: 1, medium: '纸质', necessity: '必要', source: '申请人', requiredWhen: { who: ['agent'] } },
  ],
});

export const immediateItem = Item.parse({ ...foodItem, code: '11210100MB0123456X4000117009', name: '食品经营许可（变更）', immediateTier: 'within30', promisedDays: 0 });

const base: Omit<BuildNoticeInput, 'kind' | 'marks'> = {
  item: foodItem,
  departmentName: '沈阳市市场监督管理局',
  answers: { who: 'agent' },
  applicant: { name: '沈阳老边饺子馆有限公司', idKind: '统一社会信用代码', idNumber: '91210102MA0P12345X', phone: '024-22345678' },
  agent: { name: '王小明', idKind: '居民身份证', idNumber: ID_NUMBER, phone: '13812345678' },
  clerk: { name: '李晓红', staffNo: 'SY1024' },
  office: { name: '沈阳市政务服务中心', address: '沈阳市浑南区创新一路1号', phone: '024-12345' },
  window: { name: '3号无差别综合窗口' },
  issuedAt: '2026-05-12T10:42:00+08:00',
  practice: false,
};

const allReceived = {
  form: { mark: 'verified' },
  license: { mark: 'eCert' },
  layout: { mark: 'copyReceived', copies: 2 },
  rules: { mark: 'verified' },
  auth: { mark: 'verified' },
} as const;

export function fixture(kind: NoticeKind, practice = false): NoticeModel {
  const common = { ...base, practice };
  switch (kind) {
    case 'acceptance':
      return buildNotice({ ...common, kind, marks: allReceived, caseNumber: '2101020320260512000017', acceptedAt: '2026-05-12T10:30:00+08:00', promisedDate: '2026-05-19' });
    case 'deferredAcceptance':
      return buildNotice({
        ...common,
        kind,
        marks: { ...allReceived, layout: { mark: 'deferred', note: '平面布局图尚未绘制完成，须标明操作间面积' } },
        caseNumber: '2101020320260512000018',
        acceptedAt: '2026-05-12T10:30:00+08:00',
        promisedDate: '2026-05-19',
        deferral: { commitment: '本人承诺在补正期限内提交经营场所平面布局图，逾期未提交的，同意终止办理。', supplementDeadline: '2026-05-15' },
      });
    case 'missingMaterials':
      return buildNotice({
        ...common,
        kind,
        marks: { form: { mark: 'verified' }, license: { mark: 'defective', note: '营业执照已过期，请提供有效期内的营业执照' }, auth: { mark: 'missing', note: '未提交授权委托书，须委托人签字并加盖公章' } },
        noticeNumber: 'GZ2101020320260512003',
      });
    case 'refusal':
      return buildNotice({
        ...common,
        kind,
        marks: {},
        caseNumber: '2101020320260512000019',
        refusal: {
          reasons: ['申请经营的项目为网络食品交易第三方平台，不属于本机关职权范围。'],
          applyTo: '辽宁省市场监督管理局',
          reviewOrgans: ['沈阳市人民政府'],
          court: '沈阳市和平区人民法院',
        },
      });
    case 'materialReceipt':
      return buildNotice({ ...common, kind, marks: allReceived, caseNumber: '2101020320260512000017', acceptedAt: '2026-05-12T10:30:00+08:00' });
    case 'deliveryReceipt':
      return buildNotice({
        ...common,
        kind,
        marks: allReceived,
        caseNumber: '2101020320260512000017',
        delivery: {
          method: 'post', to: '王小明', toIdMasked: ID_MASKED, result: '食品经营许可证（正本、副本各一份）', trackingNumber: 'SF1402345678901', deliveredAt: '2026-05-18T15:05:00+08:00',
          licence: { name: '食品经营许可证', number: 'JY22101020012345', validFrom: '2026-05-18', validUntil: '2031-05-17' },
        },
      });
    case 'extension':
      return buildNotice({
        ...common,
        kind,
        marks: {}, // the notice is about the time limit, not the materials
        caseNumber: '2101020320260512000017',
        acceptedAt: '2026-05-12T10:30:00+08:00',
        promisedDate: '2026-06-02',
        extension: { days: 10, reason: '需对经营场所进行现场核查', previousPromisedDate: '2026-05-19', promisedDate: '2026-06-02', approvedAt: '2026-05-15T16:20:00+08:00' },
      });
    case 'supplementRequest':
      return buildNotice({
        ...common,
        kind,
        marks: allReceived, // the intake's checklist is not what this notice lists
        caseNumber: '2101020320260512000017',
        acceptedAt: '2026-05-12T10:30:00+08:00',
        // No promised date on it: the time to supplement is not counted, the date moves after.
        supplement: {
          requestedAt: '2026-05-12T15:40:00+08:00',
          opinion: '平面布局图与现场不符，授权委托书无委托人签字。',
          materials: [{ materialId: 'layout', reason: '平面布局图未标明操作间面积，请重新绘制' }, { materialId: 'auth', reason: null }],
        },
      });
    case 'redirect':
      return buildNotice({
        ...common,
        kind,
        item: { ...foodItem, code: '11210100MB0198765X4000220001', name: '不动产登记（首次登记）', subCenterCode: 'BDC' },
        departmentName: '沈阳市自然资源局',
        marks: {},
        noticeNumber: 'YD2101020320260512001',
        redirect: { name: '沈阳市不动产登记分中心', address: '沈阳市沈河区青年大街100号', phone: '024-23456789', hours: '周一至周五 9:00—17:00' },
      });
  }
}

export const allFixtures = (practice = false) => NOTICE_KINDS.map((k) => fixture(k, practice));
