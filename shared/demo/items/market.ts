// 市场监管: enterprise and 个体户 registration, food licensing, trademarks, special equipment.
// Company registration follows 《市场主体登记管理条例》 (当场登记 when complete, else 3 working
// days); national basic code 000131127004 for 公司登记注册 is quoted from a county guide.
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

const preLicence = sharedCert('prelicence-approval', '登记前置审批许可文件或许可证件', {
  form: '复印件',
  copies: 1,
  requiredWhen: when('prelicence', 'yes'),
  note: '经营范围涉及法律、行政法规规定须在登记前审批的项目时提交',
});

const companySetup = item({
  code: implCode('000131127004', '01'),
  name: '有限责任公司设立登记',
  departmentCode: DEPT.market,
  type: '行政许可',
  serveTargets: ['法人'],
  levels: ['city', 'county'],
  legalDays: 3,
  promisedDays: 0,
  immediateTier: 'within120',
  conditions:
    '符合《中华人民共和国公司法》规定的设立条件；企业名称经自主申报通过；有符合规定的住所（经营场所）；申请材料齐全、符合法定形式的当场登记并发放营业执照。',
  location: WHERE.cityAndDistrict,
  keywords: ['开公司', '注册公司', '办营业执照', '企业开办', '成立公司', '有限公司'],
  situations: [
    applicantSituation('法定代表人或全体股东指定代表办理', '委托代理人办理'),
    choice('shareholder', '股东构成？', [
      ['natural', '全部为自然人股东'],
      ['legal', '全部为法人或其他组织股东'],
      ['both', '既有自然人股东又有法人股东'],
    ]),
    yesNo('prelicence', '经营范围是否涉及登记前置审批？'),
  ],
  materials: [
    form('application', '公司登记（备案）申请书', 'SCJG-01 公司登记（备案）申请书样表', {
      note: '可在企业开办“一网通办”平台填报后打印，法定代表人签字',
    }),
    material('articles', '公司章程', { note: '全体股东签字（盖章）' }),
    residentId({
      id: 'shareholder-id',
      name: '自然人股东身份证明',
      requiredWhen: when('shareholder', 'natural', 'both'),
      note: '电子证照调取成功或已在登记系统完成实名认证的免收复印件',
    }),
    material('corporate-shareholder-cert', '法人股东主体资格证明（营业执照复印件）', {
      form: '复印件',
      source: '部门核发',
      requiredWhen: when('shareholder', 'legal', 'both'),
      note: '加盖法人股东公章',
    }),
    material('officer-appointment', '法定代表人、董事、监事、经理的任职文件', {
      note: '股东会决议或股东决定等，按公司章程规定签署',
    }),
    residentId({ id: 'legal-rep-id', name: '法定代表人身份证明' }),
    pledge('domicile-pledge', '住所（经营场所）申报承诺书', 'SCJG-02 住所申报承诺书样表', {
      note: '实行住所申报承诺制，申请人对住所真实性、合法性负责，免提交产权证明',
    }),
    ...agentMaterials({ power: '指定代表或者共同委托代理人授权委托书' }),
    preLicence,
  ],
});

const companyChange = item({
  code: implCode('000131127004', '02'),
  name: '有限责任公司变更登记',
  departmentCode: DEPT.market,
  type: '行政许可',
  serveTargets: ['法人'],
  levels: ['city', 'county'],
  legalDays: 3,
  promisedDays: 0,
  immediateTier: 'within120',
  conditions: '公司登记事项发生变更，应自作出变更决议或决定之日起30日内申请变更登记；申请材料齐全、符合法定形式的当场办结。',
  location: WHERE.cityAndDistrict,
  keywords: ['公司变更', '换法人', '改名字', '变更地址', '增资', '改经营范围'],
  situations: [
    applicantSituation('法定代表人办理', '委托代理人办理'),
    choice('changeItem', '变更事项？', [
      ['name', '名称'],
      ['domicile', '住所'],
      ['legalRep', '法定代表人'],
      ['capital', '注册资本'],
      ['scope', '经营范围'],
    ]),
  ],
  materials: [
    form('application', '公司登记（备案）申请书', 'SCJG-01 公司登记（备案）申请书样表'),
    material('change-resolution', '股东会决议或股东决定（变更决议）'),
    material('articles-amendment', '修改后的公司章程或章程修正案', {
      requiredWhen: when('changeItem', 'name', 'domicile', 'capital', 'scope'),
      note: '法定代表人签署',
    }),
    material('new-rep-appointment', '新任法定代表人任职文件', { requiredWhen: when('changeItem', 'legalRep') }),
    residentId({ id: 'new-rep-id', name: '新任法定代表人身份证明', requiredWhen: when('changeItem', 'legalRep') }),
    pledge('domicile-pledge', '新住所（经营场所）申报承诺书', 'SCJG-02 住所申报承诺书样表', {
      requiredWhen: when('changeItem', 'domicile'),
    }),
    material('licence', '营业执照正、副本', {
      source: '部门核发',
      note: '换发新执照时交回原执照',
    }),
    ...agentMaterials(),
  ],
});

