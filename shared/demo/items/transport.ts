// 交通运输: road freight licensing and 道路运输证, ride-hailing drivers and vehicles.
// 货运许可 materials and the 20-day limit follow 《道路货物运输及站场管理规定》.
import type { Item } from '../../domain/catalogue';
import {
  ACTION,
  WHERE,
  actionSituation,
  agentMaterials,
  applicantSituation,
  form,
  implCode,
  item,
  material,
  photos,
  pledge,
  residencePermit,
  residentId,
  sharedCert,
  when,
  yesNo,
} from '../builders';
import { DEPT } from '../departments';

const vehicleLicence = (requiredWhen?: Record<string, string[]>) =>
  sharedCert('vehicle-licence', '机动车行驶证', {
    form: '复印件',
    copies: 1,
    requiredWhen,
    note: '公安交管部门核发，可通过部门共享核验的免收复印件',
  });

const inspectionReport = (requiredWhen?: Record<string, string[]>) =>
  material('inspection-report', '车辆综合性能检测报告（技术等级评定结论）', { form: '复印件', requiredWhen });

const transportCertificate = item({
  code: implCode('000113011000', '03'),
  name: '道路运输证配发（普通货运车辆）',
  departmentCode: DEPT.transport,
  type: '行政许可',
  serveTargets: ['法人', '自然人'],
  levels: ['city', 'county'],
  legalDays: 10,
  promisedDays: 0,
  immediateTier: 'within120',
  conditions:
    '已取得道路货物运输经营许可；车辆技术性能符合国家标准；总质量4.5吨及以下的普通货运车辆无需办理；12吨及以上普通货运车辆须安装符合标准的卫星定位装置。',
  location: WHERE.cityAndDistrict,
  keywords: ['办运输证', '营运证', '货车营运证', '车辆营运证', '上运输证'],
  situations: [
    applicantSituation('经营者（法定代表人）本人办理', '委托经办人办理'),
    yesNo('heavy', '车辆总质量是否在12吨及以上？'),
  ],
  materials: [
    form('application', '道路运输证配发申请表', 'JT-03 道路运输证配发申请表样表'),
    sharedCert('road-permit', '道路运输经营许可证', { note: '本部门核发，系统核验' }),
    vehicleLicence(),
    inspectionReport(),
    material('gps-cert', '卫星定位装置安装证明', { form: '复印件', requiredWhen: when('heavy', 'yes') }),
    ...agentMaterials(),
  ],
});

const freightLicence = item({
  code: implCode('000113011000', '01'),
  name: '道路货物运输经营许可',
  departmentCode: DEPT.transport,
  type: '行政许可',
  serveTargets: ['法人', '自然人'],
  levels: ['city', 'county'],
  legalDays: 20,
  promisedDays: 5,
  conditions:
    '有与其经营业务相适应并经检测合格的车辆；有符合规定条件的驾驶人员（取得相应从业资格证，年龄不超过60周岁）；有健全的安全生产管理制度。',
  location: WHERE.cityAndDistrict,
  keywords: ['货运许可', '跑运输', '物流公司资质', '货运经营', '运输公司'],
  situations: [
    applicantSituation('负责人本人办理', '委托经办人办理'),
    yesNo('hasVehicles', '是否已购置营运车辆？', '已购置', '尚未购置（承诺投入）'),
  ],
  materials: [
    form('application', '道路货物运输经营申请表', 'JT-01 道路货物运输经营申请表样表'),
    residentId({ name: '负责人身份证明' }),
    vehicleLicence(when('hasVehicles', 'yes')),
    inspectionReport(when('hasVehicles', 'yes')),
    pledge('vehicle-pledge', '拟投入车辆承诺书', 'JT-02 拟投入车辆承诺书样表', {
      requiredWhen: when('hasVehicles', 'no'),
      note: '载明拟投入车辆的数量、类型、技术性能和投入时间',
    }),
    material('driver-certs', '聘用或拟聘用驾驶员的机动车驾驶证、从业资格证', { form: '复印件', source: '部门核发' }),
    material('safety-rules', '安全生产管理制度文本'),
    ...agentMaterials(),
  ],
});

