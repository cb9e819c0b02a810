// 医疗保障: residents' insurance enrolment and 异地就医备案 at the window; reimbursement and
// 门诊慢特病 certification go to the 医疗保障事务服务中心.
import type { Item } from '../../domain/catalogue';
import {
  WHERE,
  agentMaterials,
  applicantSituation,
  bankCard,
  choice,
  form,
  householdRegister,
  implCode,
  item,
  material,
  photos,
  pledge,
  redirectItem,
  residentId,
  when,
} from '../builders';
import { DEPT } from '../departments';
import { SUB } from '../sub-centers';

const residentMedical = item({
  code: implCode('000119001000', '01'),
  name: '城乡居民基本医疗保险参保登记',
  departmentCode: DEPT.medicalInsurance,
  type: '公共服务',
  serveTargets: ['自然人'],
  levels: ['village', 'township', 'county'],
  legalDays: 3,
  promisedDays: 0,
  immediateTier: 'within30',
  conditions: '未参加职工基本医疗保险的本市城乡居民（含未成年人、在校学生）及持本市居住证人员。',
  location: WHERE.grassroots,
  keywords: ['居民医保', '交医保', '新农合', '参加医保', '合作医疗', '少儿医保'],
  situations: [
    choice('group', '参保人群？', [
      ['adult', '城乡居民（成年人）'],
      ['minor', '未成年人'],
      ['student', '在校大学生'],
    ]),
    applicantSituation('本人办理', '监护人或他人代办'),
  ],
  materials: [
    form('registration-form', '城乡居民基本医疗保险参保登记表', 'YB-01 居民医保参保登记表样表'),
    residentId({ name: '参保人居民身份证', copies: 0 }),
    householdRegister({ requiredWhen: when('group', 'minor'), copies: 0 }),
    material('student-proof', '学生证或学校出具的在校证明', { form: '原件核验', requiredWhen: when('group', 'student') }),
    ...agentMaterials(),
  ],
});

const outOfTownFiling = item({
  code: implCode('000119011000', '01'),
  name: '异地就医备案',
  departmentCode: DEPT.medicalInsurance,
  type: '公共服务',
  serveTargets: ['自然人'],
  levels: ['township', 'county'],
  legalDays: 0,
  promisedDays: 0,
  immediateTier: 'within30',
  conditions: '本市参保人员异地长期居住、临时外出就医或经转诊转院到外地就医的，在就医前办理备案。',
  location: WHERE.districtAndStreet,
  keywords: ['异地就医', '外地看病', '异地备案', '转外就医', '外地报销'],
  situations: [
    choice('kind', '备案类型？', [
      ['resident', '异地长期居住'],
      ['temporary', '临时外出就医'],
      ['referral', '转诊转院'],
    ]),
    applicantSituation('参保人本人办理', '委托他人代办'),
  ],
  materials: [
    form('filing-form', '异地就医备案登记表', 'YB-11 异地就医备案登记表样表'),
    residentId({ name: '参保人居民身份证或社会保障卡', copies: 0 }),
    pledge('residence-pledge', '异地长期居住个人承诺书', 'YB-12 异地长期居住承诺书样表', {
      requiredWhen: when('kind', 'resident'),
    }),
    material('referral-proof', '转诊转院证明', { requiredWhen: when('kind', 'referral'), note: '由参保地定点医疗机构出具' }),
    ...agentMaterials(),
  ],
});

const manualReimbursement = redirectItem({
  code: implCode('000119021000', '01'),
  name: '医疗费用手工（零星）报销',
  departmentCode: DEPT.medicalInsurance,
  type: '行政给付',
  serveTargets: ['自然人'],
  legalDays: 30,
  promisedDays: 20,
  conditions: '参保人员因故未能直接结算、全额垫付的合规医疗费用，按规定申请报销。',
  subCenterCode: SUB.medicalInsurance,
  keywords: ['医药费报销', '垫付报销', '手工报销', '零星报销', '看病报销'],
  situations: [applicantSituation('参保人本人办理', '委托他人代办')],
  materials: [
    form('application', '医疗费用手工报销申请表', 'YB-21 手工报销申请表样表'),
    residentId(),
    material('invoices', '医疗费用票据'),
    material('fee-list', '费用明细清单'),
    material('discharge-summary', '出院记录或诊断证明', { form: '复印件' }),
    bankCard(),
    ...agentMaterials(),
  ],
});

const chronicDisease = redirectItem({
  code: implCode('000119031000', '01'),
  name: '门诊慢特病待遇认定',
  departmentCode: DEPT.medicalInsurance,
  type: '行政确认',
  serveTargets: ['自然人'],
  legalDays: 20,
  promisedDays: 15,
  conditions: '本市参保人员患有本市规定的门诊慢性病、特殊疾病病种，经认定后享受门诊慢特病待遇。',
  subCenterCode: SUB.medicalInsurance,
  keywords: ['慢病', '门诊慢病', '特病', '慢特病认定', '办慢病卡'],
  materials: [
    form('application', '门诊慢特病待遇认定申请表', 'YB-31 慢特病认定申请表样表'),
    residentId(),
    material('medical-records', '二级及以上医疗机构出具的病历、检查检验报告', { form: '复印件' }),
    photos(1, '一寸'),
  ],
});

export const medicalInsuranceItems: Item[] = [residentMedical, outOfTownFiling, manualReimbursement, chronicDisease];
