// Excel (.xlsx) of the window's tables, written with exceljs on the workstation (offline, like
// everything at the window): 今日办件, 交接班, and the window's own dashboard (窗口统计, one
// sheet per table: 汇总, 各类决定, 立等可取, 好差评, 容缺待补正, 本窗口差评). Each sheet is built
// from the very result the screen's handler returns, so the workbook holds what the clerk sees;
// rates are numbers formatted as percentages, as in the centre's exports (server/backoffice/statsExport.ts).
import ExcelJS from 'exceljs';
import type { CaseSummary } from '../../shared/domain/case';
import { CASE_STATUS_LABEL, RATING_LABEL, RATING_LEVELS } from '../../shared/domain/case';
import { DECISION_LABEL, DECISIONS } from '../../shared/domain/checklist';
import { IMMEDIATE_TIERS, TIER_LABEL, TIER_MINUTES } from '../../shared/domain/catalogue';
import { RECTIFICATION_LABEL } from '../../shared/domain/rectification';
import { REVIEW_STATUS_LABEL } from '../../shared/sync/protocol';
import type { BadRatingLine } from '../../shared/stats/badRatings';
import { WINDOW_PERIOD_LABEL, type HandoverLine, type WindowDashboard } from '../../shared/stats/window';
import { chinaClock, chinaDay } from '../../shared/time';

type Cell = string | number | null;
export interface Sheet {
  name: string; head: string[]; rows: Cell[][];
  percentColumns?: number[];
  /** Single cells shown as percentages: [data row, column], both from 0. */
  percentCells?: Array<[number, number]>;
}

const PCT = '0.0%';
const when = (iso: string | null) => (iso ? `${chinaDay(new Date(iso))} ${chinaClock(iso).slice(0, 5)}` : null);
const minutes = (s: number | null) => (s === null ? null : Math.round(s / 6) / 10);

export async function workbook(sheets: readonly Sheet[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '一窗';
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    ws.addRow(s.head).font = { bold: true };
    for (const r of s.rows) ws.addRow(r);
    s.head.forEach((h, i) => {
      const col = ws.getColumn(i + 1);
      col.width = Math.max(10, Math.min(40, Math.max(h.length * 2 + 2, ...s.rows.map((r) => String(r[i] ?? '').length * 2))));
      if (s.percentColumns?.includes(i)) col.numFmt = PCT;
    });
    for (const [r, c] of s.percentCells ?? []) ws.getRow(r + 2).getCell(c + 1).numFmt = PCT;
    ws.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** 今日办件 as listed (case.queue). */
export function queueSheet(cases: readonly CaseSummary[]): Sheet {
  return {
    name: '今日办件',
    head: ['办件编号', '事项', '申请人', '决定', '状态', '审批状态', '受理时间', '承诺办结日期', '补正期限', '办结时间', '用时（分钟）', '已评价'],
    rows: cases.map((c) => [
      c.caseNumber, c.itemName, c.applicantName, DECISION_LABEL[c.decision], CASE_STATUS_LABEL[c.status],
      c.reviewStatus ? ((REVIEW_STATUS_LABEL as Record<string, string>)[c.reviewStatus] ?? c.reviewStatus) : null,
      when(c.acceptedAt), c.promisedDate, c.supplementDeadline, when(c.completedAt), minutes(c.elapsedSeconds), c.rated ? '是' : '否',
    ]),
  };
}

/** 交接班: the open cases with what each waits for (stats.handover). */
export function handoverSheet(lines: readonly HandoverLine[]): Sheet {
  return {
    name: '交接班清单',
    head: ['办件编号', '事项', '申请人', '状态', '等待事项', '期限', '紧急'],
    rows: lines.map((l) => [l.caseNumber, l.itemName, l.applicantName, l.status, l.waitingFor, l.due, l.urgent ? '是' : '']),
  };
}

const standingText = (l: BadRatingLine) => (l.standing === 'unregistered' ? '待中心登记' : `${RECTIFICATION_LABEL[l.standing]}${l.doneLate ? '（超期）' : ''}`);

/** 窗口统计 (stats.window and stats.badRatings): every table of the screen. */
export function windowStatsSheets(d: WindowDashboard, bad: readonly BadRatingLine[]): Sheet[] {
  const label = WINDOW_PERIOD_LABEL[d.period];
  return [
    {
      name: '汇总', head: ['指标', '数值'], percentCells: [[2, 1], [3, 1], [6, 1]],
      rows: [
        ['统计区间', `${label}（${when(d.from)} 至 ${when(new Date(Date.parse(d.to) - 1).toISOString())}）`],
        [`${label}办件`, d.decisions.total],
        ['一次性告知率', d.decisions.notifyRate],
        ['容缺受理率', d.decisions.deferralRate],
        ['平均受理用时（分钟）', minutes(d.intakeSeconds)],
        ['已评价', d.ratings.rated],
        ['好评率', d.ratings.goodRate],
      ],
    },
    { name: '各类决定', head: ['决定', '办件'], rows: DECISIONS.map((x) => [DECISION_LABEL[x], d.decisions.byDecision[x]]) },
    {
      name: '立等可取', head: ['档次', '办件', '按时', '超时', '办理中', '按时率', '平均用时（分钟）'], percentColumns: [5],
      rows: IMMEDIATE_TIERS.map((t) => {
        const f = d.immediate[t];
        return [`${TIER_LABEL[t]}（${TIER_MINUTES[t]} 分钟）`, f.cases, f.onTime, f.late, f.open, f.onTimeRate, minutes(f.avgSeconds)];
      }),
    },
    { name: '好差评', head: ['评价', '件数'], rows: RATING_LEVELS.map((l) => [RATING_LABEL[l], d.ratings.byLevel[l]]) },
    {
      name: '容缺待补正', head: ['办件编号', '申请人', '事项', '补正期限', '情况'],
      rows: d.supplementsDue.map((s) => [s.caseNumber, s.applicantName, s.itemName, s.deadline, s.overdue ? '已逾期' : s.dueSoon ? '即将到期' : '']),
    },
    {
      name: '本窗口差评', head: ['办件编号', '事项', '评价', '原因', '意见', '整改情况', '整改期限', '整改措施', '回访'],
      rows: bad.map((l) => [
        l.caseNumber, l.itemName, RATING_LABEL[l.level], l.reasons.join('、'), l.comment, standingText(l), l.rectification?.deadline ?? null,
        l.rectification?.measures ?? null, l.rectification?.revisit ? (l.rectification.revisit.satisfied ? '申请人满意' : '申请人仍不满意') : null,
      ]),
    },
  ];
}
