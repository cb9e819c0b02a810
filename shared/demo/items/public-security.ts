// 公安: certificates handled at the comprehensive window, plus 出入境 and 车管所 items that
// are redirected to their sub-centres. 保安员证 follows 《公安机关实施保安服务管理条例办法》.
import type { Item } from '../../domain/catalogue';
import {
  ACTION,
  WHERE,
  actionSituation,
  agentMaterials,
  applicantSituation,
  choice,
  form,
  householdRegister,
  implCode,
  item,
  material,
  photos,
  redirectItem,
  residencePermit,
  residentId,
  sharedCert,
  when,
  yesNo,
} from '../builders';
import { DEPT } from '../departments';
import { SUB } from '../sub-centers';

const biometrics = material('biometrics', '人像、指纹信息', {
  copies: 1,
  medium: '电子',
  note: '窗口现场采集，申请人须本人到场',
});

const securityGuard = item({
  code: implCode('000101062000', '01'),
  name: '保安员证核发',
  departmentCode: DEPT.police,
  type: '行政许可',
  serveTargets: ['自然人'],
  levels: ['city'],
  legalDays: 30,
  promisedDays: 20,
  fee: '收取保安员考试费，标准按省价格主管部门核定执行，以非税收入缴款通知书为准',
  conditions:
    '年满18周岁的中国公民，身体健康，品行良好，具有初中以上学历；经公安机关组织的保安员考试合格；不存在《保安服务管理条例》规定不得担任保安员的情形。考试每年至少组织两次。',
  location: WHERE.city,
  keywords: ['保安证', '当保安', '保安上岗证', '保安员考试', '保安资格证'],
  situations: [yesNo('local', '是否本市户籍？', '本市户籍', '非本市户籍（持本市居住证）')],
  materials: [
    form('application', '保安员证申请表（考试报名表）', 'GA-01 保安员证申请表样表'),
    residentId({ copies: 0, note: '原件现场核验' }),
    residencePermit({ requiredWhen: when('local', 'no') }),
    material('medical', '县级以上医院出具的体检证明', { note: '近3个月内出具' }),
    material('education', '初中以上学历证明', {
      form: '原件核验',
      copies: 1,
      note: '可通过学信网等渠道核验的免收复印件',
    }),
    biometrics,
  ],
});

const noCriminalRecord = item({
  code: implCode('000101099000', '01'),
  name: '无犯罪记录证明开具',
  departmentCode: DEPT.police,
  type: '公共服务',
  serveTargets: ['自然人'],
  levels: ['city', 'county', 'township'],
  legalDays: 3,
  promisedDays: 0,
  immediateTier: 'within30',
  conditions:
    '本市户籍居民或持有效本市居住证的人员为本人申请；委托他人办理的须提交委托书；一年内第3次及以上申请的须说明用途。证明有效期3个月。',
  location: '市、区政务服务中心和街道便民服务中心综合窗口，户籍地或居住地派出所；也可通过“辽宁公安”APP申请电子证明',
  keywords: ['开证明', '无犯罪证明', '无犯罪记录', '政审证明', '开无犯罪', '良民证'],
  situations: [
    applicantSituation('申请人本人办理', '委托他人代为办理'),
    choice('household', '申请人户籍情况？', [
      ['local', '本市户籍'],
      ['nonlocal', '非本市户籍（持本市居住证）'],
    ]),
    yesNo('frequent', '一年内是否已申请过2次及以上？', '是（本次为第3次及以上）', '否'),
  ],
  materials: [
    form('application', '无犯罪记录证明申请表', 'GA-11 无犯罪记录证明申请表样表'),
    residentId({ copies: 0, note: '无身份证的可提交户口簿；电子证照调取成功的无需原件' }),
    residencePermit({ requiredWhen: when('household', 'nonlocal'), note: '须在有效期内' }),
    ...agentMaterials({ power: '委托书', note: '须载明委托事项，由申请人本人签字' }),
    material('purpose-proof', '用途证明材料', {
      requiredWhen: when('frequent', 'yes'),
      note: '如用人单位、学校等出具的需开具证明的函件',
    }),
  ],
});

const residenceCard = item({
  code: implCode('000101031000', '01'),
  name: '居住证签发',
  departmentCode: DEPT.police,
  type: '行政许可',
  serveTargets: ['自然人'],
  levels: ['county', 'township'],
  legalDays: 15,
  promisedDays: 10,
  fee: '首次申领免收工本费；换领、补领按规定收取工本费',
  conditions: '离开常住户口所在地，到本市居住半年以上，并符合有合法稳定就业、合法稳定住所、连续就读条件之一的公民。',
  location: '居住地派出所、街道（乡镇）便民服务中心公安窗口',
  keywords: ['办居住证', '暂住证', '外地户口', '居住登记', '外来人员'],
  situations: [
    choice('basis', '申领依据？', [
      ['job', '合法稳定就业'],
      ['home', '合法稳定住所'],
      ['study', '连续就读'],
    ]),
  ],
  materials: [
    residentId(),
    sharedCert('residence-registration', '居住登记信息（满半年）', {
      medium: '电子',
      note: '派出所系统核查居住登记时间，免提交',
    }),
    material('job-proof', '劳动合同、营业执照或社保缴纳证明等就业证明', {
      form: '复印件',
      requiredWhen: when('basis', 'job'),
    }),
    material('home-proof', '房屋产权证明或房屋租赁合同', { form: '复印件', requiredWhen: when('basis', 'home') }),
    material('study-proof', '学校出具的在读证明', { requiredWhen: when('basis', 'study') }),
    biometrics,
  ],
});

