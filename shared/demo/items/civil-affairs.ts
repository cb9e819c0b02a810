// 民政: social assistance applied for at the grassroots (低保, 特困, 临时救助, 高龄津贴 …),
// 婚姻登记, and 涉外婚姻 redirected to its sub-centre. 低保 time limits follow a Liaoning
// township guide (30 working days, extendable to 45); 高龄津贴 the Shenyang 2025 policy.
import type { Item } from '../../domain/catalogue';
import {
  WHEN_AGENT,
  agentMaterials,
  applicantSituation,
  bankCard,
  choice,
  form,
  householdRegister,
  implCode,
  item,
  material,
  redirectItem,
  residentId,
  sharedCert,
  when,
  yesNo,
} from '../builders';
import { DEPT } from '../departments';
import { SUB } from '../sub-centers';

const ASSISTANCE_LOCATION = '户籍所在地街道（乡镇）便民服务中心民政窗口；社区（村）代办点可代为受理';

const incomeStatement = material('income-statement', '家庭收入和财产状况书面声明', {
  note: '共同生活的家庭成员签字',
});
const checkAuthorization = material('check-authorization', '家庭经济状况核查授权书', {
  sampleRef: 'MZ-12 家庭经济状况核查授权书样表',
  note: '共同生活家庭成员及法定赡养、抚养、扶养义务人签字',
});
const elderAgentId = residentId({ id: 'agent-id', name: '代办人居民身份证', requiredWhen: WHEN_AGENT, note: '原件现场核验' });

const seniorAllowance = item({
  code: implCode('000112043000', '01'),
  name: '高龄津贴申领',
  departmentCode: DEPT.civil,
  type: '行政给付',
  serveTargets: ['自然人'],
  levels: ['village', 'township'],
  legalDays: 20,
  promisedDays: 15,
  conditions:
    '具有本市户籍、年满80周岁的老年人。80至89周岁老年人每人每月30元，低保和低保边缘家庭中80至89周岁老年人另享差额补贴；90周岁以上老年人按原政策执行。无申请期限，可补发。',
  location: '户籍所在地社区（村）代办点、街道（乡镇）便民服务中心；也可通过“辽事通”APP申请',
  keywords: ['老人补贴', '高龄补贴', '80岁补贴', '老年津贴', '高龄老人'],
  situations: [
    applicantSituation('老人本人办理', '家属或他人代办'),
    yesNo('lowIncome', '是否为低保或低保边缘家庭成员？'),
  ],
  materials: [
    form('application', '高龄津贴申请表', 'MZ-01 高龄津贴申请表样表'),
    residentId({ name: '老人居民身份证' }),
    householdRegister(),
    bankCard(),
    elderAgentId,
    sharedCert('low-income-cert', '低保或低保边缘家庭认定信息', {
      medium: '电子',
      requiredWhen: when('lowIncome', 'yes'),
      note: '民政系统核查，免提交',
    }),
  ],
});

const minimumLiving = item({
  code: implCode('000112011000', '01'),
  name: '最低生活保障',
  departmentCode: DEPT.civil,
  type: '行政给付',
  serveTargets: ['自然人'],
  levels: ['village', 'township', 'county'],
  legalDays: 30,
  promisedDays: 25,
  conditions:
    '共同生活的家庭成员人均收入低于本市最低生活保障标准，且家庭财产状况符合规定。以家庭为单位向户籍所在地乡镇人民政府（街道办事处）申请，村（居）委会可协助申请。因公示有异议、人户分离、异地申办或调查难度较大的，办理时限可延长至45个工作日。',
  location: ASSISTANCE_LOCATION,
  keywords: ['低保', '吃低保', '低保申请', '困难补助', '生活困难', '救助'],
  situations: [
    applicantSituation('户主或家庭成员办理', '委托他人或村（居）委会代为申请'),
    yesNo('rigid', '是否有医疗、教育等刚性支出需要扣减？'),
  ],
  materials: [
    form('application', '社会救助申请表（含授权承诺书）', 'MZ-11 社会救助申请表样表'),
    incomeStatement,
    checkAuthorization,
    residentId({ name: '家庭成员居民身份证' }),
    householdRegister({ name: '家庭成员居民户口簿' }),
    material('status-proofs', '家庭成员劳动能力、收入、财产等证明材料', { form: '复印件' }),
    material('rigid-expense', '刚性支出证明（因病个人负担医疗费票据、学费凭证等）', {
      form: '复印件',
      necessity: '可容缺',
      requiredWhen: when('rigid', 'yes'),
      note: '可容缺受理，在审核期间补交',
    }),
    ...agentMaterials(),
  ],
});

const extremePoverty = item({
  code: implCode('000112012000', '01'),
  name: '特困人员救助供养',
  departmentCode: DEPT.civil,
  type: '行政给付',
  serveTargets: ['自然人'],
  levels: ['village', 'township', 'county'],
  legalDays: 30,
  promisedDays: 25,
  conditions: '无劳动能力、无生活来源、无法定赡养抚养扶养义务人或其义务人无履行能力的老年人、残疾人以及未满16周岁的未成年人。',
  location: ASSISTANCE_LOCATION,
  keywords: ['五保户', '特困供养', '孤寡老人', '特困人员'],
  situations: [applicantSituation('本人申请', '委托他人或村（居）委会代为申请')],
  materials: [
    form('application', '特困人员救助供养申请书', 'MZ-13 特困人员救助供养申请书样表'),
    residentId(),
    householdRegister(),
    sharedCert('incapacity-proof', '丧失劳动能力的证明（残疾人证等）', { form: '复印件', copies: 1 }),
    material('income-statement', '本人收入和财产状况书面声明'),
    checkAuthorization,
    ...agentMaterials(),
  ],
});

