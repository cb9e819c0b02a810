// Excel (.xlsx) of the console's tables, written with exceljs: the centre dashboard (one sheet
// per table: 汇总, the groups, 各事项补正率, 问题材料, 超期办件), the 差评整改 list and the
// back-office queues (待认领, 我的 … with the list's filters). Column
// headers and values as the console shows them; rates as numbers formatted as percentages.
import ExcelJS from 'exceljs';
import type { CentreStatsResponse } from '../../shared/sync/centreStats';
import { GROUP_BY_LABEL, type GroupFigures, type MaterialLine, type OverdueLine, type SupplementLine } from '../../shared/stats/centre';
import { DECISION_LABEL, DECISIONS } from '../../shared/domain/checklist';
import { IMMEDIATE_TIERS, TIER_LABEL } from '../../shared/domain/catalogue';
import { RATING_LABEL } from '../../shared/domain/case';
import { RECTIFICATION_LABEL } from '../../shared/domain/rectification';
import type { RectificationView } from '../../shared/sync/rectification';
import type { CaseSummary } from '../../shared/sync/backoffice';
import { CASE_STATUS_LABEL } from '../../shared/domain/case';
import { REVIEW_STATUS_LABEL } from '../../shared/sync/protocol';
import { chinaClock, chinaDay } from '../../shared/time';
import type { Queryable } from '../db/db';
import type { CatalogueStore } from '../catalogue/catalogue';

type Cell = string | number | null;
const PCT = '0.0%';

function sheet(wb: ExcelJS.Workbook, name: string, head: string[], rows: Cell[][], percentColumns: number[] = []) {
  const ws = wb.addWorksheet(name);
  ws.addRow(head).font = { bold: true };
  for (const r of rows) ws.addRow(r);
  head.forEach((h, i) => {
    const col = ws.getColumn(i + 1);
    col.width = Math.max(10, Math.min(40, Math.max(h.length * 2 + 2, ...rows.map((r) => String(r[i] ?? '').length * 2))));
    if (percentColumns.includes(i)) col.numFmt = PCT;
  });
  ws.views = [{ state: 'frozen', ySplit: 1 }];
}

