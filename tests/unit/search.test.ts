import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSearchIndex, type SearchRow } from '../../shared/search/index';
import { searchKeys } from '../../shared/search/keys';

interface Seed {
  code: string;
  name: string;
  keywords?: string[];
}

const seeds: Seed[] = [
  { code: '21010000013112700401', name: '食品经营许可', keywords: ['开饭馆', '开超市'] },
  { code: '21010000013112700402', name: '食品经营许可注销' },
  { code: '21010000013112700601', name: '个体工商户登记', keywords: ['开店', '营业执照'] },
  { code: '21010000021400100101', name: '社会保险登记', keywords: ['社保'] },
  { code: '21010000021400100201', name: '社会保险参保缴费记录查询' },
  { code: '21010000021400300101', name: '城乡居民养老保险参保登记' },
  { code: '21010000011300200101', name: '无犯罪记录证明开具', keywords: ['开证明', '无犯罪证明'] },
  { code: '21010000099900100101', name: '中国银行账户代发工资信息变更' },
  { code: '21010000099900100201', name: '银行业金融机构网点设立备案' },
  { code: '21010000099900200101', name: '重庆籍人员社会保险关系转移' },
  { code: '21010000099900300101', name: '会计从业人员信息采集' },
  { code: '21010000099900400101', name: '朝阳区居住证签注' },
  { code: '21010000099900500101', name: '长春市户籍迁入证明' },
  { code: '21010000099900600101', name: '保安员证核发' },
  { code: '21010000099900700101', name: '律师执业年度考核结果备案' },
  { code: '21010000099900800101', name: '残疾人证' },
];

const rowOf = (s: Seed): SearchRow => {
  const keywords = s.keywords ?? [];
  const keys = searchKeys({ name: s.name, keywords });
  return {
    code: s.code,
    name: s.name,
    keywords,
    departmentName: '市市场监督管理局',
    immediateTier: null,
    subCenterCode: null,
    levels: ['city'],
    initials: keys.initials,
    pinyin: keys.pinyin,
  };
};

const index = createSearchIndex(seeds.map(rowOf));
const names = (q: string, limit = 20, usage?: Map<string, number>) => index.search(q, { limit, usage }).map((h) => h.name);

describe('searchKeys', () => {
  it('keeps every reading of a polyphone, the one used in context first', () => {
    expect(searchKeys({ name: '中国银行', keywords: [] }).pinyin).toMatch(/^zhong guo yin hang\|/);
    expect(searchKeys({ name: '重庆', keywords: [] }).pinyin).toContain('chong');
    expect(searchKeys({ name: '会计', keywords: [] }).pinyin).toMatch(/kuai/);
    expect(searchKeys({ name: '成长', keywords: [] }).initials).toBe('c z|c');
  });

  it('adds the keys of each keyword after the name', () => {
    const keys = searchKeys({ name: '食品经营许可', keywords: ['开饭馆'] });
    expect(keys.pinyin.split(',')[1]).toBe('kai fan guan');
    expect(keys.initials.split(',')[0].replaceAll(/\|[a-z]/g, '').replaceAll(' ', '')).toBe('spjyxk');
  });
});

