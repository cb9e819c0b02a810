// First start on a new machine: the demo catalogue, this device placed at the demo city
// centre's 无差别 window, and demo accounts so a clerk or trainer can sign in at once.
// Real deployments replace all three through enrolment with the central server.
import type { Db } from '../store/db';
import { tx } from '../store/db';
import { catalogueMeta, replaceCatalogue } from '../store/catalogue';
import { clerkCount, upsertClerk } from '../store/clerks';
import { getSetting, setSetting } from '../store/settings';
import { demoCatalogue } from '../../shared/demo/catalogue';
import type { Clerk } from '../../shared/domain/clerk';
import { DEMO_PASSWORD_HASH } from '../../shared/demo/password';

export { DEMO_PASSWORD } from '../../shared/demo/password';

export function demoDevice(): { officeCode: string; windowCode: string } {
  const office = demoCatalogue.offices.find((o) => o.level === 'city')!;
  const window = demoCatalogue.windows.find((w) => w.officeCode === office.code && w.kind === 'general')!;
  return { officeCode: office.code, windowCode: window.code };
}

export function demoClerks(): Clerk[] {
  const { officeCode, windowCode } = demoDevice();
  return [
    { staffNo: '1001', name: '张敏', role: 'clerk', officeCode, windowCode },
    { staffNo: '1002', name: '李强', role: 'supervisor', officeCode, windowCode },
    { staffNo: '9001', name: '王老师', role: 'trainer', officeCode, windowCode },
  ];
}

export function seedFirstStart(db: Db): void {
  if (!catalogueMeta(db)) replaceCatalogue(db, demoCatalogue);
  tx(db, () => {
    if (!getSetting(db, 'device.officeCode')) {
      const d = demoDevice();
      setSetting(db, 'device.officeCode', d.officeCode);
      setSetting(db, 'device.windowCode', d.windowCode);
    }
    if (clerkCount(db) === 0) {
      for (const c of demoClerks()) upsertClerk(db, c, DEMO_PASSWORD_HASH);
    }
  });
}
