// 司法: lawyer annual-assessment filing (city characteristic item), law-firm changes, and
// 法律援助 (redirected to the 法律援助中心; 7-day review under 《法律援助法》).
import type { Item } from '../../domain/catalogue';
import {
  WHERE,
  agentMaterials,
  applicantSituation,
  choice,
  form,
  implCode,
  item,
  material,
  pledge,
  redirectItem,
  residentId,
  sharedCert,
  when,
} from '../builders';
import { DEPT } from '../departments';
import { SUB } from '../sub-centers';

const lawyerAssessment = item({
  code: implCode('000121011000', '01'),
  name: '律师执业年度考核结果备案',
  departmentCode: DEPT.justice,
  type: '其他行政权力',
  serveTargets: ['自然人', '法人'],
  levels: ['city'],
  legalDays: 5,
  promisedDays: 0,
  immediateTier: 'within60',
  conditions:
    '律师事务所已完成对本所律师上一年度执业活动的考核，考核结果经律师协会审查确认；律师执业证书在有效期内。备案后在律师执业证书上加盖“律师年度考核备案”专用章。',
  location: WHERE.city,
  keywords: ['律师年检', '律师年度考核', '律师证年检', '律所年检', '律师证盖章'],
  situations: [applicantSituation('律师本人办理', '律师事务所统一办理（经办人）')],
  materials: [
    form('assessment-form', '律师执业年度考核登记表', 'SF-01 律师执业年度考核登记表样表'),
    material('summary', '律师事务所和律师汇总表', { note: '律师事务所盖章' }),
    sharedCert('bar-opinion', '律师协会考核意见', { form: '原件', copies: 1, medium: '纸质', note: '由市律师协会出具' }),
    material('licence', '律师执业证书', {
      form: '原件核验',
      copies: 0,
      source: '部门核发',
      note: '窗口加盖备案专用章后当场返还',
    }),
    ...agentMaterials({ power: '律师事务所介绍信' }),
  ],
});

const lawFirmChange = item({
  code: implCode('000121012000', '02'),
  name: '律师事务所变更登记',
  departmentCode: DEPT.justice,
  type: '行政许可',
  serveTargets: ['法人'],
  levels: ['city'],
  legalDays: 20,
  promisedDays: 10,
  conditions: '律师事务所变更名称、住所、负责人或合伙人的，应经律师事务所决定后向原审核机关申请变更。',
  location: WHERE.city,
  keywords: ['律所变更', '律所搬家', '律所改名', '换律所主任'],
  situations: [
    choice('changeItem', '变更事项？', [
      ['name', '名称'],
      ['domicile', '住所'],
      ['head', '负责人'],
      ['partner', '合伙人'],
    ]),
    applicantSituation('负责人本人办理', '委托经办人办理'),
  ],
  materials: [
    form('application', '律师事务所变更登记申请表', 'SF-05 律师事务所变更登记申请表样表'),
    material('resolution', '律师事务所变更决议'),
    pledge('domicile-pledge', '新住所使用情况承诺书', 'SF-06 住所承诺书样表', {
      requiredWhen: when('changeItem', 'domicile'),
    }),
    material('head-licence', '新任负责人律师执业证书', { form: '复印件', source: '部门核发', requiredWhen: when('changeItem', 'head') }),
    material('partnership-agreement', '修改后的合伙协议', { requiredWhen: when('changeItem', 'partner') }),
    material('firm-licence', '律师事务所执业许可证正、副本', {
      source: '部门核发',
      requiredWhen: when('changeItem', 'name', 'domicile'),
    }),
    ...agentMaterials(),
  ],
});

const legalAid = redirectItem({
  code: implCode('000121031000', '01'),
  name: '法律援助申请',
  departmentCode: DEPT.justice,
  type: '公共服务',
  serveTargets: ['自然人'],
  legalDays: 7,
  promisedDays: 5,
  conditions: '因经济困难没有委托代理人的当事人，就依法可以申请法律援助的事项申请；经济困难状况实行个人诚信承诺。',
  subCenterCode: SUB.legalAid,
  keywords: ['免费律师', '找律师', '打官司没钱', '法援', '讨薪'],
  situations: [applicantSituation('当事人本人申请', '法定代理人或委托他人代为申请')],
  materials: [
    form('application', '法律援助申请表', 'FY-01 法律援助申请表样表'),
    residentId(),
    pledge('hardship-pledge', '经济困难状况个人诚信承诺书', 'FY-02 经济困难状况承诺书样表'),
    material('case-docs', '与所申请法律援助事项有关的证据材料', { form: '复印件' }),
    ...agentMaterials(),
  ],
});

export const justiceItems: Item[] = [lawyerAssessment, lawFirmChange, legalAid];
