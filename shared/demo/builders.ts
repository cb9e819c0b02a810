// Small factories for the demo catalogue, so that materials every guide repeats (身份证,
// 户口簿, 委托书 …) are written once and stay identical across items.
//
// Convention for a material's form and copies, as window staff read a 办事指南:
//   原件     – the original is kept; `copies` = how many originals are handed in.
//   复印件   – only a photocopy is kept; `copies` = how many photocopies.
//   原件核验 – the original is shown, checked and handed back; `copies` = photocopies kept (often 0).
import { subCenterByCode } from './sub-centers';
import type {
  ImmediateTier,
  Item,
  ItemType,
  Level,
  Material,
  RequiredWhen,
  ServeTarget,
  Situation,
} from '../domain/catalogue';

/** Administrative division code of the demo city (a Shenyang-like 副省级城市). */
export const CITY_DIVISION = '210100';

/**
 * 实施编码: city division (6) + national basic code (12, e.g. 000131127004) + business
 * sub-item (2). The national basic codes in the demo are invented except where the reference
 * quotes one (企业登记注册 000131127004).
 */
export function implCode(basicCode: string, subItem = '01'): string {
  return `${CITY_DIVISION}${basicCode}${subItem}`;
}

// ── Situations ──────────────────────────────────────────────────────────────

/** Situation id shared by every item that may be filed by an agent. */
export const APPLICANT = 'applicant';
export const SELF = 'self';
export const AGENT = 'agent';
/** Materials needed only when an agent (代理人) files. */
export const WHEN_AGENT: RequiredWhen = { [APPLICANT]: [AGENT] };

export function applicantSituation(selfLabel = '申请人本人办理', agentLabel = '委托代理人办理'): Situation {
  return {
    id: APPLICANT,
    question: '由谁到窗口办理？',
    options: [
      { value: SELF, label: selfLabel },
      { value: AGENT, label: agentLabel, agent: true },
    ],
  };
}

/** Situation id for the kind of application (新办/变更/延续/注销 …). */
export const ACTION = 'action';
const ACTION_LABEL = {
  new: '新办',
  change: '变更',
  renew: '延续',
  cancel: '注销',
  reissue: '遗失补办',
  replace: '损坏换领',
  expire: '到期换领',
} as const;
export type Action = keyof typeof ACTION_LABEL;

export function actionSituation(actions: Action[], question = '申请类型？'): Situation {
  return { id: ACTION, question, options: actions.map((a) => ({ value: a, label: ACTION_LABEL[a] })) };
}

/** A yes/no question; option values are 'yes' and 'no'. */
export function yesNo(id: string, question: string, yes = '是', no = '否'): Situation {
  return { id, question, options: [{ value: 'yes', label: yes }, { value: 'no', label: no }] };
}

/** A question with free options given as [value, label] pairs. */
export function choice(id: string, question: string, options: Array<[string, string]>): Situation {
  return { id, question, options: options.map(([value, label]) => ({ value, label })) };
}

export const when = (situationId: string, ...answers: string[]): RequiredWhen => ({ [situationId]: answers });

// ── Materials ───────────────────────────────────────────────────────────────

type MaterialOptions = Partial<Omit<Material, 'id' | 'name'>>;

const DEFAULTS: Omit<Material, 'id' | 'name'> = {
  form: '原件',
  copies: 1,
  medium: '纸质',
  necessity: '必要',
  source: '申请人',
};

export function material(id: string, name: string, options: MaterialOptions = {}): Material {
  const m: Material = { id, name, ...DEFAULTS, ...options };
  // Keep the documents free of `undefined` keys so exports round-trip unchanged.
  for (const key of Object.keys(m) as Array<keyof Material>) if (m[key] === undefined) delete m[key];
  return m;
}

/** 申请表/申请书 the applicant fills in; the window keeps a sample (样表) and blank forms. */
export function form(id: string, name: string, sampleRef: string, options: MaterialOptions = {}): Material {
  return material(id, name, { sampleRef, note: '窗口提供空白表和填写样表，可现场填写', ...options });
}

/** 居民身份证: read from the 电子证照 library where possible, otherwise shown and copied. */
export function residentId(options: MaterialOptions & { id?: string; name?: string } = {}): Material {
  const { id = 'resident-id', name = '申请人居民身份证', ...rest } = options;
  return material(id, name, {
    form: '原件核验',
    copies: 1,
    medium: '纸质或电子',
    source: '电子证照',
    note: '电子证照调取成功的免收复印件；无身份证的可用户口簿',
    // 共性材料: the applicant's own ID card scanned once serves their later cases.
    reusable: true,
    ...rest,
  });
}

/** 居民户口簿 首页及本人页. */
export function householdRegister(options: MaterialOptions & { id?: string; name?: string } = {}): Material {
  const { id = 'household-register', name = '居民户口簿（首页及本人页）', ...rest } = options;
  return material(id, name, { form: '原件核验', copies: 1, medium: '纸质或电子', source: '电子证照', ...rest });
}

