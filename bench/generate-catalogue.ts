// A large, realistic-looking catalogue for benchmarks: names built the way 事项 names are
// (subject + object + action + scope), 实施编码 as division + basic code + sub-item, six
// materials each. Deterministic (seeded) so runs compare.
import type { Catalogue, Item, Material } from '../shared/domain/catalogue';
import { seeded } from '../tests/helpers/seeded';

/** Small deterministic PRNG (mulberry32). */
export const rng = seeded;

const SUBJECTS = [
  '食品', '药品', '医疗器械', '化妆品', '特种设备', '计量器具', '道路运输', '出租汽车', '网络预约出租汽车', '机动车维修',
  '建筑施工', '城市排水', '城市道路', '户外广告', '燃气', '供热', '社会保险', '城乡居民养老保险', '职工医疗保险', '工伤保险',
  '失业保险', '住房公积金', '残疾人', '高龄老人', '最低生活保障', '特困人员', '临时救助', '律师', '公证', '司法鉴定',
  '保安', '保安服务公司', '商标', '个体工商户', '农民专业合作社', '有限责任公司', '股份有限公司', '外商投资企业', '烟草专卖', '娱乐场所',
  '营业性演出', '出版物', '印刷', '游泳场所', '公共场所卫生', '诊所', '中医诊所', '放射诊疗', '母婴保健', '出生医学证明',
  '养犬', '居住证', '户籍', '无犯罪记录', '出入境', '驾驶证', '不动产', '房屋租赁', '建设工程规划', '人民防空',
  '排污', '取水', '林木采伐', '动物防疫', '农作物种子', '农药', '兽药', '渔业捕捞', '危险化学品', '消防安全',
  '广播电视', '教师资格', '民办学校', '校外培训机构', '职业技能等级', '就业失业', '劳务派遣', '人力资源服务', '退役军人', '优抚对象',
  '婚姻', '收养', '殡葬', '社会团体', '民办非企业单位', '慈善组织', '基金会', '旅行社', '导游', '文物',
  '银行业金融机构', '重庆籍人员', '会计', '朝阳区', '长春市', '乡村医生', '护士', '医师', '执业药师', '生育保险',
];
const OBJECTS = [
  '经营', '生产', '使用', '执业', '从业资格', '零售', '批发', '网络销售', '登记', '备案',
  '资质', '许可证', '证', '信息', '关系', '待遇', '补贴', '津贴', '参保', '缴费',
  '资格', '审批', '认定', '', '', '', '',
];
const ACTIONS = [
  '许可', '登记', '备案', '核发', '注销', '变更', '延续', '补办', '换领', '审批',
  '审核', '认定', '申领', '查询', '证明开具', '年度报告', '信息采集', '设立', '核准', '转移',
];
const SCOPES = ['', '', '', '', '（个人）', '（单位）', '（新办）', '（分支机构）', '（跨区域）', '（临时）', '（遗失补办）', '（首次申请）'];
const KEYWORDS = ['开饭馆', '开店', '办证', '开证明', '社保', '医保', '公积金提取', '开公司', '营业执照', '养老金', '低保', '残疾证', '落户', '办执照', '租房', '退休'];
const MATERIALS = [
  '申请表', '居民身份证', '营业执照', '户口簿', '授权委托书', '受托人身份证', '场所使用证明', '从业人员健康证明', '承诺书', '平面布局图',
  '设备清单', '检验报告', '资格证书', '劳动合同', '工作证明', '银行账户信息', '照片', '婚姻状况证明', '出生医学证明', '死亡证明',
];
const DEPARTMENTS = [
  '市市场监督管理局', '市交通运输局', '市公安局', '市司法局', '市卫生健康委员会', '市民政局', '市人力资源和社会保障局', '市残疾人联合会',
  '市城乡建设局', '市房产局', '市医疗保障局', '市自然资源局', '市住房公积金管理中心', '市退役军人事务局', '市教育局', '市文化旅游和广播电视局',
  '市税务局', '市生态环境局', '市水务局', '市农业农村局', '市林业和草原局', '市应急管理局', '市商务局', '市烟草专卖局',
  '市人民防空办公室', '市城市管理行政执法局', '市消防救援支队', '市体育局', '市统计局', '市气象局', '市档案馆', '市地方金融监督管理局',
  '市知识产权局', '市民族宗教事务局', '市外事办公室', '市工业和信息化局', '市发展和改革委员会', '市财政局', '市审计局', '市科学技术局',
  '市粮食和物资储备局', '市邮政管理局', '市通信管理局',
];
const DIVISIONS = ['210100', '210102', '210103', '210104', '210105', '210106', '210111', '210112', '210113', '210114', '210115', '210123', '210124', '210181'];


export function generateCatalogue(itemCount: number, materialsPerItem: number, seed = 20260101): Catalogue {
  const rand = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const departments = DEPARTMENTS.map((name, i) => ({ code: `D${String(i + 1).padStart(2, '0')}`, name }));
  const names = new Set<string>();
  const items: Item[] = [];
  while (items.length < itemCount) {
    const name = `${pick(SUBJECTS)}${pick(OBJECTS)}${pick(ACTIONS)}${pick(SCOPES)}`;
    if (names.has(name) || name.length > 100) continue;
    names.add(name);
    const n = items.length;
    const basic = `000${String(100000 + Math.floor(rand() * 899999))}${String(n % 1000).padStart(3, '0')}`;
    const code = `${pick(DIVISIONS)}${basic}${String(1 + (n % 97)).padStart(2, '0')}`;
    const materials: Material[] = Array.from({ length: materialsPerItem }, (_, m) => ({
      id: `m${m + 1}`,
      name: pick(MATERIALS),
      form: pick(['原件', '复印件', '原件核验'] as const),
      copies: 1,
      medium: '纸质或电子',
      necessity: m === 0 ? '必要' : pick(['必要', '非必要', '可容缺'] as const),
      source: pick(['申请人', '电子证照', '部门核发', '告知承诺'] as const),
      note: '按办事指南要求提交，复印件需申请人签字确认',
    }));
    const tierRoll = rand();
    items.push({
      code,
      name,
      departmentCode: pick(departments).code,
      type: pick(['行政许可', '行政确认', '行政给付', '行政备案', '公共服务'] as const),
      serveTargets: [pick(['自然人', '法人'] as const)],
      levels: rand() < 0.5 ? ['city', 'county'] : ['county', 'township'],
      legalDays: 20,
      promisedDays: Math.floor(rand() * 10),
      fee: '不收费',
      conditions: '申请材料齐全、符合法定形式。',
      location: '市政务服务中心一楼综合受理窗口',
      immediateTier: tierRoll < 0.1 ? 'within30' : tierRoll < 0.15 ? 'within60' : tierRoll < 0.5 ? 'within120' : null,
      subCenterCode: null,
      keywords: rand() < 0.3 ? [pick(KEYWORDS)] : [],
      situations: [],
      materials,
    });
  }
  return {
    schemaVersion: 1,
    version: 1,
    publishedAt: '2026-01-01T00:00:00+08:00',
    departments,
    subCenters: [],
    offices: [{ code: '210100', name: '市政务服务中心', level: 'city', address: '市府大路 1 号', phone: '024-12345', parentCode: null }],
    windows: [{ code: '01', officeCode: '210100', name: '1 号无差别综合窗口', kind: 'general', departmentCodes: [] }],
    items,
  };
}
