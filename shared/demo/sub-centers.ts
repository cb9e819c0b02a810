// The eight city sub-centres (市直专业分中心) named in the source article. Items they handle
// are not accepted at the comprehensive window; the clerk redirects with address and hours.
// Addresses and phone numbers are illustrative demo values, not verified public data.
import type { SubCenter } from '../domain/catalogue';

export const SUB = {
  exitEntry: 'CRJ',
  employment: 'JYRC',
  foreignMarriage: 'SWHY',
  legalAid: 'FLYZ',
  realEstate: 'BDCDJ',
  socialInsurance: 'SHBX',
  medicalInsurance: 'YBSW',
  vehicles: 'CGS',
} as const;

const WEEKDAYS = '周一至周五 8:30–11:30，13:00–17:00（法定节假日除外）';

export const subCenters: SubCenter[] = [
  {
    code: SUB.exitEntry,
    name: '市公安局出入境管理分中心',
    address: '沈阳市沈河区市府大路262号',
    phone: '024-22863110',
    hours: '周一至周六 8:30–17:00（法定节假日除外）',
  },
  {
    code: SUB.employment,
    name: '市就业和人才服务中心',
    address: '沈阳市和平区南京南街9号',
    phone: '024-23395566',
    hours: WEEKDAYS,
  },
  {
    code: SUB.foreignMarriage,
    name: '市涉外婚姻登记中心',
    address: '沈阳市皇姑区黄河南大街76号',
    phone: '024-86123520',
    hours: '周一至周五 8:30–11:30，13:00–16:30（法定节假日除外）',
  },
  {
    code: SUB.legalAid,
    name: '市法律援助中心',
    address: '沈阳市沈河区北京街10号',
    phone: '024-12348',
    hours: WEEKDAYS,
  },
  {
    code: SUB.realEstate,
    name: '市不动产登记中心',
    address: '沈阳市浑南区浑南中路21号',
    phone: '024-31371234',
    hours: '周一至周五 8:30–17:00，周六 9:00–15:00（法定节假日除外）',
  },
  {
    code: SUB.socialInsurance,
    name: '市社会保险事业服务中心',
    address: '沈阳市和平区北二马路58号',
    phone: '024-12333',
    hours: WEEKDAYS,
  },
  {
    code: SUB.medicalInsurance,
    name: '市医疗保障事务服务中心',
    address: '沈阳市铁西区兴华南街36号',
    phone: '024-25826200',
    hours: WEEKDAYS,
  },
  {
    code: SUB.vehicles,
    name: '市公安局交通警察局车辆管理所',
    address: '沈阳市于洪区沈新路168号',
    phone: '024-25815122',
    hours: '周一至周日 8:30–16:30（法定节假日除外）',
  },
];

export const subCenterByCode = (code: string): SubCenter | undefined => subCenters.find((s) => s.code === code);