const companyDeregistration = item({
  code: implCode('000131127004', '03'),
  name: '公司注销登记',
  departmentCode: DEPT.market,
  type: '行政许可',
  serveTargets: ['法人'],
  levels: ['city', 'county'],
  legalDays: 3,
  promisedDays: 1,
  conditions:
    '公司已依法清算完毕（普通注销）；或未发生债权债务、已将债权债务清偿完结且全体投资人书面承诺，经国家企业信用信息公示系统公示20日无异议的（简易注销）。',
  location: WHERE.cityAndDistrict,
  keywords: ['公司注销', '关公司', '简易注销', '注销执照'],
  situations: [
    choice('procedure', '注销程序？', [
      ['general', '普通注销'],
      ['simple', '简易注销'],
    ]),
    applicantSituation('清算组负责人或法定代表人办理', '委托代理人办理'),
  ],
  materials: [
    form('application', '公司注销登记申请书', 'SCJG-05 注销登记申请书样表'),
    material('liquidation-report', '经确认的清算报告', { requiredWhen: when('procedure', 'general') }),
    pledge('investor-pledge', '全体投资人承诺书', 'SCJG-06 简易注销全体投资人承诺书样表', {
      requiredWhen: when('procedure', 'simple'),
      note: '全体投资人签字（盖章），承诺不存在未结清的债权债务',
    }),
    sharedCert('tax-clearance', '清税证明', {
      medium: '电子',
      requiredWhen: when('procedure', 'general'),
      note: '税务部门信息共享，免提交纸质件',
    }),
    material('licence', '营业执照正、副本', { source: '部门核发' }),
    ...agentMaterials(),
  ],
});

const selfEmployedSetup = item({
  code: implCode('000131127005', '01'),
  name: '个体工商户设立登记',
  departmentCode: DEPT.market,
  type: '行政许可',
  serveTargets: ['自然人'],
  levels: ['county', 'township'],
  legalDays: 3,
  promisedDays: 0,
  immediateTier: 'within60',
  conditions: '有经营能力的自然人；经营场所符合规定；申请材料齐全、符合法定形式的当场登记，可当场领取营业执照。',
  location: WHERE.districtAndStreet,
  keywords: ['办个体执照', '开小店', '个体户', '个体营业执照', '摆摊执照', '开网店'],
  situations: [
    applicantSituation('经营者本人办理', '委托代理人办理'),
    yesNo('prelicence', '经营项目是否涉及登记前置审批？'),
  ],
  materials: [
    form('application', '个体工商户登记（备案）申请书', 'SCJG-21 个体工商户登记申请书样表', {
      note: '经营者本人签字',
    }),
    residentId({ name: '经营者身份证明' }),
    pledge('premises-pledge', '经营场所申报承诺书', 'SCJG-22 经营场所申报承诺书样表', {
      note: '实行经营场所申报承诺制，免提交场所使用证明',
    }),
    ...agentMaterials({ power: '委托代理人证明' }),
    preLicence,
  ],
});

const selfEmployedDeregistration = item({
  code: implCode('000131127005', '03'),
  name: '个体工商户注销登记',
  departmentCode: DEPT.market,
  type: '行政许可',
  serveTargets: ['自然人'],
  levels: ['county', 'township'],
  legalDays: 3,
  promisedDays: 0,
  immediateTier: 'within30',
  conditions: '个体工商户不再从事经营活动，已结清税款及相关费用。',
  location: WHERE.districtAndStreet,
  keywords: ['个体户注销', '关店', '不干了', '注销个体'],
  situations: [applicantSituation('经营者本人办理', '委托代理人办理')],
  materials: [
    form('application', '个体工商户注销登记申请书', 'SCJG-23 个体工商户注销申请书样表'),
    material('licence', '营业执照正、副本', {
      source: '部门核发',
      note: '执照遗失的，在国家企业信用信息公示系统发布遗失公告后办理',
    }),
    ...agentMaterials({ power: '委托代理人证明' }),
  ],
});