const rideHailingDriver = item({
  code: implCode('000113021000', '01'),
  name: '网络预约出租汽车驾驶员从业资格证核发',
  departmentCode: DEPT.transport,
  type: '行政许可',
  serveTargets: ['自然人'],
  levels: ['city'],
  legalDays: 20,
  promisedDays: 10,
  conditions:
    '取得相应准驾车型机动车驾驶证并具有3年以上驾驶经历；无交通肇事犯罪、危险驾驶犯罪记录，无吸毒记录，无饮酒后驾驶记录，最近连续3个记分周期内没有记满12分记录；无暴力犯罪记录；经全国公共科目和区域科目考试合格。',
  location: WHERE.city,
  keywords: ['网约车证', '网约车驾驶员证', '开网约车', '跑网约车', '人证'],
  situations: [yesNo('local', '是否本市户籍？', '本市户籍', '外地户籍（持本市居住证）')],
  materials: [
    form('application', '网络预约出租汽车驾驶员从业资格申请表', 'JT-21 网约车驾驶员从业资格申请表样表'),
    residentId(),
    residencePermit({ requiredWhen: when('local', 'no') }),
    material('driving-licence', '机动车驾驶证', { form: '原件核验', copies: 1, medium: '纸质或电子', source: '电子证照' }),
    photos(1, '一寸', { medium: '纸质或电子', note: '可窗口现场采集' }),
    sharedCert('no-crime-check', '无犯罪记录、无吸毒记录核查结果', {
      medium: '电子',
      note: '由窗口通过公安部门核查，申请人免提交',
    }),
    sharedCert('exam-result', '全国公共科目和区域科目考试合格成绩', {
      medium: '电子',
      note: '考试系统共享成绩，免提交纸质材料',
    }),
  ],
});

const qualificationRenewal = item({
  code: implCode('000113021000', '05'),
  name: '道路运输从业人员从业资格证换证、补证',
  departmentCode: DEPT.transport,
  type: '行政许可',
  serveTargets: ['自然人'],
  levels: ['city', 'county'],
  legalDays: 5,
  promisedDays: 0,
  immediateTier: 'within60',
  conditions: '从业资格证有效期6年，期满前30日内申请换证；证件遗失或损毁的申请补发。',
  location: WHERE.cityAndDistrict,
  keywords: ['从业资格证补办', '资格证换证', '货运资格证', '资格证到期', '客运资格证'],
  situations: [actionSituation(['expire', 'reissue', 'replace'], '申请原因？')],
  materials: [
    form('application', '道路运输从业人员从业资格证换证（补证）申请表', 'JT-25 从业资格证换补证申请表样表'),
    residentId(),
    photos(1, '一寸'),
    material('old-cert', '原从业资格证件', { requiredWhen: when(ACTION, 'expire', 'replace') }),
    pledge('loss-pledge', '从业资格证遗失声明承诺书', 'JT-26 遗失声明承诺书样表', {
      requiredWhen: when(ACTION, 'reissue'),
    }),
  ],
});

const rideHailingVehicle = item({
  code: implCode('000113022000', '01'),
  name: '网络预约出租汽车运输证核发',
  departmentCode: DEPT.transport,
  type: '行政许可',
  serveTargets: ['法人', '自然人'],
  levels: ['city'],
  legalDays: 20,
  promisedDays: 10,
  conditions:
    '7座及以下乘用车；安装具有行驶记录功能的车辆卫星定位装置、应急报警装置；车辆技术性能符合运营安全相关标准要求；车辆接入已取得经营许可的网约车平台。',
  location: WHERE.city,
  keywords: ['网约车车证', '网约车运输证', '车证', '网约车营运证'],
  situations: [applicantSituation('车辆所有人本人办理', '委托代理人办理')],
  materials: [
    form('application', '网络预约出租汽车运输证申请表', 'JT-22 网约车运输证申请表样表'),
    vehicleLicence(),
    material('platform-proof', '网约车平台公司出具的车辆接入证明'),
    material('gps-cert', '卫星定位装置和应急报警装置安装证明', { form: '复印件' }),
    material('insurance', '营运车辆保险单', { form: '复印件', medium: '纸质或电子' }),
    ...agentMaterials(),
  ],
});

export const transportItems: Item[] = [
  transportCertificate,
  freightLicence,
  rideHailingDriver,
  qualificationRenewal,
  rideHailingVehicle,
];
