// 人力资源和社会保障: grassroots registrations (城乡居民养老保险, 失业/就业登记) that are
// 即时办结, plus 就业和人才服务中心 and 社会保险事业服务中心 items that are redirected.
import type { Item } from '../../domain/catalogue';
import {
  ACTION,
  WHERE,
  actionSituation,
  agentMaterials,
  applicantSituation,
  bankCard,
  businessLicence,
  choice,
  form,
  householdRegister,
  implCode,
  item,
  material,
  pledge,
  redirectItem,
  residencePermit,
  residentId,
  sharedCert,
  when,
  yesNo,
} from '../builders';
import { DEPT } from '../departments';
import { SUB } from '../sub-centers';

const ruralPension = item({
  code: implCode('000109001000', '01'),
  name: '城乡居民基本养老保险参保登记',
  departmentCode: DEPT.labour,
  type: '公共服务',
  serveTargets: ['自然人'],
  levels: ['village', 'township', 'county'],
  legalDays: 3,
  promisedDays: 0,
  immediateTier: 'within30',
  conditions: '年满16周岁（不含在校学生）、未参加职工基本养老保险、未领取国家规定的基本养老保障待遇的本市户籍城乡居民。',
  location: '户籍所在地社区（村）协办员、街道（乡镇）便民服务中心社保窗口或区社保经办机构；也可通过网站、自助终端、手机APP办理',
  keywords: ['农保', '交养老保险', '居民养老', '新农保', '城乡养老', '养老参保'],
  situations: [applicantSituation('本人办理', '家属代办')],
  materials: [
    form('registration-form', '城乡居民基本养老保险参保登记表', 'RS-01 城乡居民养老保险参保登记表样表'),
    residentId(),
    householdRegister(),
    ...agentMaterials(),
  ],
});

const unemploymentRegistration = item({
  code: implCode('000109021000', '01'),
  name: '失业登记',
  departmentCode: DEPT.labour,
  type: '公共服务',
  serveTargets: ['自然人'],
  levels: ['village', 'township', 'county'],
  legalDays: 10,
  promisedDays: 0,
  immediateTier: 'within30',
  conditions:
    '年龄在16周岁至法定退休年龄之间、有劳动能力和就业要求、处于无业状态的人员，可在常住地、户籍地、参保地或就业地办理；窗口即时办结，网上办理10个工作日内办结。',
  location: WHERE.grassroots,
  keywords: ['失业证', '就业创业证', '没工作', '失业', '下岗登记'],
  situations: [yesNo('local', '是否本市户籍？', '本市户籍', '非本市户籍（常住本市）')],
  materials: [
    form('registration-form', '失业人员登记表', 'RS-11 失业人员登记表样表'),
    residentId({ name: '居民身份证或社会保障卡', copies: 0, note: '二者任选其一，原件现场核验' }),
    residencePermit({ requiredWhen: when('local', 'no'), note: '非本市户籍人员在常住地登记的提供' }),
  ],
});

const employmentRegistration = item({
  code: implCode('000109022000', '01'),
  name: '就业登记',
  departmentCode: DEPT.labour,
  type: '公共服务',
  serveTargets: ['自然人'],
  levels: ['village', 'township', 'county'],
  legalDays: 10,
  promisedDays: 0,
  immediateTier: 'within30',
  conditions: '在法定劳动年龄内实现就业的劳动者，包括单位就业、个体经营和灵活就业。',
  location: WHERE.grassroots,
  keywords: ['就业证明', '上班登记', '灵活就业登记', '就业创业证'],
  situations: [
    choice('jobType', '就业形式？', [
      ['employee', '单位就业'],
      ['business', '个体经营'],
      ['flexible', '灵活就业'],
    ]),
  ],
  materials: [
    form('registration-form', '就业登记表', 'RS-12 就业登记表样表'),
    residentId({ copies: 0 }),
    material('contract', '劳动合同', { form: '复印件', requiredWhen: when('jobType', 'employee') }),
    businessLicence({ requiredWhen: when('jobType', 'business') }),
    pledge('flexible-pledge', '灵活就业情况承诺书', 'RS-13 灵活就业承诺书样表', {
      requiredWhen: when('jobType', 'flexible'),
    }),
  ],
});

const hardToEmploy = item({
  code: implCode('000109023000', '01'),
  name: '就业困难人员认定',
  departmentCode: DEPT.labour,
  type: '行政确认',
  serveTargets: ['自然人'],
  levels: ['township', 'county'],
  legalDays: 15,
  promisedDays: 10,
  conditions: '已办理失业登记，且属于大龄失业人员、残疾人、低保家庭成员、零就业家庭成员等本市规定的就业困难人员类别。',
  location: WHERE.districtAndStreet,
  keywords: ['就业困难', '4050人员', '零就业家庭', '困难认定'],
  materials: [
    form('application', '就业困难人员认定申请表', 'RS-15 就业困难人员认定申请表样表'),
    residentId(),
    sharedCert('unemployment-registration', '失业登记信息', { medium: '电子', note: '系统核查，免提交' }),
    material('category-proof', '属于就业困难人员类别的证明材料（残疾人证、低保证明等）', { form: '复印件' }),
  ],
});

