// Departments stationed at (or behind) the demo city's service centres. Codes are short
// pinyin initials; items and 分领域 windows refer to them through DEPT so a typo fails to compile.
import type { Department } from '../domain/catalogue';

export const DEPT = {
  market: 'SCJG',
  transport: 'JTJ',
  police: 'GAJ',
  justice: 'SFJ',
  health: 'WJW',
  civil: 'MZJ',
  labour: 'RSJ',
  disabled: 'CL',
  construction: 'CJJ',
  housing: 'FCJ',
  medicalInsurance: 'YBJ',
  naturalResources: 'ZRZYJ',
  housingFund: 'GJJ',
  veterans: 'TYJRJ',
  education: 'JYJ',
  culture: 'WLGDJ',
  tax: 'SWJ',
} as const;

export const departments: Department[] = [
  { code: DEPT.market, name: '市市场监督管理局' },
  { code: DEPT.transport, name: '市交通运输局' },
  { code: DEPT.police, name: '市公安局' },
  { code: DEPT.justice, name: '市司法局' },
  { code: DEPT.health, name: '市卫生健康委员会' },
  { code: DEPT.civil, name: '市民政局' },
  { code: DEPT.labour, name: '市人力资源和社会保障局' },
  { code: DEPT.disabled, name: '市残疾人联合会' },
  { code: DEPT.construction, name: '市城乡建设局' },
  { code: DEPT.housing, name: '市房产局' },
  { code: DEPT.medicalInsurance, name: '市医疗保障局' },
  { code: DEPT.naturalResources, name: '市自然资源局（市不动产登记中心）' },
  { code: DEPT.housingFund, name: '市住房公积金管理中心' },
  { code: DEPT.veterans, name: '市退役军人事务局' },
  { code: DEPT.education, name: '市教育局' },
  { code: DEPT.culture, name: '市文化旅游和广播电视局' },
  { code: DEPT.tax, name: '市税务局' },
];
