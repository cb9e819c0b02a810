// The printable 交接班 sheet (A4): the window's open cases with what each waits for, so the next
// shift knows what it takes over. Self-contained HTML like the notices (fonts passed in).
import type { HandoverLine } from './window';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export interface HandoverSheet {
  officeName: string;
  windowName: string;
  clerk: { name: string; staffNo: string };
  /** China-time text of when it was printed, e.g. 2026年12月1日 17:30. */
  printedAt: string;
  lines: HandoverLine[];
  practice: boolean;
}

/** Every visible text of the sheet (the fonts embedded need exactly these glyphs). */
export function handoverText(s: HandoverSheet): string {
  return [TITLE, s.officeName, s.windowName, s.clerk.name, s.clerk.staffNo, s.printedAt, ...HEAD, ...s.lines.flatMap((l) => [l.caseNumber, l.itemName, l.applicantName, l.status, l.waitingFor, l.due ?? '']), FOOT, EMPTY, '0123456789共件（）：·—'].join('');
}

const TITLE = '窗口交接班清单';
const HEAD = ['序号', '办件编号', '事项', '申请人', '状态', '等待', '期限'];
const FOOT = '交班人签字：　　　　　　接班人签字：　　　　　　';
const EMPTY = '本窗口没有未办结的办件。';

export function renderHandoverHtml(s: HandoverSheet, fontCss: string): string {
  const rows = s.lines
    .map(
      (l, i) =>
        `<tr class="${l.urgent ? 'urgent' : ''}"><td>${i + 1}</td><td class="num">${esc(l.caseNumber)}</td><td>${esc(l.itemName)}</td><td>${esc(l.applicantName)}</td><td>${esc(l.status)}</td><td>${esc(l.waitingFor)}</td><td>${esc(l.due ?? '—')}</td></tr>`,
    )
    .join('');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${TITLE}</title><style>${fontCss}
@page { size: 210mm 297mm; margin: 15mm 12mm; }
body { font-family: 'Noto Serif SC', serif; font-size: 10.5pt; color: #000; margin: 0; }
h1 { font-size: 16pt; text-align: center; margin: 0 0 4mm; }
.meta { display: flex; justify-content: space-between; margin-bottom: 3mm; }
table { width: 100%; border-collapse: collapse; }
th, td { border: 0.3mm solid #000; padding: 1.5mm 2mm; text-align: left; vertical-align: top; }
th { font-weight: 700; background: #eee; }
td.num { font-family: 'Noto Sans SC', sans-serif; white-space: nowrap; font-size: 9pt; }
tr.urgent td { font-weight: 700; }
.foot { margin-top: 10mm; }
.practice { color: #c00; font-weight: 700; text-align: center; }
</style></head><body>
${s.practice ? '<div class="practice">练习模式 · 不具效力</div>' : ''}<h1>${TITLE}</h1>
<div class="meta"><span>${esc(s.officeName)} · ${esc(s.windowName)}</span><span>交班人：${esc(s.clerk.name)}（${esc(s.clerk.staffNo)}）</span><span>${esc(s.printedAt)}</span></div>
${s.lines.length ? `<table><thead><tr>${HEAD.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>${rows}</tbody></table><p>共 ${s.lines.length} 件（加粗者须优先处理）</p>` : `<p>${EMPTY}</p>`}
<div class="foot">${FOOT}</div>
</body></html>`;
}
