// Errors a supervisor or trainer reads when a file they import is wrong, in plain Chinese:
// where the JSON breaks (line and column, what is probably wrong there) instead of the
// engine's "Expected double-quoted property name in JSON at position 61", and what a field
// should be instead of zod's "期望 object，实际接收 undefined".
import type { z } from 'zod';

/** Where a JSON.parse failure is, as line and column (1-based), from the engine's message or position. */
function locate(text: string, message: string): { line: number; column: number } | null {
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) return { line: Number(lc[1]), column: Number(lc[2]) };
  const pos = /position (\d+)/.exec(message);
  if (!pos) return null;
  const before = text.slice(0, Number(pos[1]));
  const lines = before.split('\n');
  return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}

const CAUSES: Array<[RegExp, string]> = [
  [/Expected double-quoted property name|Expected property name or '}'/, '此处应是用英文双引号括起的字段名（常见原因：上一项末尾多了逗号，或用了中文引号“”）'],
  [/Expected ',' or '}' after property value/, '字段值后缺少英文逗号或右花括号 }'],
  [/Expected ':' after property name/, '字段名后缺少英文冒号 :'],
  [/Expected ',' or ']' after array element/, '列表元素之间缺少英文逗号，或缺少右方括号 ]'],
  [/Unterminated string/, '文字缺少结尾的英文双引号'],
  [/Bad control character|Bad escaped character/, '文字中有不允许的字符（如直接换行或反斜杠），请用 \\n 表示换行'],
  [/Unexpected end of JSON input/, '文件在此处意外结束（可能不完整，缺少结尾的 } 或 ]）'],
  [/Unexpected non-whitespace character after JSON/, '文件在完整内容之后还有多余的字符'],
  [/Unexpected token/, '此处有不该出现的字符'],
];

/** 「不是有效的 JSON 文件：第 3 行第 5 列附近，此处应是用英文双引号括起的字段名（…）」 */
export function jsonSyntaxMessage(text: string, err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  if (!text.trim()) return '文件是空的';
  const where = locate(text, message);
  const cause = CAUSES.find(([re]) => re.test(message))?.[1] ?? '格式有误';
  let hint = '';
  if (where) {
    const line = text.split('\n')[where.line - 1] ?? '';
    if (/[“”‘’，：]/.test(line)) hint = '；这一行有中文标点（“” ，：），JSON 只认英文标点';
  }
  return `不是有效的 JSON 文件：${where ? `第 ${where.line} 行第 ${where.column} 列附近，` : ''}${cause}${hint}`;
}

const TYPE_NAME: Record<string, string> = {
  object: '一组字段（{…}）', array: '列表（[…]）', string: '文字', number: '数字', int: '整数', boolean: '是/否（true 或 false）',
  null: '空值（null）', undefined: '未填写', nan: '非数字',
};
const typeName = (t: string) => TYPE_NAME[t] ?? t;
function actualType(input: unknown): string {
  if (input === undefined) return 'undefined';
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  return typeof input;
}

/** One zod issue in a sentence a supervisor can act on. */
export function plainIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') {
    const got = actualType(issue.input);
    if (got === 'undefined') return `缺少此项（应填写${typeName(issue.expected)}）`;
    return `应为${typeName(issue.expected)}，文件中是${typeName(got)}`;
  }
  if (issue.code === 'unrecognized_keys') return `有不认识的字段：${issue.keys.join('、')}（请检查拼写）`;
  if (issue.code === 'invalid_value' && 'values' in issue) {
    const values = (issue.values as unknown[]).map((v) => String(v));
    return `取值不在允许范围内，应为其中之一：${values.slice(0, 12).join('、')}${values.length > 12 ? ' 等' : ''}`;
  }
  if (issue.code === 'too_small' || issue.code === 'too_big') {
    const small = issue.code === 'too_small';
    const n = Number(small ? issue.minimum : issue.maximum);
    if (issue.origin === 'string') return small ? (n <= 1 ? '不能为空' : `至少 ${n} 个字`) : `最多 ${n} 个字`;
    if (issue.origin === 'array' || issue.origin === 'set') return small ? `至少 ${n} 项` : `最多 ${n} 项`;
    if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') return small ? `不能小于 ${n}` : `不能大于 ${n}`;
  }
  return issue.message;
}
