// 卫生健康: 诊所备案 (备案凭证当场发放), 公共场所卫生许可 under 告知承诺 (当场决定),
// 生育登记 (即时办结 when the 婚育情况 pledge matches the population system), registrations.
import type { Item } from '../../domain/catalogue';
import {
  ACTION,
  WHERE,
  actionSituation,
  agentMaterials,
  applicantSituation,
  businessLicence,
  choice,
  form,
  householdRegister,
  implCode,
  item,
  marriageCert,
  material,
  photos,
  pledge,
  residentId,
  sharedCert,
  when,
  yesNo,
} from '../builders';
import { DEPT } from '../departments';

const clinicFiling = item({
  code: implCode('000114071000', '01'),
  name: '诊所备案',
  departmentCode: DEPT.health,
  type: '行政备案',
  serveTargets: ['法人', '自然人'],
  levels: ['city', 'county'],
  legalDays: 0,
  promisedDays: 0,
  immediateTier: 'within60',
  conditions:
    '诊所主要负责人取得医师执业证书并经注册后在医疗卫生机构执业满5年；房屋面积、布局和设备设施符合《诊所基本标准》。材料齐全的当场发放诊所备案凭证，不齐全的当场或5日内一次性告知需补正的全部内容。',
  location: WHERE.cityAndDistrict,
  keywords: ['开诊所', '个体诊所', '中医诊所', '口腔诊所', '诊所登记'],
  situations: [
    applicantSituation('举办人或主要负责人办理', '委托代理人办理'),
    yesNo('rented', '诊所用房是否租赁？', '租赁', '自有'),
  ],
  materials: [
    form('filing-form', '诊所备案信息表', 'WJ-01 诊所备案信息表样表'),
    material('floor-plan', '房屋平面布局图', { note: '标注尺寸和诊室、治疗室等功能分区' }),
    material('property-proof', '房屋产权证明', { form: '复印件', requiredWhen: when('rented', 'no') }),
    material('lease', '房屋租赁合同及出租方产权证明', { form: '复印件', requiredWhen: when('rented', 'yes') }),
    material('staff-list', '主要负责人及卫生技术人员名录和执业证书', {
      form: '复印件',
      note: '执业证书可通过电子证照核验的免收复印件',
    }),
    material('rules', '诊所规章制度'),
    ...agentMaterials(),
  ],
});

const publicPlaceHygiene = item({
  code: implCode('000114085000', '01'),
  name: '公共场所卫生许可（告知承诺）',
  departmentCode: DEPT.health,
  type: '行政许可',
  serveTargets: ['法人', '自然人'],
  levels: ['county'],
  legalDays: 20,
  promisedDays: 0,
  immediateTier: 'within120',
  conditions:
    '申请人自愿选择告知承诺方式，书面承诺符合卫生许可条件并在承诺期限内提交相关材料；窗口当场作出许可决定，卫生健康部门事后组织现场核查。许可证有效期4年。',
  location: WHERE.district,
  keywords: ['卫生许可证', '开理发店', '开宾馆', '美容院', '游泳馆', '洗浴'],
  situations: [
    applicantSituation('法定代表人或负责人办理', '委托代理人办理'),
    yesNo('special', '是否为50间以上住宿场所、人工游泳场所或使用集中空调通风系统的场所？'),
  ],
  materials: [
    form('application', '公共场所卫生许可申请表', 'WJ-11 公共场所卫生许可申请表样表'),
    pledge('commitment', '公共场所卫生许可告知承诺书', 'WJ-12 告知承诺书文本'),
    residentId({ name: '法定代表人或负责人身份证明' }),
    businessLicence(),
    material('site-plans', '地址方位示意图、平面图和卫生设施平面布局图'),
    material('hygiene-rules', '卫生管理制度'),
    pledge('inspection-pledge', '卫生检测或评价报告（承诺后补）', 'WJ-13 检测报告后补承诺书样表', {
      requiredWhen: when('special', 'yes'),
      note: '告知承诺方式下先签署承诺，在承诺期限内补交检测或评价报告',
    }),
    ...agentMaterials(),
  ],
});

