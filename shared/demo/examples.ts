// Fixed points in the demo catalogue for end-to-end tests, screenshots and training
// scenarios, so they do not hard-code 实施编码 that may move when the data is edited.
import { implCode } from './builders';
import { OFFICE } from './offices';

export const DEMO_WORKSTATION = { officeCode: OFFICE.city, windowCode: '01' } as const;
export const DEMO_VILLAGE_WORKSTATION = { officeCode: OFFICE.lixiangCommunity, windowCode: '01' } as const;

export const DEMO_ITEMS = {
  /** 无犯罪记录证明开具: 极速办, 本人/代理人 situation; handled at city, county and township. */
  immediate30: implCode('000101099000', '01'),
  /** 普通护照签发: redirected to the 出入境 sub-centre. */
  redirect: implCode('000101041000', '01'),
  /** 食品经营许可: 承诺件 whose 规章制度 material is 可容缺 (新办/延续). */
  deferrable: implCode('000131106000', '01'),
  /** 有限责任公司设立登记: 高效办, 住所申报 by 告知承诺. */
  pledge: implCode('000131127004', '01'),
  /** 保安员证核发: 承诺件 (20 working days), city level only. */
  promised: implCode('000101062000', '01'),
  /** 城乡居民基本养老保险参保登记: village-level 极速办. */
  village: implCode('000109001000', '01'),
} as const;