const idCardRenewal = item({
  code: implCode('000101030000', '02'),
  name: '居民身份证换领、补领',
  departmentCode: DEPT.police,
  type: '行政许可',
  serveTargets: ['自然人'],
  levels: ['county', 'township'],
  legalDays: 60,
  promisedDays: 20,
  fee: '工本费20元',
  conditions: '本市户籍居民身份证有效期满、证件损坏或遗失的，须本人到场申领；未满16周岁的由监护人陪同。',
  location: '户籍地派出所、区政务服务中心、街道（乡镇）便民服务中心公安窗口',
  keywords: ['换身份证', '补身份证', '身份证丢了', '身份证到期', '身份证过期'],
  situations: [actionSituation(['expire', 'reissue', 'replace'], '申领原因？')],
  materials: [
    householdRegister(),
    material('old-id', '原居民身份证', { requiredWhen: when(ACTION, 'expire', 'replace'), note: '办证时交回' }),
    biometrics,
  ],
});

const passport = redirectItem({
  code: implCode('000101041000', '01'),
  name: '普通护照签发',
  departmentCode: DEPT.police,
  type: '行政许可',
  serveTargets: ['自然人'],
  legalDays: 7,
  promisedDays: 7,
  fee: '每本120元',
  conditions: '中国公民因私出国，凭居民身份证在任一出入境窗口申请；登记备案的国家工作人员须经所在单位同意。',
  subCenterCode: SUB.exitEntry,
  keywords: ['办护照', '出国', '护照', '出境旅游'],
  situations: [yesNo('registeredStaff', '是否为登记备案的国家工作人员？')],
  materials: [
    residentId({ copies: 0 }),
    material('photo', '出入境证件相片', { note: '可在出入境窗口现场采集' }),
    material('employer-consent', '所在单位出具的同意出境意见', { requiredWhen: when('registeredStaff', 'yes') }),
  ],
});

const hkMacauPermit = redirectItem({
  code: implCode('000101042000', '01'),
  name: '往来港澳通行证及签注签发',
  departmentCode: DEPT.police,
  type: '行政许可',
  serveTargets: ['自然人'],
  legalDays: 7,
  promisedDays: 7,
  fee: '往来港澳通行证每本60元；签注按次数收费',
  conditions: '内地居民前往香港、澳门旅游、探亲、商务等，凭居民身份证在出入境窗口申请。',
  subCenterCode: SUB.exitEntry,
  keywords: ['港澳通行证', '去香港', '去澳门', '港澳签注'],
  materials: [residentId({ copies: 0 }), material('photo', '出入境证件相片', { note: '可在出入境窗口现场采集' })],
});

const vehicleRegistration = redirectItem({
  code: implCode('000101070000', '01'),
  name: '机动车注册登记',
  departmentCode: DEPT.police,
  type: '行政许可',
  serveTargets: ['自然人', '法人'],
  legalDays: 2,
  promisedDays: 1,
  fee: '号牌、行驶证工本费按规定标准收取',
  conditions: '新购机动车已缴纳车辆购置税、投保交强险，并经查验合格（免检车型除外）。',
  subCenterCode: SUB.vehicles,
  keywords: ['上牌', '新车上牌', '车辆登记', '买车上户', '挂牌'],
  situations: [applicantSituation('机动车所有人本人办理', '委托代理人办理')],
  materials: [
    residentId({ name: '机动车所有人身份证明' }),
    material('purchase-invoice', '机动车销售统一发票', { medium: '纸质或电子' }),
    material('conformity-cert', '机动车整车出厂合格证明或进口凭证'),
    sharedCert('purchase-tax', '车辆购置税完税证明或免税凭证', { medium: '电子', note: '税务信息联网核查，免提交' }),
    material('insurance', '机动车交通事故责任强制保险凭证', { medium: '纸质或电子' }),
    ...agentMaterials(),
  ],
});

const drivingLicenceRenewal = redirectItem({
  code: implCode('000101071000', '02'),
  name: '机动车驾驶证期满换证',
  departmentCode: DEPT.police,
  type: '行政许可',
  serveTargets: ['自然人'],
  legalDays: 1,
  promisedDays: 0,
  fee: '工本费10元',
  conditions: '机动车驾驶证有效期满前90日内申请换证。',
  subCenterCode: SUB.vehicles,
  keywords: ['换驾照', '驾驶证到期', '驾照换证', '驾驶证换证'],
  materials: [
    residentId({ copies: 0 }),
    material('driving-licence', '机动车驾驶证'),
    material('medical', '机动车驾驶人身体条件证明', { note: '医疗机构信息联网的免提交纸质证明' }),
    photos(1, '一寸'),
  ],
});

export const publicSecurityItems: Item[] = [
  securityGuard,
  noCriminalRecord,
  residenceCard,
  idCardRenewal,
  passport,
  hkMacauPermit,
  vehicleRegistration,
  drivingLicenceRenewal,
];
