// One scenario as a trainer types it in 练习管理 (not a whole pack file): checked by the same
// schema and the same cross-checks against the catalogue as an imported pack, with the errors
// named by field in Chinese, and turned into exactly what the trainee will see of it.
import { z } from 'zod';
import type { Catalogue } from '../domain/catalogue';
import { plainIssue } from '../text/plainErrors';
import type { TraineeView } from './api';
import { deskCards } from './desk';
import { fieldLabel, Scenario, scenarioErrors } from './scenario';

export interface ScenarioIssue {
  field: string;
  message: string;
}

export type ScenarioCheck = { ok: true; scenario: Scenario } | { ok: false; errors: ScenarioIssue[] };

export function checkScenario(data: unknown, catalogue: Catalogue): ScenarioCheck {
  const parsed = Scenario.safeParse(data, { error: z.locales.zhCN().localeError, reportInput: true });
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map((i) => ({ field: fieldLabel(i.path), message: plainIssue(i) })) };
  const errors = scenarioErrors(parsed.data, catalogue).map((e) => ({ field: e.field, message: e.reason }));
  return errors.length ? { ok: false, errors } : { ok: true, scenario: parsed.data };
}

/** What the trainee sees of a scenario at the window: the applicant and the desk, never the expected outcome. */
export function traineeView(s: Scenario): TraineeView {
  const company = s.persona.company;
  return {
    persona: {
      name: s.persona.name,
      idNumber: s.persona.idNumber,
      phone: s.persona.phone,
      address: s.persona.address ?? null,
      description: s.persona.description ?? null,
      company: company ? { name: company.name, creditCode: company.creditCode ?? null, legalRepresentative: company.legalRepresentative } : null,
    },
    agent: s.agent ? { name: s.agent.name, idNumber: s.agent.idNumber, phone: s.agent.phone, relation: s.agent.relation ?? null } : null,
    request: s.request,
    replies: s.replies,
    cards: deskCards(s),
  };
}