const birthRegistration = item({
  code: implCode('000114031000', '01'),
  name: '生育登记',
  departmentCode: DEPT.health,
  type: '公共服务',
  serveTargets: ['自然人'],
  levels: ['county', 'township'],
  legalDays: 15,
  promisedDays: 0,
  immediateTier: 'within30',
  conditions:
    '依法登记结婚的夫妻，可在任一方户籍地乡镇（街道）办理。婚育情况承诺与人口信息系统一致的当场出具生育登记单；不一致需核实的15个工作日内办结。',
  location: '夫妻任一方户籍地街道（乡镇）便民服务中心或区政务服务中心卫生健康窗口',
  keywords: ['准生证', '生育服务证', '生孩子登记', '二孩登记', '三孩登记'],
  situations: [
    choice('marriage', '婚姻状况？', [
      ['first', '夫妻双方均为初婚'],
      ['remarried', '一方或双方再婚'],
    ]),
    choice('timing', '办理时点？', [
      ['before', '生育前登记'],
      ['after', '生育后补办'],
    ]),
    applicantSituation('夫妻一方或双方办理', '委托他人办理'),
  ],
  materials: [
    form('registration-form', '生育登记表', 'WJ-21 生育登记表样表'),
    pledge('marriage-pledge', '婚育情况承诺书', 'WJ-22 婚育情况承诺书样表', { note: '夫妻双方签字' }),
    residentId({ name: '夫妻双方居民身份证', copies: 0 }),
    householdRegister({ name: '夫妻双方户口簿或居住证', copies: 0 }),
    marriageCert({ copies: 0 }),
    material('divorce-docs', '离婚证及离婚协议书或法院判决书（调解书）', {
      form: '复印件',
      requiredWhen: when('marriage', 'remarried'),
    }),
    material('birth-cert', '出生医学证明', {
      form: '原件核验',
      source: '部门核发',
      requiredWhen: when('timing', 'after'),
    }),
    ...agentMaterials({ power: '办理计划生育事项委托书' }),
  ],
});

const physicianRegistration = item({
  code: implCode('000114051000', '01'),
  name: '医师执业注册',
  departmentCode: DEPT.health,
  type: '行政许可',
  serveTargets: ['自然人'],
  levels: ['city', 'county'],
  legalDays: 20,
  promisedDays: 5,
  conditions: '取得医师资格，身体健康，已受聘于拟执业的医疗卫生机构，不存在不予注册的情形。',
  location: WHERE.cityAndDistrict,
  keywords: ['医生注册', '医师证注册', '执业医师', '变更执业地点', '多点执业'],
  situations: [actionSituation(['new', 'change'], '注册类型？')],
  materials: [
    form('application', '医师执业注册申请审核表', 'WJ-31 医师执业注册申请审核表样表'),
    residentId(),
    photos(1, '一寸'),
    material('qualification', '医师资格证书', { form: '原件核验', medium: '纸质或电子', source: '电子证照' }),
    material('medical', '6个月内县级以上医疗机构出具的健康体检证明'),
    material('employment', '拟执业机构出具的聘用证明'),
    material('practice-cert', '医师执业证书', { source: '部门核发', requiredWhen: when(ACTION, 'change') }),
  ],
});

const nurseRegistration = item({
  code: implCode('000114052000', '01'),
  name: '护士执业注册',
  departmentCode: DEPT.health,
  type: '行政许可',
  serveTargets: ['自然人'],
  levels: ['city', 'county'],
  legalDays: 20,
  promisedDays: 5,
  conditions: '具有完全民事行为能力，取得规定学历并通过国务院卫生主管部门组织的护士执业资格考试，符合健康标准。',
  location: WHERE.cityAndDistrict,
  keywords: ['护士注册', '护士证', '护士执业证'],
  materials: [
    form('application', '护士执业注册申请审核表', 'WJ-35 护士执业注册申请审核表样表'),
    residentId(),
    sharedCert('exam-result', '护士执业资格考试成绩合格证明', { medium: '电子', note: '考试系统共享成绩，免提交' }),
    material('diploma', '学历证书', { form: '原件核验', copies: 1, note: '可通过学信网核验' }),
    material('medical', '6个月内健康体检证明'),
    material('employment', '拟执业机构出具的聘用证明'),
  ],
});

export const healthItems: Item[] = [
  clinicFiling,
  publicPlaceHygiene,
  birthRegistration,
  physicianRegistration,
  nurseRegistration,
];
