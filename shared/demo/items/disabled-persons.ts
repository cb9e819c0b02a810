// 残联: 残疾人证 (applied for at the grassroots, issued by the county 残联; 评残 and the
// 5-working-day 公示 are separate steps) and assistive-device subsidies.
import type { Item } from '../../domain/catalogue';
import {
  ACTION,
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
  residentId,
  when,
  yesNo,
} from '../builders';
import { DEPT } from '../departments';

const disabilityCard = item({
  code: implCode('000140001000', '01'),
  name: '残疾人证核发',
  departmentCode: DEPT.disabled,
  type: '行政确认',
  serveTargets: ['自然人'],
  levels: ['village', 'township', 'county'],
  legalDays: 10,
  promisedDays: 5,
  conditions:
    '本市户籍或持本市居住证，视力、听力、言语、肢体、智力、精神等方面存在长期功能障碍的人员；须本人到定点评残医院进行残疾评定；新办须公示5个工作日（未成年人除外）；等级变更每年只能申请一次。评残和公示时间不计入办理时限。',
  location: WHERE.grassroots,
  keywords: ['残疾证', '办残疾证', '评残', '残疾人证', '换残疾证'],
  situations: [
    choice(ACTION, '申请类型？', [
      ['new', '新办'],
      ['expire', '到期换领'],
      ['grade', '残疾等级变更'],
      ['reissue', '挂失补办'],
      ['replace', '残损换新'],
    ]),
    applicantSituation('残疾人本人办理', '法定监护人或委托人办理'),
    yesNo('guardian', '申请人是否为未成年人或智力、精神残疾人？'),
  ],
  materials: [
    form('application', '残疾人证申请表', 'CL-01 残疾人证申请表样表'),
    material('assessment', '残疾评定表', {
      copies: 2,
      requiredWhen: when(ACTION, 'new', 'expire', 'grade'),
      note: '由定点评残医院出具',
    }),
    residentId(),
    householdRegister(),
    residentId({
      id: 'guardian-id',
      name: '法定监护人居民身份证、户口簿',
      requiredWhen: when('guardian', 'yes'),
    }),
    photos(4, '二寸', { requiredWhen: when(ACTION, 'new', 'expire', 'grade') }),
    material('photos-replacement', '近期二寸免冠白底彩色照片', {
      copies: 2,
      requiredWhen: when(ACTION, 'reissue', 'replace'),
    }),
    material('medical-records', '近一年以上县级以上医院相关病历', {
      form: '复印件',
      requiredWhen: when(ACTION, 'new'),
      note: '先天性残疾除外',
    }),
    material('old-card', '原残疾人证', {
      requiredWhen: when(ACTION, 'expire', 'grade', 'replace'),
      note: '残损换新的交回破损证件',
    }),
    material('loss-statement', '残疾人证遗失申请（经社区（村）、街道（乡镇）签章）', {
      requiredWhen: when(ACTION, 'reissue'),
    }),
    ...agentMaterials({ power: '委托书' }),
  ],
});

const assistiveDevices = item({
  code: implCode('000140011000', '01'),
  name: '残疾人辅助器具适配补贴申请',
  departmentCode: DEPT.disabled,
  type: '行政给付',
  serveTargets: ['自然人'],
  levels: ['township', 'county'],
  legalDays: 20,
  promisedDays: 15,
  conditions: '持有本市残疾人证，经评估需要适配基本型辅助器具的残疾人。',
  location: WHERE.districtAndStreet,
  keywords: ['轮椅', '助听器', '假肢', '辅具补贴', '辅助器具'],
  situations: [applicantSituation('残疾人本人办理', '监护人或家属代办')],
  materials: [
    form('application', '辅助器具适配补贴申请表', 'CL-11 辅助器具适配补贴申请表样表'),
    material('disability-card', '中华人民共和国残疾人证', { form: '原件核验', medium: '纸质或电子', source: '电子证照' }),
    residentId(),
    material('assessment', '辅助器具适配评估意见', { note: '由辅助器具服务机构出具' }),
    bankCard(),
    ...agentMaterials(),
  ],
});

export const disabledPersonsItems: Item[] = [disabilityCard, assistiveDevices];
