// The editor's working copy of a scenario: what the form holds, and the scenario it sends. The
// expected 缺失/缺陷 lists are not typed but read from the desk, so they can never disagree with it.
import type { ScenarioInput } from '../../../shared/practice/scenario';

export type DeskChoice = 'absent' | 'present' | 'missing' | 'defective';

export interface DeskRow {
  state: DeskChoice;
  cardText: string;
  defect?: string;
  defectText: string;
}

export interface ScenarioForm {
  id: string;
  title: string;
  level: string;
  officeLevel: string;
  itemCode: string;
  request: string;
  persona: { name: string; idNumber: string; phone: string; address: string; description: string };
  company: { on: boolean; name: string; creditCode: string; legalRepresentative: string };
  agent: { on: boolean; name: string; idNumber: string; phone: string; relation: string };
  facts: Record<string, string>;
  replies: Record<string, string>;
  desk: Record<string, DeskRow>;
  /** Distractions on the desk, kept as opened (the form does not edit them yet). */
  extras: ScenarioInput['extras'];
  decision: string;
  tier: string;
  invalidIdNumber: boolean;
  invalidCreditCode: boolean;
  /** 目标用时 in minutes, as trainers speak of it; stored in seconds. */
  targetMinutes: number | null;
  refusalReason: string;
  explanation: string;
}

export const emptyForm = (): ScenarioForm => ({
  id: '',
  title: '',
  level: '入门',
  officeLevel: 'county',
  itemCode: '',
  request: '',
  persona: { name: '', idNumber: '', phone: '', address: '', description: '' },
  company: { on: false, name: '', creditCode: '', legalRepresentative: '' },
  agent: { on: false, name: '', idNumber: '', phone: '', relation: '' },
  facts: {},
  replies: {},
  desk: {},
  extras: [],
  decision: 'accept',
  tier: '',
  invalidIdNumber: false,
  invalidCreditCode: false,
  targetMinutes: 5,
  refusalReason: '',
  explanation: '',
});

const opt = (v: string) => (v.trim() ? v : undefined);

export function formFromScenario(s: ScenarioInput): ScenarioForm {
  const desk: Record<string, DeskRow> = {};
  for (const d of s.desk) desk[d.materialId] = { state: d.state, cardText: d.cardText ?? '', defect: d.defect, defectText: d.defectText ?? '' };
  return {
    id: s.id,
    title: s.title,
    level: s.level,
    officeLevel: s.officeLevel,
    itemCode: s.itemCode,
    request: s.request,
    persona: { name: s.persona.name, idNumber: s.persona.idNumber, phone: s.persona.phone, address: s.persona.address ?? '', description: s.persona.description ?? '' },
    company: { on: !!s.persona.company, name: s.persona.company?.name ?? '', creditCode: s.persona.company?.creditCode ?? '', legalRepresentative: s.persona.company?.legalRepresentative ?? '' },
    agent: { on: !!s.agent, name: s.agent?.name ?? '', idNumber: s.agent?.idNumber ?? '', phone: s.agent?.phone ?? '', relation: s.agent?.relation ?? '' },
    facts: { ...s.facts },
    replies: { ...(s.replies ?? {}) },
    desk,
    extras: s.extras ?? [],
    decision: s.expected.decision,
    tier: s.expected.tier ?? '',
    invalidIdNumber: s.expected.invalidIdNumber ?? false,
    invalidCreditCode: s.expected.invalidCreditCode ?? false,
    targetMinutes: Math.round((s.expected.timeTargetSeconds / 60) * 10) / 10,
    refusalReason: s.expected.refusalReason ?? '',
    explanation: s.expected.explanation ?? '',
  };
}

/** The scenario the handler checks; left loose on purpose so that its checks, not the form, name what is wrong. */
export function scenarioFromForm(f: ScenarioForm): unknown {
  const desk = Object.entries(f.desk)
    .filter(([, d]) => d.state !== 'absent')
    .map(([materialId, d]) => ({
      materialId,
      state: d.state,
      ...(d.state === 'missing' ? {} : { cardText: d.cardText }),
      ...(d.state === 'defective' ? { defect: d.defect, defectText: d.defectText } : {}),
    }));
  const idsIn = (state: DeskChoice) => desk.filter((d) => d.state === state).map((d) => d.materialId);
  return {
    id: f.id,
    title: f.title,
    level: f.level,
    officeLevel: f.officeLevel,
    persona: {
      name: f.persona.name,
      idNumber: f.persona.idNumber,
      phone: f.persona.phone,
      address: opt(f.persona.address),
      description: opt(f.persona.description),
      company: f.company.on ? { name: f.company.name, creditCode: opt(f.company.creditCode), legalRepresentative: f.company.legalRepresentative } : undefined,
    },
    agent: f.agent.on ? { name: f.agent.name, idNumber: f.agent.idNumber, phone: f.agent.phone, relation: opt(f.agent.relation) } : undefined,
    request: f.request,
    itemCode: f.itemCode,
    facts: f.facts,
    replies: Object.fromEntries(Object.entries(f.replies).filter(([, v]) => v.trim())),
    desk,
    extras: f.extras,
    expected: {
      decision: f.decision,
      missing: idsIn('missing'),
      defective: idsIn('defective'),
      tier: f.tier || null,
      invalidIdNumber: f.invalidIdNumber,
      invalidCreditCode: f.invalidCreditCode,
      timeTargetSeconds: f.targetMinutes === null ? undefined : Math.round(f.targetMinutes * 60),
      refusalReason: opt(f.refusalReason),
      explanation: opt(f.explanation),
    },
  };
}