/** 授权委托书 and the agent's ID, required only when an agent files. */
export function agentMaterials(options: { power?: string; note?: string } = {}): Material[] {
  return [
    material('power-of-attorney', options.power ?? '授权委托书', {
      requiredWhen: WHEN_AGENT,
      sampleRef: '通用-授权委托书样表',
      note: options.note ?? '须载明委托事项、权限和期限，委托人签字（单位加盖公章）',
    }),
    residentId({
      id: 'agent-id',
      name: '代理人居民身份证',
      requiredWhen: WHEN_AGENT,
      note: '原件现场核验',
      // Each visit's agent may be someone else: never offered for reuse by the applicant's number.
      reusable: false,
    }),
  ];
}

/** 营业执照: shared from the market-registration system, so no paper copy is collected. */
export function businessLicence(options: MaterialOptions = {}): Material {
  return material('business-licence', '营业执照', {
    form: '原件核验',
    copies: 0,
    medium: '电子',
    source: '电子证照',
    note: '通过电子营业执照或登记系统共享核验，免提交纸质复印件',
    reusable: true,
    ...options,
  });
}

/** 近期免冠白底彩色照片. */
export function photos(count: number, size = '二寸', options: MaterialOptions = {}): Material {
  return material('photos', `近期${size}免冠白底彩色照片`, { copies: count, ...options });
}

/** A written commitment signed under 告知承诺制 instead of a certificate. */
export function pledge(id: string, name: string, sampleRef: string, options: MaterialOptions = {}): Material {
  return material(id, name, { source: '告知承诺', sampleRef, note: '窗口提供承诺书文本，申请人现场签字', ...options });
}

/** A certificate issued by another authority and shared electronically. */
export function sharedCert(id: string, name: string, options: MaterialOptions = {}): Material {
  return material(id, name, {
    form: '原件核验',
    copies: 0,
    medium: '纸质或电子',
    source: '部门核发',
    note: '可通过部门共享核验的免提交',
    ...options,
  });
}

export function bankCard(options: MaterialOptions & { name?: string } = {}): Material {
  const { name = '本人银行卡或社会保障卡（金融账户）', ...rest } = options;
  return material('bank-card', name, {
    form: '复印件',
    copies: 1,
    note: '用于发放待遇，须为本人名下账户',
    ...rest,
  });
}

export function residencePermit(options: MaterialOptions = {}): Material {
  return material('residence-permit', '居住证', {
    form: '原件核验',
    copies: 0,
    medium: '纸质或电子',
    source: '电子证照',
    ...options,
  });
}

export function marriageCert(options: MaterialOptions = {}): Material {
  return material('marriage-cert', '结婚证', { form: '原件核验', copies: 1, medium: '纸质或电子', source: '电子证照', ...options });
}

// ── Items ───────────────────────────────────────────────────────────────────

export interface ItemSpec {
  code: string;
  name: string;
  departmentCode: string;
  type: ItemType;
  serveTargets: ServeTarget[];
  levels: Level[];
  legalDays: number;
  promisedDays: number;
  fee?: string;
  conditions: string;
  location: string;
  immediateTier?: ImmediateTier | null;
  keywords?: string[];
  situations?: Situation[];
  materials: Material[];
}

/** An item accepted at the comprehensive window. 立等可取 items are 即办 (promisedDays 0). */
export function item(spec: ItemSpec): Item {
  return {
    fee: '不收费',
    immediateTier: null,
    keywords: [],
    situations: [],
    ...spec,
    subCenterCode: null,
  };
}

/**
 * An item handled only at a city sub-centre: the clerk redirects the applicant there. Its
 * materials are what the applicant should bring to the sub-centre; 办理地点 is the sub-centre.
 */
export function redirectItem(
  spec: Omit<ItemSpec, 'immediateTier' | 'location' | 'levels'> & { subCenterCode: string },
): Item {
  const sub = subCenterByCode(spec.subCenterCode);
  if (!sub) throw new Error(`unknown sub-centre ${spec.subCenterCode}`);
  return {
    fee: '不收费',
    keywords: [],
    situations: [],
    ...spec,
    levels: ['city'],
    location: `${sub.name}（${sub.address}）`,
    immediateTier: null,
  };
}

/** 办理地点 wording shared by many items. */
export const WHERE = {
  city: '沈阳市政务服务中心综合窗口',
  cityAndDistrict: '沈阳市政务服务中心、各区（县、市）政务服务中心综合窗口',
  district: '各区（县、市）政务服务中心综合窗口',
  districtAndStreet: '各区（县、市）政务服务中心、街道（乡镇）便民服务中心综合窗口',
  grassroots: '社区（村）代办点、街道（乡镇）便民服务中心或区（县、市）政务服务中心综合窗口',
} as const;
