// What the handler says a decision taken now would record and what still blocks each
// decision (channel case.terms). The decision dialog shows exactly this: it never counts
// working days or judges materials itself.
import { z } from 'zod';
import { Decision } from './checklist';
import { ImmediateTier } from './catalogue';

export const Eligibility = z.object({
  eligible: z.boolean(),
  tier: ImmediateTier.nullable(),
  limitMinutes: z.number().int().nullable(),
  reasons: z.array(z.string()),
});

/** Where 引导 sends the applicant when this office's level does not handle the item (本级不办理). */
export const LevelRedirectView = z.object({
  name: z.string(),
  address: z.string(),
  phone: z.string(),
  hours: z.string(),
  places: z.array(z.object({ name: z.string(), address: z.string(), phone: z.string() })),
  reason: z.string(),
  target: z.string(),
});

export const IntakeTerms = z.object({
  /** China calendar day on the workstation's clock. */
  today: z.string(),
  allowedDecisions: z.array(Decision),
  /** Per decision, what the clerk must still do (empty: ready as far as the materials go). */
  blockers: z.record(Decision, z.array(z.string())),
  /** The chosen 情形 has an agent apply: the decision needs the agent's identity. */
  needsAgent: z.boolean(),
  /** 立等可取 verdict, with every reason it is not. */
  eligibility: Eligibility,
  /** 即办件 (0 promised working days): finished on the spot. */
  onTheSpot: z.boolean(),
  promisedDays: z.number().int(),
  /** Promised completion date if accepted today (today for a 即办件). */
  promisedDate: z.string(),
  /** A 容缺 supplement deadline may run from today to this day. */
  latestSupplementDeadline: z.string(),
  /** Days from today to latestSupplementDeadline that are not working days (a deadline there is flagged). */
  nonWorkingDays: z.array(z.string()).default([]),
  /** 本级不办理: 引导 goes there (only 引导 and 不予受理 are open); null when handled here. */
  levelRedirect: LevelRedirectView.nullable(),
});
export type IntakeTerms = z.infer<typeof IntakeTerms>;
