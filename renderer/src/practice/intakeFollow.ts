// What the trainee does on the ordinary intake screens, followed from the contract calls
// those screens make (so they need to know nothing about practice): the item opened, to
// show the applicant's replies beside its 情形 questions, and the case decided with the
// notices printed for it (shown to the trainee; scoring reads the workstation's own print record).
import { useEffect, useState } from 'react';
import type { ItemDetail } from '../../../shared/contract';
import type { Decision } from '../../../shared/domain/checklist';
import type { NoticeKind } from '../../../shared/notice/model';
import { onInvoked } from '../api';

export interface DecidedCase {
  caseId: string;
  caseNumber: string;
  decision: Decision;
  /** Notice kinds printed for this case, in order. */
  printed: NoticeKind[];
}

export interface IntakeFollow {
  /** The item last opened in the intake view. */
  item: ItemDetail['item'] | null;
  /** The latest case decided. */
  decided: DecidedCase | null;
}

/**
 * Follows the intake from scratch each time `since` changes (a new attempt starts with nothing;
 * a resumed one with the case the practice database says was decided in it).
 */
export function useIntakeFollow(since: unknown, resumedDecided: DecidedCase | null = null): IntakeFollow {
  const [state, setState] = useState<IntakeFollow>({ item: null, decided: resumedDecided });
  useEffect(() => {
    setState({ item: null, decided: resumedDecided });
    return onInvoked((channel, input, value) => {
      if (channel === 'catalogue.item') {
        setState((s) => ({ ...s, item: (value as ItemDetail).item }));
      } else if (channel === 'case.decide') {
        const { caseId, caseNumber } = value as { caseId: string; caseNumber: string };
        setState((s) => ({ ...s, decided: { caseId, caseNumber, decision: (input as { decision: Decision }).decision, printed: [] } }));
      } else if (channel === 'notice.print') {
        const { caseId, kind } = input as { caseId: string; kind: NoticeKind };
        setState((s) => (s.decided?.caseId === caseId ? { ...s, decided: { ...s.decided, printed: [...s.decided.printed, kind] } } : s));
      }
    });
    // resumedDecided arrives with `since` (the same attempt): only a new attempt resets.
  }, [since]);
  return state;
}
