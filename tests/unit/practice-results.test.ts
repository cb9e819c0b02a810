import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { demoCatalogue } from '../../shared/demo/catalogue';
import { builtinPack } from '../../shared/practice/builtinPack';
import { BOM, csvBytes, csvCell, resultsCsv, toCsv } from '../../shared/practice/csv';
import { aggregateResults, ClassSession, describeMistakes, sessionErrors, type AttemptRecord } from '../../shared/practice/results';
import { Scenario, ScenarioPack } from '../../shared/practice/scenario';
import { modelAttempt, scoreAttempt } from '../../shared/practice/scoring';

/** RFC 4180 reader, enough to check what Excel will see. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += c;
  }
  expect(cell).toBe('');
  expect(row).toEqual([]);
  return rows;
}

const scenarios = builtinPack.scenarios.map((s) => Scenario.parse(s));
const itemOf = (s: Scenario) => demoCatalogue.items.find((i) => i.code === s.itemCode)!;

function attempt(staffNo: string, name: string, scenarioId: string, at: string, mistake?: 'decision' | 'time'): AttemptRecord {
  const s = scenarios.find((x) => x.id === scenarioId)!;
  const a = modelAttempt(s, itemOf(s));
  if (mistake === 'decision') {
    a.decision = 'refuse';
    a.noticeKind = 'refusal';
  }
  if (mistake === 'time') a.elapsedSeconds = s.expected.timeTargetSeconds * 1.5;
  return { trainee: { staffNo, name }, scenarioId, scenarioTitle: s.title, at, result: scoreAttempt(s, itemOf(s), a) };
}

describe('results by trainee and scenario', () => {
  const records = [
    attempt('A002', '王小雨', 'lx-16', '2026-03-02T09:00:00+08:00', 'decision'),
    attempt('A001', '李晓明', 'lx-01', '2026-03-02T09:10:00+08:00', 'time'),
    attempt('A002', '王小雨', 'lx-16', '2026-03-02T09:20:00+08:00'),
    attempt('A002', '王小雨', 'lx-16', '2026-03-02T09:15:00+08:00', 'decision'),
    attempt('A001', '李晓明', 'lx-01', '2026-03-02T09:30:00+08:00', 'time'),
    attempt('A001', '李晓明', 'lx-16', '2026-03-02T09:40:00+08:00', 'decision'),
  ];

  it('counts attempts, best and latest score, and the most frequent mistakes', () => {
    const rows = aggregateResults(records);
    expect(rows.map((r) => [r.trainee.staffNo, r.scenarioId, r.attempts, r.bestScore, r.latestScore, r.passed])).toEqual([
      ['A001', 'lx-16', 1, 70, 70, false],
      ['A001', 'lx-01', 2, 95, 95, true],
      ['A002', 'lx-16', 3, 100, 100, true],
    ]);
    const wang = rows[2];
    expect(wang.commonMistakes[0]).toEqual({ key: 'decision', label: '受理决定', count: 2 });
    expect(describeMistakes(rows[1].commonMistakes)).toBe('用时（2次）');
  });

  it('exports CSV that Excel opens: BOM, CRLF, the screen\'s columns with 通过/未通过', () => {
    const csv = resultsCsv(aggregateResults(records));
    const bytes = csvBytes(csv);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/\n/);
    const rows = readCsv(csv.slice(BOM.length));
    expect(rows[0]).toEqual(['学员', '工号', '场景', '练习次数', '最高分', '最近得分', '结果', '常见失误']);
    expect(rows[3]).toEqual(['王小雨', 'A002', scenarios.find((s) => s.id === 'lx-16')!.title, '3', '100', '100', '通过', '受理决定（2次）']);
  });

  it('quotes commas, quotes and line breaks and defuses formulas', () => {
    expect(csvCell('张三,李四')).toBe('"张三,李四"');
    expect(csvCell('他说"好"')).toBe('"他说""好"""');
    expect(csvCell('第一行\n第二行')).toBe('"第一行\n第二行"');
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    for (const c of ['=', '+', '-', '@']) expect(csvCell(`${c}1+1`)).toBe(`'${c}1+1`);
    expect(csvCell(-5)).toBe('-5');
  });

  it('round-trips any text through quoting (formula cells come back with their guard)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ unit: 'grapheme' }), { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 6 }), (table) => {
        const back = readCsv(toCsv(table).slice(BOM.length));
        expect(back).toEqual(table.map((r) => r.map((c) => (/^[=+\-@\t\r]/.test(c) ? `'${c}` : c))));
      }),
      { numRuns: 300 },
    );
  });
});

describe('class sessions', () => {
  const pack = ScenarioPack.parse(builtinPack);

  it('is an ordered list of distinct scenarios of one pack', () => {
    const session = ClassSession.parse({ id: 's1', title: '新员工第一课', packId: 'builtin', scenarioIds: ['lx-01', 'lx-05', 'lx-08'] });
    expect(sessionErrors(session, pack)).toEqual([]);
    expect(sessionErrors({ ...session, scenarioIds: ['lx-01', 'lx-99'] }, pack)).toEqual(['场景包中没有场景 lx-99']);
  });

  it('refuses an empty or repeating session with a Chinese reason', () => {
    const empty = ClassSession.safeParse({ id: 's1', title: '空课程', packId: 'builtin', scenarioIds: [] });
    expect(empty.success ? '' : empty.error.issues[0].message).toBe('课程至少包含一个场景');
    const twice = ClassSession.safeParse({ id: 's1', title: '重复', packId: 'builtin', scenarioIds: ['lx-01', 'lx-01'] });
    expect(twice.success ? '' : twice.error.issues[0].message).toBe('课程中的场景不能重复');
  });
});
