// Which stored events are the window's own (uploaded, hash-chained): the union's window
// types, as SQL. 'review.status' and other centre-sent events stay local.
import { WINDOW_EVENT_TYPES } from '../../shared/domain/caseEvents';

export const OWN_EVENTS_SQL = `type IN (${WINDOW_EVENT_TYPES.map((t) => `'${t}'`).join(', ')})`;