const temporaryAssistance = item({
  code: implCode('000112013000', '01'),
  name: '临时救助',
  departmentCode: DEPT.civil,
  type: '行政给付',
  serveTargets: ['自然人'],
  levels: ['village', 'township'],
  legalDays: 15,
  promisedDays: 10,
  conditions: '因火灾、交通事故等意外事件，或家庭成员突发重大疾病等原因，导致基本生活暂时出现严重困难的家庭或个人；急难型可先行救助。',
  location: ASSISTANCE_LOCATION,
  keywords: ['临时困难', '急难救助', '看病困难', '救急', '临时补助'],
  situations: [
    choice('kind', '救助类型？', [
      ['urgent', '急难型（先行救助）'],
      ['expense', '支出型'],
    ]),
    applicantSituation('本人申请', '委托他人代为申请'),
  ],
  materials: [
    form('application', '社会救助申请表（含授权承诺书）', 'MZ-11 社会救助申请表样表'),
    residentId(),
    householdRegister(),
    material('hardship-proof', '困难情况证明材料（医疗票据、事故证明等）', {
      form: '复印件',
      necessity: '可容缺',
      note: '急难型可先行救助，事后补交',
    }),
    incomeStatement,
    ...agentMaterials(),
  ],
});

const disabilitySubsidies = item({
  code: implCode('000112031000', '01'),
  name: '困难残疾人生活补贴和重度残疾人护理补贴申领',
  departmentCode: DEPT.civil,
  type: '行政给付',
  serveTargets: ['自然人'],
  levels: ['village', 'township'],
  legalDays: 20,
  promisedDays: 15,
  conditions: '困难残疾人生活补贴：低保家庭中的残疾人；重度残疾人护理补贴：残疾等级为一级、二级且需要长期照护的重度残疾人。',
  location: '户籍所在地社区（村）代办点、街道（乡镇）便民服务中心',
  keywords: ['残疾补贴', '两项补贴', '护理补贴', '残疾人生活补贴'],
  situations: [applicantSituation('残疾人本人办理', '监护人或家属代办')],
  materials: [
    form('application', '残疾人两项补贴申请审批表', 'MZ-31 两项补贴申请审批表样表'),
    residentId(),
    material('disability-cert', '中华人民共和国残疾人证', {
      form: '原件核验',
      medium: '纸质或电子',
      source: '电子证照',
    }),
    householdRegister(),
    bankCard(),
    elderAgentId,
  ],
});

const marriage = item({
  code: implCode('000112051000', '01'),
  name: '内地居民结婚登记',
  departmentCode: DEPT.civil,
  type: '行政确认',
  serveTargets: ['自然人'],
  levels: ['county'],
  legalDays: 0,
  promisedDays: 0,
  immediateTier: 'within30',
  conditions:
    '男女双方完全自愿，男年满22周岁、女年满20周岁，双方均无配偶，且无禁止结婚的亲属关系；须双方共同到场，不得委托办理。',
  location: '区（县、市）婚姻登记处（区政务服务中心内）',
  keywords: ['领证', '结婚证', '登记结婚', '扯证', '结婚'],
  situations: [
    choice('history', '婚姻状况？', [
      ['single', '双方均未婚'],
      ['remarried', '一方或双方离异、丧偶'],
    ]),
  ],
  materials: [
    residentId({ name: '男女双方居民身份证', copies: 0 }),
    material('photos', '双方近期二寸半身免冠合影照片', { copies: 3 }),
    form('declaration', '申请结婚登记声明书', 'MZ-21 申请结婚登记声明书样表', {
      copies: 2,
      note: '双方在婚姻登记员面前现场签署',
    }),
    material('divorce-docs', '离婚证、离婚判决书（调解书）或配偶死亡证明', {
      form: '原件核验',
      requiredWhen: when('history', 'remarried'),
    }),
  ],
});

const foreignMarriage = redirectItem({
  code: implCode('000112052000', '01'),
  name: '内地居民同外国人结婚登记',
  departmentCode: DEPT.civil,
  type: '行政确认',
  serveTargets: ['自然人'],
  legalDays: 0,
  promisedDays: 0,
  conditions: '内地居民同外国人在本市办理结婚登记，双方须共同到涉外婚姻登记机关申请。',
  subCenterCode: SUB.foreignMarriage,
  keywords: ['涉外婚姻', '跟外国人结婚', '国际婚姻', '涉外结婚'],
  materials: [
    residentId({ name: '内地当事人居民身份证', copies: 0 }),
    householdRegister({ name: '内地当事人居民户口簿', copies: 0 }),
    material('passport', '外国当事人护照或其他有效国际旅行证件', { form: '原件核验' }),
    material('single-proof', '外国当事人本国无配偶证明', {
      note: '须经外国公证机构公证、外交部或其授权机构认证，或按《取消外国公文书认证要求的公约》附证明书',
    }),
    material('photos', '双方近期二寸半身免冠合影照片', { copies: 3 }),
  ],
});

export const civilAffairsItems: Item[] = [
  seniorAllowance,
  minimumLiving,
  extremePoverty,
  temporaryAssistance,
  disabilitySubsidies,
  marriage,
  foreignMarriage,
];
