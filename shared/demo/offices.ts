// Offices of every level and their windows. Division codes follow the 6/9/12-digit pattern
// (county 6, township 9, village 12); addresses and phones are illustrative demo values.
import type { Office, Window } from '../domain/catalogue';
import { DEPT } from './departments';

export const OFFICE = {
  city: '210100',
  heping: '210102',
  shenhe: '210103',
  hunnan: '210112',
  liaozhong: '210115',
  lixiang: '210112006',
  xiaozhaimen: '210115102',
  lixiangCommunity: '210112006201',
  xiaozhaimenVillage: '210115102203',
} as const;

export const offices: Office[] = [
  {
    code: OFFICE.city,
    name: '沈阳市政务服务中心',
    level: 'city',
    address: '沈阳市浑南区全运路109号',
    phone: '024-12345',
    parentCode: null,
  },
  {
    code: OFFICE.heping,
    name: '和平区政务服务中心',
    level: 'county',
    address: '沈阳市和平区南京南街1号',
    phone: '024-22812345',
    parentCode: OFFICE.city,
  },
  {
    code: OFFICE.shenhe,
    name: '沈河区政务服务中心',
    level: 'county',
    address: '沈阳市沈河区惠工街78号',
    phone: '024-22502345',
    parentCode: OFFICE.city,
  },
  {
    code: OFFICE.hunnan,
    name: '浑南区政务服务中心',
    level: 'county',
    address: '沈阳市浑南区智慧四街1-1号',
    phone: '024-31372345',
    parentCode: OFFICE.city,
  },
  {
    code: OFFICE.liaozhong,
    name: '辽中区政务服务中心',
    level: 'county',
    address: '沈阳市辽中区蒲东街道新华路20号',
    phone: '024-87882345',
    parentCode: OFFICE.city,
  },
  {
    code: OFFICE.lixiang,
    name: '浑南区李相街道便民服务中心',
    level: 'township',
    address: '沈阳市浑南区李相街道李相大街56号',
    phone: '024-24510123',
    parentCode: OFFICE.hunnan,
  },
  {
    code: OFFICE.xiaozhaimen,
    name: '辽中区肖寨门镇便民服务中心',
    level: 'township',
    address: '沈阳市辽中区肖寨门镇政府路8号',
    phone: '024-87660123',
    parentCode: OFFICE.liaozhong,
  },
  {
    code: OFFICE.lixiangCommunity,
    name: '李相街道李相社区党群服务中心代办点',
    level: 'village',
    address: '沈阳市浑南区李相街道李相社区办公楼一楼',
    phone: '024-24510456',
    parentCode: OFFICE.lixiang,
  },
  {
    code: OFFICE.xiaozhaimenVillage,
    name: '肖寨门镇肖寨门村便民服务代办点',
    level: 'village',
    address: '沈阳市辽中区肖寨门镇肖寨门村村委会',
    phone: '024-87660456',
    parentCode: OFFICE.xiaozhaimen,
  },
];

const social = [DEPT.civil, DEPT.labour, DEPT.disabled, DEPT.medicalInsurance, DEPT.health, DEPT.veterans];

/** The four window kinds of a district centre; the city centre has more of each. */
function districtWindows(officeCode: string, districtName: string): Window[] {
  return [
    { code: '01', officeCode, name: `${districtName}无差别综合窗口1号`, kind: 'general', departmentCodes: [] },
    { code: '02', officeCode, name: `${districtName}无差别综合窗口2号`, kind: 'general', departmentCodes: [] },
    { code: 'A1', officeCode, name: '社会民生分领域综合窗口', kind: 'domain', departmentCodes: social },
    {
      code: 'A2',
      officeCode,
      name: '市场准入分领域综合窗口',
      kind: 'domain',
      departmentCodes: [DEPT.market, DEPT.health, DEPT.culture],
    },
    { code: 'B1', officeCode, name: '综合出件窗口', kind: 'functional', departmentCodes: [] },
    { code: 'C1', officeCode, name: '企业开办营商服务窗口', kind: 'business', departmentCodes: [] },
  ];
}

export const windows: Window[] = [
  { code: '01', officeCode: OFFICE.city, name: '无差别综合窗口1号', kind: 'general', departmentCodes: [] },
  { code: '02', officeCode: OFFICE.city, name: '无差别综合窗口2号', kind: 'general', departmentCodes: [] },
  { code: '03', officeCode: OFFICE.city, name: '无差别综合窗口3号', kind: 'general', departmentCodes: [] },
  {
    code: 'A1',
    officeCode: OFFICE.city,
    name: '市场准入分领域综合窗口',
    kind: 'domain',
    departmentCodes: [DEPT.market],
  },
  {
    code: 'A2',
    officeCode: OFFICE.city,
    name: '交通建设分领域综合窗口',
    kind: 'domain',
    departmentCodes: [DEPT.transport, DEPT.construction, DEPT.housing],
  },
  {
    code: 'A3',
    officeCode: OFFICE.city,
    name: '社会事务分领域综合窗口',
    kind: 'domain',
    departmentCodes: [DEPT.police, DEPT.justice, DEPT.health, DEPT.education, DEPT.culture, DEPT.housingFund],
  },
  { code: 'B1', officeCode: OFFICE.city, name: '综合出件窗口', kind: 'functional', departmentCodes: [] },
  { code: 'B2', officeCode: OFFICE.city, name: '咨询引导与帮办代办窗口', kind: 'functional', departmentCodes: [] },
  { code: 'C1', officeCode: OFFICE.city, name: '企业开办营商服务窗口', kind: 'business', departmentCodes: [] },
  { code: 'C2', officeCode: OFFICE.city, name: '项目建设营商服务窗口', kind: 'business', departmentCodes: [] },
  ...districtWindows(OFFICE.heping, '和平区'),
  ...districtWindows(OFFICE.shenhe, '沈河区'),
  ...districtWindows(OFFICE.hunnan, '浑南区'),
  ...districtWindows(OFFICE.liaozhong, '辽中区'),
  { code: '01', officeCode: OFFICE.lixiang, name: '便民服务综合窗口1号', kind: 'general', departmentCodes: [] },
  { code: '02', officeCode: OFFICE.lixiang, name: '便民服务综合窗口2号', kind: 'general', departmentCodes: [] },
  { code: 'A1', officeCode: OFFICE.lixiang, name: '社会保障分领域窗口', kind: 'domain', departmentCodes: social },
  { code: '01', officeCode: OFFICE.xiaozhaimen, name: '便民服务综合窗口', kind: 'general', departmentCodes: [] },
  { code: 'B1', officeCode: OFFICE.xiaozhaimen, name: '帮办代办窗口', kind: 'functional', departmentCodes: [] },
  { code: '01', officeCode: OFFICE.lixiangCommunity, name: '社区代办窗口', kind: 'general', departmentCodes: [] },
  { code: '01', officeCode: OFFICE.xiaozhaimenVillage, name: '村级代办窗口', kind: 'general', departmentCodes: [] },
];