const foodLicence = item({
  code: implCode('000131106000', '01'),
  name: '食品经营许可',
  departmentCode: DEPT.market,
  type: '行政许可',
  serveTargets: ['法人', '自然人'],
  levels: ['city', 'county'],
  legalDays: 10,
  promisedDays: 5,
  conditions:
    '有与经营的食品品种、数量相适应的经营场所，并与有毒、有害场所及其他污染源保持规定距离；有相应的设备设施、食品安全管理人员和保证食品安全的规章制度。仅销售预包装食品的实行备案，不需申请许可。许可证有效期5年。',
  location: WHERE.cityAndDistrict,
  keywords: ['开饭馆', '开餐馆', '小吃店', '卖吃的', '餐饮许可', '食品许可证', '奶茶店', '单位食堂'],
  situations: [
    actionSituation(['new', 'change', 'renew', 'cancel']),
    applicantSituation('法定代表人（负责人）或经营者本人办理', '委托代理人办理'),
    yesNo('vending', '是否利用自动售货设备从事食品销售？'),
  ],
  materials: [
    form('application', '食品经营许可申请书', 'SCJG-11 食品经营许可申请书样表（新办/变更/延续/注销）', {
      note: '新办、变更、延续、注销各有对应申请书，窗口提供样表',
    }),
    businessLicence({ requiredWhen: when(ACTION, 'new') }),
    material('layout', '与食品经营相适应的主要设备设施布局、操作流程等文件', {
      requiredWhen: when(ACTION, 'new', 'change'),
      note: '变更的，仅在经营场所布局或经营项目变化时提交',
    }),
    material('safety-rules', '保证食品安全的规章制度（目录清单）', {
      necessity: '可容缺',
      requiredWhen: when(ACTION, 'new', 'renew'),
      note: '可容缺受理：签署容缺受理承诺书后在补正期限内补交',
    }),
    material('vending-docs', '自动售货设备产品合格证明、放置地点、经营者名称住所联系方式及许可证公示方法等材料', {
      form: '复印件',
      requiredWhen: when('vending', 'yes'),
    }),
    material('licence', '食品经营许可证正、副本', {
      source: '部门核发',
      requiredWhen: when(ACTION, 'change', 'renew', 'cancel'),
    }),
    ...agentMaterials(),
  ],
});

const prepackagedFiling = item({
  code: implCode('000131106000', '05'),
  name: '仅销售预包装食品备案',
  departmentCode: DEPT.market,
  type: '行政备案',
  serveTargets: ['法人', '自然人'],
  levels: ['county', 'township'],
  legalDays: 0,
  promisedDays: 0,
  immediateTier: 'within60',
  conditions: '已取得营业执照等主体资格证明，仅销售预包装食品（含保健食品、特殊医学用途配方食品等）的经营者。',
  location: WHERE.districtAndStreet,
  keywords: ['小卖店', '便利店备案', '超市备案', '卖预包装食品', '卖零食'],
  situations: [applicantSituation('经营者本人办理', '委托代理人办理')],
  materials: [
    form('filing-form', '仅销售预包装食品经营者备案信息采集表', 'SCJG-15 预包装食品备案信息采集表样表'),
    businessLicence(),
    ...agentMaterials(),
  ],
});

