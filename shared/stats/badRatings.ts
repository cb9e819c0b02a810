// 本窗口差评: the window's 差评 with how the centre's 整改 stands, read from the cases' own
// events (the 差评 itself and the review.rectification events pulled down). Pure.
import { z } from 'zod';
import { eventsOf, firstEvent, RATING_LEVELS, type CaseEvent } from '../domain/caseEvents';
import { projectCase } from '../domain/caseState';
import { RATING_CLASS } from '../domain/ratingReasons';
import { RectificationFacts, doneLate, rectificationStanding, RECTIFICATION_STATUSES } from '../domain/rectification';

export const BadRatingLine = z.object({
  caseId: z.string(),
  caseNumber: z.string(),
  itemName: z.string().nullable(),
  level: z.enum(RATING_LEVELS),
  ratedAt: z.string(),
  reasons: z.array(z.string()),
  comment: z.string(),
  /** null: the centre has not registered it yet (not uploaded, or not pulled back). */
  rectification: RectificationFacts.nullable(),
  /** How the 整改 stands today; 'unregistered' before the centre has it. */
  standing: z.enum([...RECTIFICATION_STATUSES, 'overdue', 'unregistered']),
  doneLate: z.boolean(),
});
export type BadRatingLine = z.infer<typeof BadRatingLine>;

/** The line of one case's history, or null when the case holds no 差评. */
export function badRatingLine(events: readonly CaseEvent[], today: string): BadRatingLine | null {
  const rated = firstEvent(events, 'case.rated');
  if (!rated || RATING_CLASS[rated.payload.level] !== 'bad') return null;
  const p = projectCase(events);
  if (!p.ok) return null;
  const r = p.state.rectification ?? null;
  return {
    caseId: p.state.id, caseNumber: p.state.caseNumber, itemName: p.state.itemName, level: rated.payload.level, ratedAt: rated.at,
    reasons: rated.payload.reasons?.map((x) => x.text) ?? (rated.payload.reasonCategory ? [rated.payload.reasonCategory] : []),
    comment: rated.payload.comment, rectification: r, standing: r ? rectificationStanding(r, today) : 'unregistered', doneLate: r ? doneLate(r) : false,
  };
}

/** How many review.rectification events a history holds (a test's check that each was recorded once). */
export const rectificationEvents = (events: readonly CaseEvent[]) => eventsOf(events, 'review.rectification').length;
