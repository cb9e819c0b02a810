import { AppError } from '../../../shared/errors';
import { audit } from '../../store/audit';
import { findClerk, verifyPasswordAsync } from '../../store/clerks';
import type { Workstation } from '../workstation';
import type { HandlerTable } from '../dispatch';

export function sessionHandlers(ws: Pick<Workstation, 'db' | 'session'>): Pick<HandlerTable, 'session.signIn' | 'session.signOut'> {
  return {
    'session.signIn': async ({ staffNo, password }) => {
      const record = findClerk(ws.db, staffNo);
      // Same message for unknown staff number and wrong password: don't reveal which.
      if (!record || !(await verifyPasswordAsync(password, record.passwordHash))) {
        audit(ws.db, 'signIn.failed', staffNo);
        throw new AppError('unauthenticated', '工号或密码错误');
      }
      const { passwordHash: _hash, ...clerk } = record;
      ws.session.clerk = clerk;
      ws.session.ratingRequest = null; // a 评价器 request never outlives its clerk
      audit(ws.db, 'signIn', staffNo);
      return clerk;
    },
    'session.signOut': () => {
      if (ws.session.clerk) audit(ws.db, 'signOut', ws.session.clerk.staffNo);
      ws.session.clerk = null;
      ws.session.ratingRequest = null;
      return { ok: true as const };
    },
  };
}
