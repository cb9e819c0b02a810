import { cancelRating, pendingRating, requestRating, submitRating, type RatingRequestDeps } from '../ratingRequest';
import type { HandlerTable } from '../dispatch';
import type { PrintPorts } from '../notices';
import { listRatingReasons } from '../../store/catalogue';
import { printRatingForm, ratingForm, type RatingFormDeps } from '../ratingForm';

type RatingChannels = 'rating.request' | 'rating.pending' | 'rating.submit' | 'rating.cancel';
type RatingFormChannels = 'rating.reasons' | 'rating.paperForm' | 'rating.printPaperForm';

/** The reasons and the paper form (read-only: no sync nudge needed). */
export function ratingFormHandlers(ws: RatingFormDeps, ports: PrintPorts): Pick<HandlerTable, RatingFormChannels> {
  return {
    'rating.reasons': () => ({ reasons: listRatingReasons(ws.db) }),
    'rating.paperForm': ({ caseId }) => ({ html: ratingForm(ws, caseId).html }),
    'rating.printPaperForm': ({ caseId }) => printRatingForm(ws, ports, caseId),
  };
}

export function ratingHandlers(ws: RatingRequestDeps): Pick<HandlerTable, RatingChannels> {
  return {
    'rating.request': ({ caseId }) => requestRating(ws, caseId),
    'rating.pending': () => pendingRating(ws),
    'rating.submit': (input) => {
      submitRating(ws, input);
      return { ok: true as const };
    },
    'rating.cancel': ({ caseId }) => {
      cancelRating(ws, caseId);
      return { ok: true as const };
    },
  };
}
