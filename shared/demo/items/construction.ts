// 城乡建设 and 房产: construction permits (7-day statutory limit under 《建筑法》 and the
// 施工许可管理办法; projects under 30万元 or 300㎡ need none), completion filing, pre-sale.
import type { Item } from '../../domain/catalogue';
import {
  WHERE,
  agentMaterials,
  applicantSituation,
  businessLicence,
  form,
  implCode,
  item,
  material,
  pledge,
  residentId,
  sharedCert,
  when,
  yesNo,
} from '../builders';
import { DEPT } from '../departments';

const shared = (id: string, name: string) => sharedCert(id, name, { medium: '电子', note: '相关部门信息共享，免提交' });

const constructionPermit = item({
  code: implCode('000115005000', '01'),
  name: '建筑工程施工许可证核发',
  departmentCode: DEPT.construction,
  type: '行政许可',
  serveTargets: ['法人'],
  levels: ['city', 'county'],
  legalDays: 7,
  promisedDays: 3,
  conditions:
    '已办理用地批准手续；依法应当办理建设工程规划许可证的已取得规划许可；需要征收房屋的，其进度符合施工要求；已确定施工企业；有满足施工需要的资金安排、施工图纸及技术资料；有保证工程质量和安全的具体措施。工程投资额30万元以下或建筑面积300平方米以下的可不申请。',
  location: WHERE.cityAndDistrict,
  keywords: ['施工证', '开工证', '施工许可', '开工许可'],
  situations: [
    applicantSituation('建设单位法定代表人办理', '委托经办人办理'),
    yesNo('supervision', '是否属于依法必须实行监理的工程？'),
  ],
  materials: [
    form('application', '建筑工程施工许可申请表', 'CJ-01 建筑工程施工许可申请表样表', { copies: 2, note: '一式二份' }),
    shared('land-approval', '建设用地批准手续（不动产权证书）'),
    shared('planning-permit', '建设工程规划许可证'),
    material('construction-contract', '施工合同', { form: '复印件' }),
    material('supervision-contract', '监理合同', { form: '复印件', requiredWhen: when('supervision', 'yes') }),
    shared('drawing-review', '施工图设计文件审查合格书'),
    pledge('quality-safety-pledge', '保证工程质量和安全的具体措施承诺书', 'CJ-02 质量安全措施承诺书样表'),
    pledge('funding-pledge', '建设资金已落实承诺书', 'CJ-03 建设资金落实承诺书样表'),
    ...agentMaterials(),
  ],
});

const completionFiling = item({
  code: implCode('000115011000', '01'),
  name: '建设工程竣工验收备案',
  departmentCode: DEPT.construction,
  type: '行政备案',
  serveTargets: ['法人'],
  levels: ['city', 'county'],
  legalDays: 15,
  promisedDays: 5,
  conditions: '建设单位自工程竣工验收合格之日起15日内办理备案。',
  location: WHERE.cityAndDistrict,
  keywords: ['竣工备案', '验收备案', '竣工验收'],
  situations: [
    applicantSituation('建设单位法定代表人办理', '委托经办人办理'),
    yesNo('residential', '是否为商品住宅工程？'),
  ],
  materials: [
    form('filing-form', '房屋建筑和市政基础设施工程竣工验收备案表', 'CJ-11 竣工验收备案表样表', { copies: 2, note: '一式二份' }),
    material('acceptance-report', '工程竣工验收报告'),
    shared('planning-check', '规划条件核实意见'),
    shared('fire-check', '消防验收意见或备案凭证'),
    material('warranty', '施工单位签署的工程质量保修书'),
    material('housing-docs', '住宅质量保证书和住宅使用说明书', { requiredWhen: when('residential', 'yes') }),
    ...agentMaterials(),
  ],
});

const presalePermit = item({
  code: implCode('000116021000', '01'),
  name: '商品房预售许可证核发',
  departmentCode: DEPT.housing,
  type: '行政许可',
  serveTargets: ['法人'],
  levels: ['city'],
  legalDays: 10,
  promisedDays: 5,
  conditions:
    '已交付全部土地使用权出让金并取得土地使用权证书；持有建设工程规划许可证和施工许可证；按提供预售的商品房计算，投入开发建设的资金达到工程建设总投资的25%以上，并已确定施工进度和竣工交付日期。',
  location: WHERE.city,
  keywords: ['预售证', '卖期房', '楼盘预售', '售楼许可'],
  situations: [applicantSituation('开发企业法定代表人办理', '委托经办人办理')],
  materials: [
    form('application', '商品房预售许可申请表', 'FC-01 商品房预售许可申请表样表'),
    businessLicence(),
    material('developer-qualification', '房地产开发企业资质证书', { form: '原件核验', source: '部门核发' }),
    shared('land-certificate', '土地使用权证书（不动产权证书）'),
    shared('planning-permit', '建设工程规划许可证'),
    shared('construction-permit', '建筑工程施工许可证'),
    material('investment-proof', '工程施工进度和投资达到总投资25%以上的证明', { note: '由监理单位出具' }),
    material('sale-plan', '商品房预售方案'),
    ...agentMaterials(),
  ],
});

const leaseFiling = item({
  code: implCode('000116031000', '01'),
  name: '房屋租赁登记备案',
  departmentCode: DEPT.housing,
  type: '行政备案',
  serveTargets: ['自然人', '法人'],
  levels: ['county', 'township'],
  legalDays: 3,
  promisedDays: 0,
  immediateTier: 'within60',
  conditions: '房屋租赁合同订立后30日内，由出租人和承租人办理登记备案；不得出租违法建筑等禁止出租的房屋。',
  location: WHERE.districtAndStreet,
  keywords: ['租房备案', '租赁合同备案', '租房登记', '房屋出租'],
  situations: [applicantSituation('出租人和承租人共同办理', '委托代理人办理')],
  materials: [
    material('lease', '房屋租赁合同'),
    residentId({ name: '出租人、承租人身份证明' }),
    sharedCert('property-cert', '房屋不动产权证书或其他合法权属证明', { form: '原件核验', copies: 1 }),
    ...agentMaterials(),
  ],
});

export const constructionItems: Item[] = [constructionPermit, completionFiling, presalePermit, leaseFiling];