const socialSecurityCard = item({
  code: implCode('000109031000', '02'),
  name: '社会保障卡补领、换领',
  departmentCode: DEPT.labour,
  type: '公共服务',
  serveTargets: ['自然人'],
  levels: ['county', 'township'],
  legalDays: 5,
  promisedDays: 0,
  immediateTier: 'within60',
  fee: '按本市规定标准收取',
  conditions: '社会保障卡遗失的先办理挂失；卡片损坏或需更换新版卡的申请换领。具备即时制卡条件的窗口当场制卡。',
  location: WHERE.districtAndStreet,
  keywords: ['社保卡', '补社保卡', '社保卡丢了', '换社保卡', '医保卡'],
  situations: [
    actionSituation(['reissue', 'replace'], '申请原因？'),
    applicantSituation('本人办理', '委托他人代办'),
  ],
  materials: [
    residentId({ copies: 0 }),
    material('old-card', '原社会保障卡', { requiredWhen: when(ACTION, 'replace') }),
    ...agentMaterials(),
  ],
});

const insuranceCertificate = item({
  code: implCode('000109041000', '01'),
  name: '社会保险个人参保证明打印',
  departmentCode: DEPT.labour,
  type: '公共服务',
  serveTargets: ['自然人'],
  levels: ['village', 'township', 'county'],
  legalDays: 0,
  promisedDays: 0,
  immediateTier: 'within30',
  conditions: '已参加本市社会保险的人员，查询打印本人参保缴费记录。',
  location: WHERE.grassroots,
  keywords: ['社保证明', '参保证明', '社保缴费记录', '开社保证明', '社保流水'],
  situations: [applicantSituation('本人办理', '委托他人代办')],
  materials: [residentId({ copies: 0 }), ...agentMaterials()],
});

const personnelArchive = redirectItem({
  code: implCode('000109061000', '01'),
  name: '流动人员人事档案接收',
  departmentCode: DEPT.labour,
  type: '公共服务',
  serveTargets: ['自然人'],
  legalDays: 5,
  promisedDays: 5,
  conditions: '与原单位解除劳动关系或毕业未就业等流动人员，人事档案转入本市公共人才服务机构存放。',
  subCenterCode: SUB.employment,
  keywords: ['存档案', '档案转入', '人事档案', '档案托管', '档案存放'],
  materials: [
    residentId(),
    material('transfer-letter', '档案转递通知单或调档函'),
    material('archive', '人事档案', { note: '须密封完好；本人携带的须有转出单位密封章' }),
  ],
});

const graduateReport = redirectItem({
  code: implCode('000109062000', '01'),
  name: '高校毕业生就业报到',
  departmentCode: DEPT.labour,
  type: '公共服务',
  serveTargets: ['自然人'],
  legalDays: 0,
  promisedDays: 0,
  conditions: '来本市就业创业或回原籍的普通高校毕业生，办理就业报到手续。',
  subCenterCode: SUB.employment,
  keywords: ['毕业报到', '报到证', '大学生报到', '毕业生报到'],
  materials: [residentId(), material('diploma', '毕业证书', { form: '原件核验' })],
});

const retirementPension = redirectItem({
  code: implCode('000109071000', '01'),
  name: '企业职工基本养老保险待遇申领',
  departmentCode: DEPT.labour,
  type: '行政给付',
  serveTargets: ['自然人', '法人'],
  legalDays: 20,
  promisedDays: 10,
  conditions: '达到法定退休年龄且累计缴费满规定年限的参保人员，由单位或本人申领基本养老金。',
  subCenterCode: SUB.socialInsurance,
  keywords: ['办退休', '退休手续', '领养老金', '养老金申领'],
  situations: [applicantSituation('本人或所在单位办理', '委托他人代办')],
  materials: [
    form('application', '基本养老保险待遇申领表', 'SB-01 养老保险待遇申领表样表'),
    residentId(),
    material('archive', '本人人事档案', { note: '用于核定出生日期和参加工作时间，由存档机构调阅' }),
    bankCard(),
    ...agentMaterials(),
  ],
});

const employerInsurance = redirectItem({
  code: implCode('000109072000', '01'),
  name: '单位社会保险参保登记',
  departmentCode: DEPT.labour,
  type: '公共服务',
  serveTargets: ['法人'],
  legalDays: 0,
  promisedDays: 0,
  conditions: '用人单位自成立之日起30日内办理社会保险登记；已在企业开办环节同步登记的无需另行办理。',
  subCenterCode: SUB.socialInsurance,
  keywords: ['公司交社保', '单位开户', '企业社保开户', '社保登记'],
  materials: [
    form('application', '社会保险登记表', 'SB-05 社会保险登记表样表'),
    businessLicence(),
    residentId({ name: '法定代表人身份证明' }),
  ],
});

export const humanResourcesItems: Item[] = [
  ruralPension,
  unemploymentRegistration,
  employmentRegistration,
  hardToEmploy,
  socialSecurityCard,
  insuranceCertificate,
  personnelArchive,
  graduateReport,
  retirementPension,
  employerInsurance,
];
