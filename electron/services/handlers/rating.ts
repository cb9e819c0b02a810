import { cancelRating, pendingRating, requestRating, submitRating } from '../ratingRequest';
import type { Workstation } from '../workstation';
import type { HandlerTable } from '../dispatch';

type RatingChannels = 'rating.request' | 'rating.pending' | 'rating.submit' | 'rating.cancel';

export function ratingHandlers(ws: Workstation): Pick<HandlerTable, RatingChannels> {
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
