// The embedded demo server that `npm start` runs beside the app: the demo catalogue
// published, its offices and windows, the demo clerk and back-office staff accounts, and a
// one-time enrolment code for the app's own window, so sync works out of the box on a new machine.
import type { Db } from './db/db';
import { addOffice, addWindow, issueEnrolCode, saveClerk } from './admin/directory';
import { publishCatalogue } from './catalogue/catalogue';
import { demoCatalogue } from '../shared/demo/catalogue';
import { DEMO_PASSWORD_HASH } from '../shared/demo/password';
import { DEPT } from '../shared/demo/departments';
import type { StaffMember } from '../shared/sync/staff';
import { seedStaff } from './staff/accounts';

export { DEMO_PASSWORD } from '../shared/demo/password';

export const DEMO_CLERKS = [
  { staffNo: '1001', name: '张敏', role: 'clerk' },
  { staffNo: '1002', name: '李强', role: 'supervisor' },
  { staffNo: '9001', name: '王老师', role: 'trainer' },
] as const;

const ALL_OFFICES = demoCatalogue.offices.map((o) => o.code);
/** Back-office accounts (README): reviewers of two departments, their heads, the centre's admin; all offices of the demo city. */
export const DEMO_STAFF: StaffMember[] = [
  { staffNo: '3001', name: '王审批', role: 'reviewer', departmentCodes: [DEPT.market], officeCodes: ALL_OFFICES },
  { staffNo: '3002', name: '陈审批', role: 'reviewer', departmentCodes: [DEPT.market], officeCodes: ALL_OFFICES },
  { staffNo: '3011', name: '刘审批', role: 'reviewer', departmentCodes: [DEPT.police], officeCodes: ALL_OFFICES },
  { staffNo: '3101', name: '赵科长', role: 'head', departmentCodes: [DEPT.market], officeCodes: ALL_OFFICES },
  { staffNo: '3111', name: '孙科长', role: 'head', departmentCodes: [DEPT.police], officeCodes: ALL_OFFICES },
  { staffNo: '3901', name: '周管理', role: 'admin', departmentCodes: [], officeCodes: [] },
];

/** Idempotent: a second start changes nothing that is already there. */
export async function seedDemo(db: Db, device: { officeCode: string; windowCode: string }): Promise<void> {
  // Also on a data folder seeded before staff accounts existed (changes no account that exists).
  for (const s of DEMO_STAFF) await seedStaff(db, s, DEMO_PASSWORD_HASH);
  const { rows } = await db.query<{ n: string }>('SELECT count(*) AS n FROM catalogue_versions');
  if (Number(rows[0].n) > 0) return;
  // Parents first: the offices table references its parent.
  const byLevel = ['city', 'county', 'township', 'village'];
  for (const o of [...demoCatalogue.offices].sort((a, b) => byLevel.indexOf(a.level) - byLevel.indexOf(b.level))) await addOffice(db, o);
  for (const w of demoCatalogue.windows) await addWindow(db, w);
  for (const c of DEMO_CLERKS) await saveClerk(db, { ...c, ...device }, DEMO_PASSWORD_HASH);
  await publishCatalogue(db, demoCatalogue);
}

export async function demoEnrolCode(db: Db, device: { officeCode: string; windowCode: string }): Promise<string> {
  return (await issueEnrolCode(db, device.officeCode, device.windowCode, 24 * 365)).code;
}
