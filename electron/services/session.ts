import type { Clerk } from '../../shared/domain/clerk';

/** Who is signed in at this workstation. One window, one clerk at a time. */
export interface Session {
  clerk: Clerk | null;
}
