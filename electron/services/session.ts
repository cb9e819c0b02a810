import type { Clerk } from '../../shared/domain/clerk';

/** Who is signed in at this workstation. One window, one clerk at a time. */
export interface Session {
  clerk: Clerk | null;
  /** 评价器: the case this clerk asked the applicant to rate on the second screen. It belongs
   * to the sign-in: signing in or out ends it (see services/ratingRequest.ts). */
  ratingRequest?: { caseId: string; staffNo: string; requestedAt: string } | null;
}
