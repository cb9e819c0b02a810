// The demo catalogue is what every clerk, trainer and E2E test sees first: it must be a valid
// catalogue document and cover the situations named in the source article and issue 2 §4.
import { describe, expect, it } from 'vitest';
import { Catalogue, IMMEDIATE_TIERS, LEVELS, WINDOW_KINDS, type Item, type Level } from '../../shared/domain/catalogue';
import { demoCatalogue as c } from '../../shared/demo/catalogue';
import { DEMO_ITEMS, DEMO_VILLAGE_WORKSTATION, DEMO_WORKSTATION } from '../../shared/demo/examples';

const byName = (name: string): Item => {
  const found = c.items.find((i) => i.name === name);
  if (!found) throw new Error(`demo catalogue lacks ${name}`);
  return found;
};
const byCode = (code: string): Item | undefined => c.items.find((i) => i.code === code);
const duplicates = (values: string[]) => values.filter((v, i) => values.indexOf(v) !== i);

describe('demo catalogue document', () => {
  it('passes the catalogue schema unchanged, so export → import round-trips', () => {
    expect(Catalogue.parse(c)).toEqual(c);
    expect(Catalogue.parse(JSON.parse(JSON.stringify(c)))).toEqual(c);
    expect(c.version).toBe(1);
    expect(c.publishedAt.startsWith('2026-')).toBe(true);
  });

  it('has at least 60 items across at least 12 departments', () => {
    expect(c.items.length).toBeGreaterThanOrEqual(60);
    expect(new Set(c.items.map((i) => i.departmentCode)).size).toBeGreaterThanOrEqual(12);
  });

  it('references only existing departments, from items and 分领域 windows', () => {
    const codes = new Set(c.departments.map((d) => d.code));
    expect(duplicates(c.departments.map((d) => d.code))).toEqual([]);
    for (const i of c.items) expect(codes.has(i.departmentCode), i.code).toBe(true);
    for (const w of c.windows) for (const d of w.departmentCodes) expect(codes.has(d), `${w.officeCode}/${w.code}`).toBe(true);
    for (const w of c.windows.filter((w) => w.kind === 'domain')) expect(w.departmentCodes.length).toBeGreaterThan(0);
  });
});

describe('items from the source article', () => {
  it.each(['有限责任公司设立登记', '食品经营许可', '诊所备案', '道路运输证配发（普通货运车辆）'])(
    '%s is handled at both city and district centres',
    (name) => {
      const item = byName(name);
      expect(item.levels).toEqual(expect.arrayContaining(['city', 'county']));
      expect(item.subCenterCode).toBeNull();
    },
  );

  it.each([
    ['网络预约出租汽车驾驶员从业资格证核发', '市交通运输局'],
    ['律师执业年度考核结果备案', '市司法局'],
    ['保安员证核发', '市公安局'],
    ['商标注册申请受理', '市市场监督管理局'],
    ['商标质权登记', '市市场监督管理局'],
  ])('city characteristic item %s belongs to %s and is handled at the city centre', (name, department) => {
    const item = byName(name);
    expect(c.departments.find((d) => d.code === item.departmentCode)?.name).toBe(department);
    expect(item.levels).toContain('city');
    expect(item.subCenterCode).toBeNull();
  });

  it('has the eight sub-centres, each with an address, phone, hours and at least one redirect item', () => {
    expect(c.subCenters).toHaveLength(8);
    expect(duplicates(c.subCenters.map((s) => s.code))).toEqual([]);
    for (const s of c.subCenters) {
      expect(s.address).toMatch(/沈阳市/);
      expect(s.phone).not.toBe('');
      expect(s.hours).not.toBe('');
      const redirected = c.items.filter((i) => i.subCenterCode === s.code);
      expect(redirected.length, s.name).toBeGreaterThanOrEqual(1);
      for (const i of redirected) expect(i.location, i.name).toContain(s.name);
    }
    const names = c.subCenters.map((s) => s.name).join();
    for (const word of ['出入境', '就业和人才', '涉外婚姻', '法律援助', '不动产登记', '社会保险', '医疗保障', '车辆管理所']) {
      expect(names).toContain(word);
    }
  });

  it('resolves every sub-centre redirect, and redirect items are never 立等可取', () => {
    const codes = new Set(c.subCenters.map((s) => s.code));
    for (const i of c.items.filter((i) => i.subCenterCode !== null)) {
      expect(codes.has(i.subCenterCode!), i.name).toBe(true);
      expect(i.immediateTier, i.name).toBeNull();
    }
  });

  it('offers village-level public services', () => {
    for (const name of ['城乡居民基本养老保险参保登记', '高龄津贴申领', '残疾人证核发', '最低生活保障', '失业登记']) {
      expect(byName(name).levels, name).toContain('village');
    }
    for (const name of ['生育登记', '居住证签发', '无犯罪记录证明开具']) {
      expect(byName(name).levels, name).toContain('township');
    }
  });
});

