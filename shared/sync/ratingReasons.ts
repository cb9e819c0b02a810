// The centre's 好差评 reason lists as the console edits them (GET/POST
// /backoffice/api/rating-reasons, admins). They are part of the published catalogue
// (Catalogue.ratingReasons), so saving publishes the next catalogue version with the new list
// and every window receives it in its next catalogue delta; null goes back to the national list.
import { z } from 'zod';
import { RatingReason, RatingReasonList } from '../domain/ratingReasons';

export const RatingReasonsResponse = z.object({
  /** The list in force (the national one when the catalogue carries none). */
  reasons: z.array(RatingReason),
  /** true: the centre's own list; false: the national list. */
  custom: z.boolean(),
  /** The catalogue version it is read from; a save names it (a newer one in between is a conflict). */
  catalogueVersion: z.number().int(),
});
export type RatingReasonsResponse = z.infer<typeof RatingReasonsResponse>;

export const SetRatingReasonsRequest = z
  .object({
    baseVersion: z.number().int().min(1),
    /** The whole list in the order the applicant sees it; null: use the national list again. */
    reasons: RatingReasonList.nullable(),
  })
  .strict();
export type SetRatingReasonsRequest = z.infer<typeof SetRatingReasonsRequest>;
