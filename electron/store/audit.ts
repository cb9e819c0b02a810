import { stmt } from './statements';
import type { Db } from './db';

/** Appends to the audit trail (sign-in, practice mode, imports). Never updated or deleted. */
export function audit(db: Db, action: string, staffNo: string | null, detail: Record<string, unknown> = {}, at = new Date().toISOString()): void {
  stmt(db, 'INSERT INTO audit_log (at, staff_no, action, detail) VALUES (?, ?, ?, ?)').run(at, staffNo, action, JSON.stringify(detail));
}