const trademarkApplication = item({
  code: implCode('000131208000', '01'),
  name: '商标注册申请受理',
  departmentCode: DEPT.market,
  type: '行政许可',
  serveTargets: ['法人', '自然人'],
  levels: ['city'],
  legalDays: 5,
  promisedDays: 3,
  fee: '按国家知识产权局标准收取官费：纸质申请每类300元（限定本类10个商品，超过的每个商品加收30元）',
  conditions:
    '本窗口为国家知识产权局商标业务受理窗口，负责受理、收费和转报；商标注册审查由国家知识产权局依法进行，审查期限为9个月。',
  location: '沈阳市政务服务中心商标业务受理窗口',
  keywords: ['注册商标', '申请商标', '商标', '品牌注册', 'logo注册'],
  situations: [
    choice('applicantType', '申请人类型？', [
      ['company', '企业或其他组织'],
      ['person', '自然人（个体工商户等）'],
    ]),
    applicantSituation('申请人本人（单位经办人）办理', '委托代理人办理'),
  ],
  materials: [
    form('application', '商标注册申请书', 'SBJ-01 商标注册申请书样表', {
      note: '按《类似商品和服务区分表》填写指定商品或服务项目',
    }),
    material('mark-image', '商标图样', {
      note: '长和宽不大于10厘米、不小于5厘米，图样清晰；要求保护颜色的提交着色图样',
    }),
    businessLicence({
      form: '复印件',
      copies: 1,
      medium: '纸质',
      requiredWhen: when('applicantType', 'company'),
      note: '加盖申请单位公章',
    }),
    residentId({
      id: 'applicant-id',
      name: '申请人身份证明及个体工商户营业执照等主体资格证明',
      form: '复印件',
      requiredWhen: when('applicantType', 'person'),
      note: '申请人签字确认',
    }),
    ...agentMaterials({ power: '商标代理委托书' }),
  ],
});

const trademarkPledge = item({
  code: implCode('000131208000', '07'),
  name: '商标质权登记',
  departmentCode: DEPT.market,
  type: '行政确认',
  serveTargets: ['法人', '自然人'],
  levels: ['city'],
  legalDays: 5,
  promisedDays: 3,
  conditions: '以注册商标专用权出质的，出质人与质权人订立书面质权合同，并共同申请办理质权登记。',
  location: '沈阳市政务服务中心商标业务受理窗口',
  keywords: ['商标质押', '商标贷款', '商标抵押', '知识产权质押'],
  situations: [
    choice('registration', '登记类型？', [
      ['new', '设立登记'],
      ['change', '变更登记'],
      ['extend', '延期登记'],
      ['cancel', '注销登记'],
    ]),
    applicantSituation('出质人和质权人共同办理', '委托代理人办理'),
  ],
  materials: [
    form('application', '商标专用权质权登记申请书', 'SBJ-07 商标专用权质权登记申请书样表', {
      note: '出质人、质权人双方签字或盖章',
    }),
    material('party-certs', '出质人、质权人主体资格证明或身份证明', { form: '复印件', source: '部门核发' }),
    material('main-contract', '主合同', {
      form: '原件核验',
      requiredWhen: when('registration', 'new', 'change', 'extend'),
    }),
    material('pledge-contract', '注册商标专用权质权合同', { requiredWhen: when('registration', 'new') }),
    material('trademark-cert', '商标注册证', {
      form: '复印件',
      source: '部门核发',
      requiredWhen: when('registration', 'new'),
    }),
    material('change-proof', '变更或延期的补充协议等证明文件', {
      requiredWhen: when('registration', 'change', 'extend'),
    }),
    material('cancel-proof', '主债权消灭或质权实现等注销证明文件', { requiredWhen: when('registration', 'cancel') }),
    ...agentMaterials(),
  ],
});

const specialEquipment = item({
  code: implCode('000131134000', '01'),
  name: '特种设备使用登记',
  departmentCode: DEPT.market,
  type: '行政许可',
  serveTargets: ['法人'],
  levels: ['city', 'county'],
  legalDays: 15,
  promisedDays: 5,
  conditions: '特种设备在投入使用前或者投入使用后30日内办理使用登记；设备经监督检验或定期检验合格。',
  location: WHERE.cityAndDistrict,
  keywords: ['电梯登记', '锅炉登记', '叉车上牌', '压力容器登记', '特种设备'],
  situations: [applicantSituation('使用单位负责人办理', '委托经办人办理')],
  materials: [
    form('application', '特种设备使用登记表', 'SCJG-31 特种设备使用登记表样表', { copies: 2, note: '一式二份' }),
    businessLicence(),
    material('product-cert', '特种设备产品合格证', { form: '复印件' }),
    material('inspection-cert', '监督检验证明或定期检验报告', { form: '复印件' }),
    material('operator-certs', '特种设备安全管理和作业人员资格证书', { form: '复印件', source: '部门核发' }),
    ...agentMaterials(),
  ],
});

export const marketItems: Item[] = [
  companySetup,
  companyChange,
  companyDeregistration,
  selfEmployedSetup,
  selfEmployedDeregistration,
  foodLicence,
  prepackagedFiling,
  trademarkApplication,
  trademarkPledge,
  specialEquipment,
];
