// Imported files in plain Chinese: JSON syntax errors located by line and column with the
// likely cause, schema errors saying what a field should be, GBK/GB18030 and UTF-16 files
// decoded, and what a catalogue import would change.
import { describe, expect, it } from 'vitest';
import { decodeTextFile } from '../../shared/text/decodeFile';
import { jsonSyntaxMessage } from '../../shared/text/plainErrors';
import { parseCatalogueJson } from '../../shared/catalogue/validate';
import { catalogueDiff } from '../../shared/catalogue/diff';
import { parsePack } from '../../shared/practice/scenario';
import { testCatalogue } from '../fixtures/catalogue';
import { demoCatalogue } from '../../shared/demo/catalogue';
import { encodeGbk } from '../helpers/gbk';

const syntax = (text: string) => {
  try {
    JSON.parse(text);
  } catch (e) {
    return jsonSyntaxMessage(text, e);
  }
  throw new Error('parsed');
};

describe('JSON syntax errors', () => {
  it('a trailing comma is located and explained, without the engine\'s English', () => {
    const m = syntax('{\n  "version": 2,\n  "items": [],\n}');
    expect(m).toBe('不是有效的 JSON 文件：第 4 行第 1 列附近，此处应是用英文双引号括起的字段名（常见原因：上一项末尾多了逗号，或用了中文引号“”）');
  });
  it('Chinese quotes and commas are pointed out; an empty or cut file says so', () => {
    expect(syntax('{\n“version”：2}')).toContain('这一行有中文标点');
    expect(syntax('')).toBe('文件是空的');
    expect(syntax('{"items": [')).toContain('意外结束');
    for (const bad of ['{"a" 1}', '[1 2]', '{"a": "x', '{"a":1} x']) {
      expect(syntax(bad)).not.toMatch(/Expected|Unexpected|position|token/);
      expect(syntax(bad)).not.toContain('格式有误'); // each has its own cause
    }
  });
});

describe('schema errors', () => {
  it('a missing or mistyped field says what it should be (no "期望 object，实际接收 undefined")', () => {
    const r = parseCatalogueJson(JSON.stringify({ schemaVersion: 1, version: '2', items: {} }));
    expect(r.ok).toBe(false);
    const reasons = !r.ok ? r.errors.map((e) => `${e.field}: ${e.reason}`) : [];
    expect(reasons.join('\n')).not.toMatch(/期望|实际接收|undefined|object/);
    expect(reasons).toContain('version: 应为数字，文件中是文字');
    expect(reasons).toContain('items: 应为列表（[…]），文件中是一组字段（{…}）');
    expect(reasons.some((x) => /^departments: 缺少此项/.test(x))).toBe(true);
  });
  it('a practice pack too', () => {
    const r = parsePack('{"id":"p1"}', demoCatalogue);
    expect(r.ok).toBe(false);
    if (!r.ok) for (const e of r.errors) expect(e.message).not.toMatch(/期望|实际接收|undefined/);
    const broken = parsePack('{"id": "p1",}', demoCatalogue);
    expect(!broken.ok && broken.errors[0].reason).toMatch(/^不是有效的 JSON 文件：第 1 行/);
  });
});

describe('file encodings', () => {
  const text = JSON.stringify({ name: '食品经营许可（新办）', note: '沈阳市浑南区' });
  it('GBK, UTF-8 with and without BOM and UTF-16 all decode to the same text', () => {
    expect(decodeTextFile(encodeGbk(text))).toEqual({ text, encoding: 'gb18030' });
    expect(decodeTextFile(Buffer.from(text, 'utf8'))).toEqual({ text, encoding: 'utf-8' });
    expect(decodeTextFile(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])).text).toBe(text);
    expect(decodeTextFile(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])).text).toBe(text);
  });
  it('a catalogue saved with a BOM still parses', () => {
    expect(parseCatalogueJson('\ufeff' + JSON.stringify(testCatalogue)).ok).toBe(true);
  });
});

describe('what a catalogue import changes', () => {
  it('added, changed (with the fields) and removed items, and other parts', () => {
    const next = structuredClone(testCatalogue);
    next.version += 1;
    next.items = next.items.filter((i) => i.code !== 'T0000000003');
    next.items[0] = { ...next.items[0], name: '无犯罪记录证明开具（新版）', promisedDays: 1 };
    next.items.push({ ...next.items[1], code: 'T0000000009', name: '小餐饮登记' });
    next.departments = [...next.departments, { code: 'ZZ', name: '新部门' }];
    const d = catalogueDiff(testCatalogue, next);
    expect(d).toMatchObject({ fromVersion: testCatalogue.version, toVersion: testCatalogue.version + 1, otherChanges: ['部门'] });
    expect(d.added).toEqual([{ code: 'T0000000009', name: '小餐饮登记' }]);
    expect(d.removed.map((r) => r.code)).toEqual(['T0000000003']);
    expect(d.changed).toEqual([{ code: 'T0000000001', name: '无犯罪记录证明开具（新版）', fields: ['name', 'promisedDays'] }]);
    expect(catalogueDiff(testCatalogue, testCatalogue)).toMatchObject({ added: [], changed: [], removed: [], otherChanges: [] });
    // The store lists parts by code and writes keys in its own order: neither is a change.
    const reordered = JSON.parse(JSON.stringify(testCatalogue, (_k, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v)));
    reordered.departments.reverse();
    expect(catalogueDiff(testCatalogue, reordered)).toMatchObject({ added: [], changed: [], removed: [], otherChanges: [] });
  });
});