export async function centreWorkbook(d: CentreStatsResponse): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '一窗';
  const name = (kind: string, key: string) => d.names[`${kind}:${key}`] ?? key;
  const total = d.total as unknown as GroupFigures;
  const period = `${d.period.from.slice(0, 10)} 至 ${d.period.to.slice(0, 10)}`;
  sheet(wb, '汇总', ['指标', '数值'], [
    ['统计区间（UTC）', period],
    ['办件', total.decisions.total],
    ['一次性告知率', total.decisions.notifyRate],
    ['容缺受理率', total.decisions.deferralRate],
    ['承诺件按期办结率', total.promised.onTimeRate],
    ['重复跑动率', d.repeat.rate],
    ['好评率', total.ratings.goodRate],
    ['超期办件', d.overdue.length],
  ]);
  (wb.getWorksheet('汇总')!.getColumn(2)).eachCell((c, row) => { if (row >= 4 && row <= 8) c.numFmt = PCT; });
  const groupHead = [GROUP_BY_LABEL[d.groupBy], '办件', ...DECISIONS.map((x) => DECISION_LABEL[x]), ...IMMEDIATE_TIERS.map((t) => `${TIER_LABEL[t]}按时率`), '承诺件按期率', '补正率', '好评率'];
  const groupName = (key: string) => (d.groupBy === 'clerk' ? `工号 ${key}` : name(d.groupBy, key));
  sheet(wb, `按${GROUP_BY_LABEL[d.groupBy]}`, groupHead, (d.groups as unknown as GroupFigures[]).map((g) => [
    groupName(g.key), g.decisions.total, ...DECISIONS.map((x) => g.decisions.byDecision[x]), ...IMMEDIATE_TIERS.map((t) => g.immediate[t].onTimeRate),
    g.promised.onTimeRate, g.supplementRate, g.ratings.goodRate,
  ]), [2 + DECISIONS.length, 3 + DECISIONS.length, 4 + DECISIONS.length, 5 + DECISIONS.length, 6 + DECISIONS.length, 7 + DECISIONS.length]);
  sheet(wb, '各事项补正率', ['事项', '办件', '需补正', '补正率'], (d.supplementByItem as unknown as SupplementLine[]).map((s) => [name('item', s.key), s.cases, s.supplements, s.rate]), [3]);
  sheet(wb, '问题材料', ['材料', '事项', '收件', '缺失/不合格/容缺', '比例'], (d.failingMaterials as unknown as MaterialLine[]).map((m) => [
    name('material', `${m.itemCode}:${m.materialId}`), name('item', m.itemCode), m.cases, m.failed, m.rate,
  ]), [4]);
  sheet(wb, '超期办件', ['受理编号', '事项', '中心', '承诺办结日期', '超期工作日'], (d.overdue as unknown as OverdueLine[]).map((o) => [
    o.caseNumber, name('item', o.itemCode), name('office', o.officeCode), o.promisedDate, o.daysOverdue,
  ]));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function rectificationWorkbook(rows: RectificationView[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '一窗';
  sheet(wb, '差评整改', ['受理编号', '事项', '窗口', '窗口人员', '评价', '原因', '意见', '登记日期', '整改期限', '整改情况', '整改措施', '回访'], rows.map((r) => [
    r.caseNumber, r.itemName ?? r.itemCode, r.windowCode, r.clerkStaffNo, RATING_LABEL[r.level], r.reasons.map((x) => x.text).join('、'), r.comment, r.openedOn, r.deadline,
    `${RECTIFICATION_LABEL[r.standing]}${r.doneLate ? '（超期完成）' : ''}`, r.measures, r.revisit ? (r.revisit.satisfied ? '满意' : '仍不满意') : null,
  ]));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Names of offices and departments, to write them instead of codes. */
export async function directoryNames(db: Queryable, catalogue: CatalogueStore): Promise<{ office: (code: string) => string; department: (code: string | null) => string }> {
  const [{ rows }, latest] = await Promise.all([db.query<{ code: string; name: string }>('SELECT code, name FROM offices'), catalogue.latest()]);
  const offices = new Map(rows.map((o) => [o.code, o.name]));
  const depts = new Map((latest?.departments ?? []).map((d) => [d.code, d.name]));
  return { office: (c) => offices.get(c) ?? c, department: (c) => (c ? (depts.get(c) ?? c) : '未归属部门') };
}

const clockText = (k: CaseSummary['clock']): string | null => {
  if (!k || k.band === 'none' || !k.due) return null;
  const left = k.workingDaysLeft ?? 0;
  return k.band === 'paused' ? '已挂起（计时暂停）' : k.band === 'overdue' ? `已超时 ${Math.max(1, -left)} 个工作日` : left === 0 ? '今日到期' : `剩 ${left} 个工作日`;
};
const at = (iso: string) => `${chinaDay(new Date(iso))} ${chinaClock(iso).slice(0, 5)}`;

/** One back-office queue as the console lists it (newest first). */
/** `cutAt`: the queue held more than this many cases; the sheet ends with a line saying so. */
export async function queueWorkbook(queueName: string, cases: readonly CaseSummary[], names: Awaited<ReturnType<typeof directoryNames>>, cutAt?: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '一窗';
  sheet(wb, queueName, ['受理编号', '事项', '部门', '中心', '受理状态', '审批状态', '承诺办结日期', '时限', '认领', '窗口受理时间'], cases.map((c) => [
    c.caseNumber, c.itemName ?? c.itemCode, names.department(c.departmentCode), names.office(c.officeCode),
    c.status === 'opened' ? '受理中（窗口决定未上传）' : CASE_STATUS_LABEL[c.status],
    `${c.reviewStatus ? REVIEW_STATUS_LABEL[c.reviewStatus] : '待审批'}${c.suspended ? '（已挂起）' : ''}`,
    c.clock?.due ?? null, clockText(c.clock), c.claim ? c.claim.name : null, at(c.createdDeviceTime),
  ]));
  if (cutAt !== undefined) wb.getWorksheet(queueName)!.addRow([truncationNote(cutAt)]).font = { bold: true, color: { argb: 'FFC00000' } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const truncationNote = (n: number) => `仅导出了最新的 ${n} 件；队列中还有更早的办件，请缩小筛选范围（如按日期或事项）后分次导出。`;

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const attachment = (ascii: string, chinese: string) => `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(chinese)}`;
