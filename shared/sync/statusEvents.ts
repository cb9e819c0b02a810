// A pulled back-office event (protocol StatusEvent) as the case event both sides record and
// project: the window through recordEvents, the server on cases.state. The typed payload plus
// who did it and the row it came from.
import { BackOfficeEventBody } from '../domain/caseEvents';
import type { StatusEvent } from './protocol';

/** The event body, or null when the payload is not one of the union's (a corrupt row). */
export function backOfficeBody(s: StatusEvent): BackOfficeEventBody | null {
  const payload = {
    // Rows written before typed payloads: a review.status of the columns.
    ...(s.payload ?? { status: s.status, reason: s.reason, note: s.note }),
    decidedBy: s.decidedBy,
    statusEventId: s.id,
    serverSeq: s.serverSeq,
  };
  const parsed = BackOfficeEventBody.safeParse({ type: s.type, payload });
  return parsed.success ? parsed.data : null;
}
