// The centre's 好差评 reason lists as the console edits them (GET/POST
// /backoffice/api/rating-reasons, admins). They are part of the published catalogue
// (Catalogue.ratingReasons), so saving publishes the next catalogue version with the new list
// and every window receives it in its next catalogue delta; null goes back to the national list.
import { z } from 'zod';
import { RATING_CLASS_LABEL, RatingReason, RatingReasonList } from '../domain/ratingReasons';

export const RatingReasonsResponse = z.object({
  /** The list in force (the national one when the catalogue carries none). */
  reasons: z.array(RatingReason),
  /** true: the centre's own list; false: the national list. */
  custom: z.boolean(),
  /** The catalogue version it is read from; a save names it (a newer one in between is a conflict). */
  catalogueVersion: z.number().int(),
});
export type RatingReasonsResponse = z.infer<typeof RatingReasonsResponse>;

/**
 * A list as the editor saves it: the catalogue's rules plus the same words twice in one class
 * refused (an editing slip; catalogues already published are not re-judged by it).
 */
export const EditedRatingReasons = RatingReasonList.superRefine((list, ctx) => {
  const seen = new Set<string>();
  list.forEach((r, i) => {
    const same = `${r.ratingClass}:${r.text}`;
    if (seen.has(same)) ctx.addIssue({ code: 'custom', path: [i, 'text'], message: `${RATING_CLASS_LABEL[r.ratingClass]}中“${r.text}”重复` });
    seen.add(same);
  });
});

export const SetRatingReasonsRequest = z
  .object({
    baseVersion: z.number().int().min(1),
    /** The whole list in the order the applicant sees it; null: use the national list again. */
    reasons: EditedRatingReasons.nullable(),
  })
  .strict();
export type SetRatingReasonsRequest = z.infer<typeof SetRatingReasonsRequest>;