describe('立等可取, 即办 and 承诺件', () => {
  it('has items in every 立等可取 tier and items with none', () => {
    for (const tier of IMMEDIATE_TIERS) expect(c.items.some((i) => i.immediateTier === tier), tier).toBe(true);
    expect(c.items.some((i) => i.immediateTier === null && i.promisedDays > 0)).toBe(true);
  });

  it('makes every 立等可取 item a 即办件, and never promises more than the law allows', () => {
    for (const i of c.items) {
      if (i.immediateTier !== null) expect(i.promisedDays, i.name).toBe(0);
      expect(i.promisedDays, i.name).toBeLessThanOrEqual(i.legalDays);
    }
  });

  it('places the tiers on the items the reference names', () => {
    expect(byName('无犯罪记录证明开具').immediateTier).toBe('within30');
    expect(byName('生育登记').immediateTier).toBe('within30');
    expect(byName('失业登记').immediateTier).toBe('within30');
    expect(byName('个体工商户设立登记').immediateTier).toBe('within60');
    expect(byName('诊所备案').immediateTier).toBe('within60');
    expect(byName('公共场所卫生许可（告知承诺）').immediateTier).toBe('within120');
    expect(byName('道路运输证配发（普通货运车辆）').immediateTier).toBe('within120');
  });

  it('has items that allow 容缺受理 and items under 告知承诺制', () => {
    expect(c.items.filter((i) => i.materials.some((m) => m.necessity === '可容缺')).length).toBeGreaterThanOrEqual(2);
    expect(c.items.filter((i) => i.materials.some((m) => m.source === '告知承诺')).length).toBeGreaterThanOrEqual(2);
  });

  it('fills fee, conditions and location on every item', () => {
    for (const i of c.items) {
      expect(i.fee, i.name).not.toBe('');
      expect(i.conditions, i.name).not.toBe('');
      expect(i.location, i.name).not.toBe('');
    }
    expect(byName('保安员证核发').fee).toContain('考试费');
  });
});

describe('item structure', () => {
  it('uses unique 实施编码 of the required form', () => {
    expect(duplicates(c.items.map((i) => i.code))).toEqual([]);
    for (const i of c.items) expect(i.code).toMatch(/^[0-9A-Z]{8,40}$/);
  });

  it('keeps material ids, situation ids and option values unique inside each item', () => {
    for (const i of c.items) {
      expect(duplicates(i.materials.map((m) => m.id)), i.name).toEqual([]);
      expect(duplicates(i.situations.map((s) => s.id)), i.name).toEqual([]);
      for (const s of i.situations) expect(duplicates(s.options.map((o) => o.value)), `${i.name}/${s.id}`).toEqual([]);
    }
  });

  it('ties every requiredWhen to an existing situation and option', () => {
    for (const i of c.items) {
      for (const m of i.materials) {
        for (const [situationId, answers] of Object.entries(m.requiredWhen ?? {})) {
          const situation = i.situations.find((s) => s.id === situationId);
          expect(situation, `${i.name}/${m.id} → ${situationId}`).toBeDefined();
          for (const a of answers) {
            expect(situation!.options.map((o) => o.value), `${i.name}/${m.id} → ${situationId}=${a}`).toContain(a);
          }
        }
      }
    }
  });

  it('marks the option that brings in agent materials as an agent option', () => {
    for (const i of c.items) {
      const agentMaterial = i.materials.find((m) => m.id === 'power-of-attorney');
      if (!agentMaterial) continue;
      const [[situationId, answers]] = Object.entries(agentMaterial.requiredWhen ?? {});
      const options = i.situations.find((s) => s.id === situationId)!.options;
      for (const a of answers) expect(options.find((o) => o.value === a)?.agent, i.name).toBe(true);
    }
  });

  it('lets applicants find items by the words they use', () => {
    expect(byName('食品经营许可').keywords).toEqual(expect.arrayContaining(['开饭馆', '开餐馆', '小吃店', '卖吃的']));
    expect(byName('无犯罪记录证明开具').keywords).toEqual(expect.arrayContaining(['开证明', '无犯罪证明']));
    for (const i of c.items) expect(i.keywords.length, i.name).toBeGreaterThan(0);
  });

  it('gives window-provided forms a sample reference', () => {
    const forms = c.items.flatMap((i) => i.materials.filter((m) => /申请表|申请书|登记表/.test(m.name)));
    expect(forms.length).toBeGreaterThan(30);
    for (const m of forms) expect(m.sampleRef, m.name).toBeTruthy();
  });
});

