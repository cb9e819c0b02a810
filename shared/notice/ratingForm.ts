// The paper 政务服务评价表 (A4) for grassroots points without a 评价器: the five levels and the
// centre's coded reasons per class, each with a box, so what the applicant ticks on paper is
// exactly what the clerk later enters (补录纸质评价, with the date the applicant wrote).
// Self-contained HTML like the notices (fonts passed in).
import { escapeHtml as esc } from './render';
import { RATING_CLASS, RATING_CLASSES, RATING_CLASS_LABEL, type RatingReason } from '../domain/ratingReasons';
import { RATING_LEVELS } from '../domain/caseEvents';

const LEVEL_LABEL: Record<(typeof RATING_LEVELS)[number], string> = {
  verySatisfied: '非常满意', satisfied: '满意', basicallySatisfied: '基本满意', dissatisfied: '不满意', veryDissatisfied: '非常不满意',
};

export interface RatingFormSheet {
  officeName: string;
  windowName: string;
  caseNumber: string;
  itemName: string;
  clerk: { name: string; staffNo: string };
  /** China-time day of the visit (the decision), e.g. 2026年12月1日. */
  visitDay: string;
  reasons: readonly RatingReason[];
  practice: boolean;
}

const TITLE = '政务服务评价表';
const INTRO = '请在所选评价等级和原因前的方框内打“√”。评价为不满意或非常不满意的，请至少选择一项原因。';
const FOOT = ['评价人签字：', '联系电话：', '评价日期：　　　年　　月　　日'];
const BOX = '□';

/** Every visible text of the form (the fonts embedded need exactly these glyphs). */
export function ratingFormText(s: RatingFormSheet): string {
  return [TITLE, INTRO, ...FOOT, BOX, s.officeName, s.windowName, s.caseNumber, s.itemName, s.clerk.name, s.clerk.staffNo, s.visitDay,
    ...Object.values(LEVEL_LABEL), ...Object.values(RATING_CLASS_LABEL), ...s.reasons.flatMap((r) => [r.code, r.text]),
    '办件编号事项工作人员工号办事日期评价等级原因意见或建议（可不填）练习模式不具效力0123456789（）：·、'].join('');
}

export function renderRatingFormHtml(s: RatingFormSheet, fontCss: string): string {
  const levelsOf = (c: (typeof RATING_CLASSES)[number]) => RATING_LEVELS.filter((l) => RATING_CLASS[l] === c).map((l) => `<span class="opt">${BOX} ${LEVEL_LABEL[l]}</span>`).join('');
  const block = (c: (typeof RATING_CLASSES)[number]) => {
    const reasons = s.reasons.filter((r) => r.ratingClass === c);
    return `<section><h2>${RATING_CLASS_LABEL[c]}：${levelsOf(c)}</h2><div class="reasons">${reasons
      .map((r) => `<div class="reason">${BOX} <span class="code">${esc(r.code)}</span> ${esc(r.text)}</div>`)
      .join('')}</div></section>`;
  };
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${TITLE}</title><style>${fontCss}
@page { size: 210mm 297mm; margin: 15mm 15mm; }
body { font-family: 'Noto Serif SC', serif; font-size: 11pt; color: #000; margin: 0; }
h1 { font-size: 18pt; text-align: center; margin: 0 0 5mm; letter-spacing: 2mm; }
.facts { display: grid; grid-template-columns: 1fr 1fr; gap: 1.5mm 6mm; border: 0.3mm solid #000; padding: 3mm; margin-bottom: 4mm; }
.intro { margin: 0 0 4mm; }
section { border: 0.3mm solid #000; padding: 3mm; margin-bottom: 3mm; }
h2 { font-size: 12pt; margin: 0 0 2mm; }
.opt { font-weight: 400; margin-left: 6mm; }
.reasons { display: grid; grid-template-columns: 1fr 1fr; gap: 1.5mm 6mm; }
.code { font-family: 'Noto Sans SC', sans-serif; font-size: 9pt; color: #333; }
.comment { border: 0.3mm solid #000; height: 28mm; padding: 3mm; margin-bottom: 6mm; }
.foot { display: flex; justify-content: space-between; }
.practice { color: #c00; font-weight: 700; text-align: center; }
</style></head><body>
${s.practice ? '<div class="practice">练习模式 · 不具效力</div>' : ''}<h1>${TITLE}</h1>
<div class="facts"><span>${esc(s.officeName)} · ${esc(s.windowName)}</span><span>办件编号：${esc(s.caseNumber)}</span><span>事项：${esc(s.itemName)}</span><span>工作人员：${esc(s.clerk.name)}（工号 ${esc(s.clerk.staffNo)}）</span><span>办事日期：${esc(s.visitDay)}</span></div>
<p class="intro">${INTRO}</p>
${RATING_CLASSES.map(block).join('\n')}
<div class="comment">意见或建议（可不填）：</div>
<div class="foot">${FOOT.map((f) => `<span>${f}</span>`).join('')}</div>
</body></html>`;
}
