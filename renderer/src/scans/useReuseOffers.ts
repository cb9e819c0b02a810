// 共性材料 offers for the intake being typed: once the applicant's ID number or credit code is
// complete and valid, the handler is asked which of the item's reusable materials this applicant
// has pages of from an earlier case. Asked again after every change of the draft's pages.
import { useEffect, useState } from 'react';
import { invoke } from '../api';
import type { ReuseOffer } from '../../../shared/scans/api';
import type { DraftApplicant } from '../../../shared/domain/intakeDraft';
import { validateIdCard } from '../../../shared/validate/idcard';
import { validateCreditCode } from '../../../shared/validate/creditCode';

/** The number that identifies the applicant, once it is whole (nothing is asked before). */
export function applicantKeyOf(a: DraftApplicant): string | null {
  const r = a.kind === '法人' ? validateCreditCode(a.org.creditCode) : validateIdCard(a.person.idNumber);
  return r.ok ? r.value : null;
}

export function useReuseOffers(itemCode: string, applicantKey: string | null, draftId: string | null, pagesVersion: unknown): ReuseOffer[] {
  const [offers, setOffers] = useState<ReuseOffer[]>([]);
  useEffect(() => {
    if (!applicantKey || !draftId) return setOffers([]);
    let live = true;
    invoke('pages.reuseOffers', { itemCode, applicantKey, draftId }).then((r) => live && setOffers(r.offers), () => live && setOffers([]));
    return () => {
      live = false;
    };
  }, [itemCode, applicantKey, draftId, pagesVersion]);
  return offers;
}

/** The date scanned, on the window's calendar. */
export const scannedDay = (iso: string): string => new Date(iso).toLocaleDateString('zh-CN', { year: 'numeric', month: '2-digit', day: '2-digit' }).replaceAll('/', '-');