describe('offices and windows', () => {
  const office = (code: string) => c.offices.find((o) => o.code === code);
  const rank: Record<Level, number> = { city: 0, county: 1, township: 2, village: 3 };

  it('has an office at every level, with parents one level up', () => {
    expect(duplicates(c.offices.map((o) => o.code))).toEqual([]);
    for (const level of LEVELS) expect(c.offices.some((o) => o.level === level), level).toBe(true);
    for (const o of c.offices) {
      if (o.level === 'city') {
        expect(o.parentCode).toBeNull();
        continue;
      }
      const parent = office(o.parentCode ?? '');
      expect(parent, o.name).toBeDefined();
      expect(rank[parent!.level], o.name).toBe(rank[o.level] - 1);
    }
  });

  it('uses 6-digit codes for city and county, 9 for township and 12 for village offices', () => {
    const length: Record<Level, number> = { city: 6, county: 6, township: 9, village: 12 };
    for (const o of c.offices) expect(o.code.length, o.name).toBe(length[o.level]);
    expect(office('210100')?.name).toBe('沈阳市政务服务中心');
    for (const code of ['210102', '210103', '210112']) expect(office(code)?.level).toBe('county');
  });

  it('has windows of all four kinds, each in an existing office, codes unique per office', () => {
    for (const kind of WINDOW_KINDS) expect(c.windows.some((w) => w.kind === kind), kind).toBe(true);
    for (const w of c.windows) expect(office(w.officeCode), `${w.officeCode}/${w.code}`).toBeDefined();
    expect(duplicates(c.windows.map((w) => `${w.officeCode}/${w.code}`))).toEqual([]);
    for (const o of c.offices) expect(c.windows.some((w) => w.officeCode === o.code), o.name).toBe(true);
    const cityKinds = new Set(c.windows.filter((w) => w.officeCode === '210100').map((w) => w.kind));
    expect(cityKinds.size).toBe(4);
  });
});

describe('demo fixtures for E2E tests', () => {
  it('points at a city 无差别 window and a village window that exist', () => {
    const find = (ws: { officeCode: string; windowCode: string }) =>
      c.windows.find((w) => w.officeCode === ws.officeCode && w.code === ws.windowCode);
    expect(find(DEMO_WORKSTATION)?.kind).toBe('general');
    expect(c.offices.find((o) => o.code === DEMO_WORKSTATION.officeCode)?.level).toBe('city');
    expect(find(DEMO_VILLAGE_WORKSTATION)).toBeDefined();
    expect(c.offices.find((o) => o.code === DEMO_VILLAGE_WORKSTATION.officeCode)?.level).toBe('village');
  });

  it('names items with the properties the E2E scenarios rely on', () => {
    const immediate = byCode(DEMO_ITEMS.immediate30)!;
    expect(immediate.immediateTier).toBe('within30');
    expect(immediate.levels).toContain('city');
    expect(immediate.situations.find((s) => s.id === 'applicant')?.options.some((o) => o.agent)).toBe(true);
    expect(byCode(DEMO_ITEMS.redirect)?.subCenterCode).not.toBeNull();
    expect(byCode(DEMO_ITEMS.deferrable)?.materials.some((m) => m.necessity === '可容缺')).toBe(true);
    expect(byCode(DEMO_ITEMS.pledge)?.materials.some((m) => m.source === '告知承诺')).toBe(true);
    const promised = byCode(DEMO_ITEMS.promised)!;
    expect(promised.immediateTier).toBeNull();
    expect(promised.promisedDays).toBeGreaterThan(0);
    expect(byCode(DEMO_ITEMS.village)?.levels).toContain('village');
    expect(byCode(DEMO_ITEMS.village)?.immediateTier).not.toBeNull();
  });
});
