// 不动产登记: handled at the 不动产登记中心 sub-centre (30 working days statutory under
// 《不动产登记暂行条例》; fees per the national 不动产登记费 schedule).
import type { Item } from '../../domain/catalogue';
import {
  agentMaterials,
  applicantSituation,
  form,
  implCode,
  marriageCert,
  material,
  redirectItem,
  residentId,
  sharedCert,
  when,
  yesNo,
} from '../builders';
import { DEPT } from '../departments';
import { SUB } from '../sub-centers';

const propertyCert = material('property-cert', '不动产权证书或房屋所有权证');

const transfer = redirectItem({
  code: implCode('000111041000', '01'),
  name: '不动产转移登记（存量房买卖）',
  departmentCode: DEPT.naturalResources,
  type: '行政确认',
  serveTargets: ['自然人', '法人'],
  legalDays: 30,
  promisedDays: 5,
  fee: '住宅类每件80元，非住宅类每件550元（含一本不动产权证书）',
  conditions: '存量房买卖合同已网签备案、税费已缴纳，买卖双方共同申请。',
  subCenterCode: SUB.realEstate,
  keywords: ['房屋过户', '二手房过户', '买房过户', '办房产证', '房本'],
  situations: [
    applicantSituation('买卖双方本人办理', '委托代理人办理'),
    yesNo('married', '出卖人是否已婚？'),
  ],
  materials: [
    form('application', '不动产登记申请书', 'BDC-01 不动产登记申请书样表'),
    residentId({ name: '买卖双方身份证明' }),
    propertyCert,
    material('contract', '存量房买卖合同', { note: '经网签备案' }),
    sharedCert('tax-proof', '完税凭证', { medium: '电子', note: '税务部门信息共享，免提交' }),
    marriageCert({ requiredWhen: when('married', 'yes') }),
    material('spouse-consent', '配偶同意出售的书面意见', { requiredWhen: when('married', 'yes') }),
    ...agentMaterials({ power: '经公证的授权委托书' }),
  ],
});

const mortgage = redirectItem({
  code: implCode('000111043000', '01'),
  name: '不动产抵押权首次登记',
  departmentCode: DEPT.naturalResources,
  type: '行政确认',
  serveTargets: ['自然人', '法人'],
  legalDays: 30,
  promisedDays: 3,
  fee: '住宅类每件80元，非住宅类每件550元；小微企业申请的免收',
  conditions: '以不动产设定抵押的，抵押人与抵押权人持抵押合同等材料共同申请。',
  subCenterCode: SUB.realEstate,
  keywords: ['房屋抵押', '抵押登记', '房贷抵押', '贷款抵押'],
  situations: [applicantSituation('抵押人和抵押权人共同办理', '委托代理人办理')],
  materials: [
    form('application', '不动产登记申请书', 'BDC-01 不动产登记申请书样表'),
    residentId({ name: '抵押人、抵押权人身份证明' }),
    propertyCert,
    material('main-contract', '主债权合同'),
    material('mortgage-contract', '抵押合同'),
    ...agentMaterials(),
  ],
});

export const realEstateItems: Item[] = [transfer, mortgage];