describe('item search', () => {
  it('finds by a Chinese substring, including one or two characters', () => {
    expect(names('社保')).toEqual(expect.arrayContaining(['社会保险登记', '社会保险参保缴费记录查询', '重庆籍人员社会保险关系转移']));
    expect(names('证')).toEqual(expect.arrayContaining(['无犯罪记录证明开具', '保安员证核发', '残疾人证', '朝阳区居住证签注']));
    expect(names('养老保险')[0]).toBe('城乡居民养老保险参保登记');
  });

  it('ranks exact name, then name prefix, then a match further in', () => {
    expect(names('残疾人证')[0]).toBe('残疾人证');
    expect(names('食品经营许可')).toEqual(['食品经营许可', '食品经营许可注销']);
    expect(names('保险').slice(0, 2)).toEqual(['社会保险登记', '社会保险参保缴费记录查询']);
  });

  it('finds by pinyin initials, full pinyin with or without spaces, and mixed', () => {
    expect(names('spjyxk')[0]).toBe('食品经营许可');
    expect(index.search('spjyxk', { limit: 1 })[0].matchedBy).toBe('initials');
    expect(names('shipin')[0]).toBe('食品经营许可');
    expect(names('shipinjingying')[0]).toBe('食品经营许可');
    expect(names('shi pin jing ying')[0]).toBe('食品经营许可');
    expect(index.search('shipin', { limit: 1 })[0].matchedBy).toBe('pinyin');
    expect(names('shipjyxk')[0]).toBe('食品经营许可');
    expect(names('gtgshdj')).toEqual(['个体工商户登记']);
    expect(names('wfzjlzm')[0]).toBe('无犯罪记录证明开具');
  });

  it('matches polyphones the way a clerk says them', () => {
    expect(names('zhongguoyinhang')).toContain('中国银行账户代发工资信息变更');
    expect(names('yinhang')).toEqual(expect.arrayContaining(['中国银行账户代发工资信息变更', '银行业金融机构网点设立备案']));
    expect(names('chongqing')).toContain('重庆籍人员社会保险关系转移');
    expect(names('cqjry')).toContain('重庆籍人员社会保险关系转移');
    expect(names('kuaiji')).toContain('会计从业人员信息采集');
    expect(names('chaoyang')).toContain('朝阳区居住证签注');
    expect(names('changchun')).toContain('长春市户籍迁入证明');
    expect(names('lvshi')).toContain('律师执业年度考核结果备案');
  });

  it('finds by 实施编码 prefix or a substring of it', () => {
    expect(names('21010000011300200101')).toEqual(['无犯罪记录证明开具']);
    expect(names('210100000213')).toEqual([]);
    expect(names('2101000002140010')).toEqual(['社会保险登记', '社会保险参保缴费记录查询']);
    expect(names('0099900700')).toEqual(['律师执业年度考核结果备案']);
    expect(index.search('2101000001131127', { limit: 5 }).every((h) => h.matchedBy === 'code')).toBe(true);
  });

  it('finds by colloquial keywords, below name matches', () => {
    expect(names('开饭馆')).toEqual(['食品经营许可']);
    expect(index.search('开饭馆', { limit: 1 })[0].matchedBy).toBe('keyword');
    expect(names('kaifanguan')).toEqual(['食品经营许可']);
    const open = names('开');
    expect(open[0]).toBe('无犯罪记录证明开具');
    expect(open).toEqual(expect.arrayContaining(['食品经营许可', '个体工商户登记']));
  });

  it('puts what this window uses most first among equal matches', () => {
    const plain = names('登记');
    expect(plain[0]).toBe('社会保险登记');
    const usage = new Map([[seeds[5].code, 40], [seeds[2].code, 3]]);
    expect(names('登记', 20, usage).slice(0, 3)).toEqual(['城乡居民养老保险参保登记', '个体工商户登记', '社会保险登记']);
    // usage never lifts an item above a better kind of match
    expect(names('食品经营许可', 20, new Map([[seeds[1].code, 99]]))[0]).toBe('食品经营许可');
    expect(names('bx', 20, new Map([[seeds[9].code, 5]]))[0]).toBe('重庆籍人员社会保险关系转移');
  });

  it('normalises full-width input, case and spaces', () => {
    expect(names('ＳＰＪＹＸＫ')[0]).toBe('食品经营许可');
    expect(names('SpJyXk')[0]).toBe('食品经营许可');
    expect(names('２１０１０００００１１３００２００１０１')).toEqual(['无犯罪记录证明开具']);
    expect(names(' 社会 保险 ')[0]).toBe('社会保险登记');
  });

  it('returns nothing for an empty query and respects the limit', () => {
    expect(index.search('', { limit: 10 })).toEqual([]);
    expect(index.search('   ', { limit: 10 })).toEqual([]);
    expect(index.search('证', { limit: 2 })).toHaveLength(2);
    expect(index.search('2101', { limit: 3 })).toHaveLength(3);
    expect(index.search('s', { limit: 1 })).toHaveLength(1);
  });

  it('returns the summary the contract promises', () => {
    const [hit] = index.search('残疾人证', { limit: 1 });
    expect(hit).toEqual({
      code: '21010000099900800101',
      name: '残疾人证',
      departmentName: '市市场监督管理局',
      immediateTier: null,
      subCenterCode: null,
      levels: ['city'],
      matchedBy: 'name',
    });
  });

  it('finds an item by any substring of its name (property)', () => {
    const han = fc.constantFrom(...'食品经营许可证个体工商户登记社会保险城乡居民养老无犯罪记录明开具银行重庆会计朝阳长春'.split(''));
    fc.assert(
      fc.property(
        fc.array(fc.array(han, { minLength: 1, maxLength: 12 }).map((cs) => cs.join('')), { minLength: 1, maxLength: 30 }),
        fc.nat(),
        fc.nat(),
        fc.nat(),
        (generated, pick, a, b) => {
          const rows = generated.map((name, i) => rowOf({ code: `CODE${String(i).padStart(6, '0')}`, name }));
          const idx = createSearchIndex(rows);
          const target = rows[pick % rows.length];
          const from = a % target.name.length;
          const to = from + 1 + (b % (target.name.length - from));
          const hits = idx.search(target.name.slice(from, to), { limit: rows.length });
          return hits.some((h) => h.code === target.code);
        },
      ),
      { numRuns: 300 },
    );
  });

  // One letter alone matches names that start with it; from two letters on, any run.
  it('finds an item by the initials of any run of two or more of its characters, or of its first one (property)', () => {
    const han = fc.constantFrom(...'食品经营许可证个体工商户登记社会保险城乡居民养老无犯罪记录明开具'.split(''));
    fc.assert(
      fc.property(fc.array(han, { minLength: 2, maxLength: 12 }), fc.nat(), fc.nat(), (chars, a, b) => {
        const name = chars.join('');
        const row = rowOf({ code: 'CODE000001', name });
        const idx = createSearchIndex([row, rowOf({ code: 'CODE000002', name: '其他事项' })]);
        const from = a % chars.length;
        const to = from === 0 ? 1 + (b % chars.length) : Math.min(chars.length, from + 2 + (b % chars.length));
        if (to - from < 2 && from > 0) return true;
        const initials = row.initials.split(' ').slice(from, to).map((u) => u[0]).join('');
        return idx.search(initials, { limit: 10 }).some((h) => h.code === row.code);
      }),
      { numRuns: 300 },
    );
  });
});

describe('item search with a tight limit', () => {
  it('still puts the exact name first when a used item fills the only slot', () => {
    const rows = [
      { code: 'CODE000001', name: '证明' },
      { code: 'CODE000002', name: '证明书' },
      { code: 'CODE000003', name: '证' },
    ].map(rowOf);
    const idx = createSearchIndex(rows);
    const usage = new Map([['CODE000002', 9]]);
    expect(idx.search('证明', { limit: 1, usage }).map((h) => h.name)).toEqual(['证明']);
    expect(idx.search('证明', { limit: 3, usage }).map((h) => h.name)).toEqual(['证明', '证明书']);
  });
});
