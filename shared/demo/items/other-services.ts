// Smaller departments at the centre: 住房公积金 (moved into the city centre), 退役军人,
// 教育, 文化旅游 and 税务.
import type { Item } from '../../domain/catalogue';
import {
  WHERE,
  agentMaterials,
  applicantSituation,
  bankCard,
  businessLicence,
  form,
  implCode,
  item,
  material,
  photos,
  pledge,
  residentId,
  sharedCert,
  when,
  yesNo,
} from '../builders';
import { DEPT } from '../departments';

const housingFundRent = item({
  code: implCode('000117021000', '01'),
  name: '住房公积金提取（租赁住房）',
  departmentCode: DEPT.housingFund,
  type: '公共服务',
  serveTargets: ['自然人'],
  levels: ['city'],
  legalDays: 3,
  promisedDays: 0,
  immediateTier: 'within30',
  conditions: '职工及配偶在本市无自有住房且租赁住房的，可按规定额度提取住房公积金支付房租。',
  location: '沈阳市政务服务中心住房公积金综合窗口',
  keywords: ['提公积金', '取公积金', '公积金租房提取', '公积金提现', '租房提取'],
  situations: [yesNo('leaseFiled', '是否已办理房屋租赁登记备案？')],
  materials: [
    residentId({ copies: 0 }),
    material('lease', '房屋租赁合同及租赁登记备案证明', { form: '复印件', requiredWhen: when('leaseFiled', 'yes') }),
    pledge('no-home-pledge', '无自有住房租赁提取承诺书', 'GJ-01 租房提取承诺书样表', {
      requiredWhen: when('leaseFiled', 'no'),
      note: '承诺本人及配偶在本市无自有住房',
    }),
    bankCard({ name: '本人名下银行储蓄卡', note: '用于接收提取资金' }),
  ],
});

const veteranCard = item({
  code: implCode('000118031000', '01'),
  name: '退役军人优待证申领',
  departmentCode: DEPT.veterans,
  type: '公共服务',
  serveTargets: ['自然人'],
  levels: ['village', 'township', 'county'],
  legalDays: 30,
  promisedDays: 20,
  conditions: '户籍在本市的退役军人，以及符合条件的烈士遗属、因公牺牲军人遗属、病故军人遗属。',
  location: '户籍所在地社区（村）退役军人服务站、街道（乡镇）退役军人服务站',
  keywords: ['优待证', '退伍军人证', '军人优待', '退役军人卡'],
  situations: [applicantSituation('本人办理', '家属代办')],
  materials: [
    form('application', '退役军人优待证申请表', 'TY-01 优待证申请表样表'),
    residentId(),
    material('discharge-cert', '退出现役证明（退伍证、转业证等）', { form: '原件核验' }),
    photos(1, '二寸', { medium: '纸质或电子' }),
    ...agentMaterials(),
  ],
});

const teacherQualification = item({
  code: implCode('000110011000', '01'),
  name: '中小学教师资格认定',
  departmentCode: DEPT.education,
  type: '行政许可',
  serveTargets: ['自然人'],
  levels: ['city', 'county'],
  legalDays: 20,
  promisedDays: 15,
  conditions: '具备《教师法》规定的学历，普通话水平达到规定等级，身体健康，国家教师资格考试合格；思想品德鉴定实行个人承诺制。',
  location: WHERE.cityAndDistrict,
  keywords: ['教师资格证', '教资认定', '老师证', '教资'],
  materials: [
    form('application', '教师资格认定申请表', 'JY-01 教师资格认定申请表样表', { note: '网上报名后打印' }),
    residentId(),
    sharedCert('diploma', '学历证书', { note: '通过学信网核验，免提交' }),
    sharedCert('mandarin', '普通话水平测试等级证书', { note: '信息共享核验，免提交' }),
    material('medical', '教师资格认定体格检查表', { note: '在指定医院体检' }),
    sharedCert('exam-result', '国家教师资格考试合格证明', { medium: '电子', note: '考试系统共享，免提交' }),
    pledge('conduct-pledge', '个人承诺书（思想品德情况）', 'JY-02 个人承诺书样表'),
    photos(1, '一寸'),
  ],
});

const entertainmentVenue = item({
  code: implCode('000120011000', '01'),
  name: '娱乐场所经营许可',
  departmentCode: DEPT.culture,
  type: '行政许可',
  serveTargets: ['法人', '自然人'],
  levels: ['county'],
  legalDays: 20,
  promisedDays: 10,
  conditions: '投资人、法定代表人、主要负责人不存在《娱乐场所管理条例》规定的禁止情形；营业场所符合面积、设施和消防安全要求。',
  location: WHERE.district,
  keywords: ['开KTV', '歌厅', '开舞厅', '娱乐场所', '游艺厅'],
  situations: [applicantSituation('法定代表人或负责人办理', '委托代理人办理')],
  materials: [
    form('application', '娱乐场所经营许可申请书', 'WL-01 娱乐场所经营许可申请书样表'),
    businessLicence(),
    residentId({ name: '法定代表人、主要负责人身份证明' }),
    pledge('no-prohibited-pledge', '投资人、法定代表人、主要负责人无禁止情形承诺书', 'WL-02 无禁止情形承诺书样表'),
    material('site-proof', '营业场所产权证明或租赁合同', { form: '复印件' }),
    material('floor-plan', '营业场所平面图（含包厢分布和面积）'),
    ...agentMaterials(),
  ],
});

const travelAgency = item({
  code: implCode('000120021000', '01'),
  name: '旅行社业务经营许可',
  departmentCode: DEPT.culture,
  type: '行政许可',
  serveTargets: ['法人'],
  levels: ['city'],
  legalDays: 20,
  promisedDays: 10,
  conditions: '已取得企业法人资格，有固定的经营场所和必要的营业设施；取得许可后按规定缴存旅游服务质量保证金。',
  location: WHERE.city,
  keywords: ['开旅行社', '旅行社许可', '旅游公司'],
  situations: [applicantSituation('法定代表人办理', '委托代理人办理')],
  materials: [
    form('application', '旅行社业务经营许可申请书', 'WL-11 旅行社经营许可申请书样表'),
    businessLicence(),
    material('premises', '经营场所证明', { form: '复印件' }),
    material('facilities', '营业设施、设备情况说明'),
    ...agentMaterials(),
  ],
});

const taxRecord = item({
  code: implCode('000123011000', '01'),
  name: '个人所得税纳税记录开具',
  departmentCode: DEPT.tax,
  type: '公共服务',
  serveTargets: ['自然人'],
  levels: ['county', 'township'],
  legalDays: 0,
  promisedDays: 0,
  immediateTier: 'within30',
  conditions: '纳税人为本人申请开具个人所得税纳税记录；也可通过个人所得税APP自行开具。',
  location: WHERE.districtAndStreet,
  keywords: ['完税证明', '个税证明', '纳税证明', '个税记录'],
  situations: [applicantSituation('纳税人本人办理', '委托他人代办')],
  materials: [residentId({ copies: 0 }), ...agentMaterials()],
});

export const otherServiceItems: Item[] = [
  housingFundRent,
  veteranCard,
  teacherQualification,
  entertainmentVenue,
  travelAgency,
  taxRecord,
];
