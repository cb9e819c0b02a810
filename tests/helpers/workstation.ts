// A real workstation on a real SQLite file, with the test catalogue and a signed-in clerk.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createWorkstation, type Workstation } from '../../electron/services/workstation';
import { replaceCatalogue } from '../../electron/store/catalogue';
import { upsertClerk } from '../../electron/store/clerks';
import { DEMO_PASSWORD_HASH } from '../../shared/demo/password';
import { setSetting } from '../../electron/store/settings';
import { testCatalogue } from '../fixtures/catalogue';
import type { Catalogue } from '../../shared/domain/catalogue';

export function tempDbPath(prefix = 'yc-'): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), prefix)), 'yichuang.db');
}

export interface TestWorkstationOptions {
  dbPath?: string;
  catalogue?: Catalogue;
  officeCode?: string;
  windowCode?: string;
  now?: () => Date;
  practice?: boolean;
  signIn?: boolean;
  /** Internal errors of handlers (printed by default so a failing test shows its cause). */
  onError?: (err: unknown) => void;
}

export function testWorkstation(opts: TestWorkstationOptions = {}): Workstation {
  const ws = createWorkstation({ dbPath: opts.dbPath ?? tempDbPath(), seedDemo: false, now: opts.now, practice: opts.practice, onError: opts.onError ?? ((e) => console.error('handler error:', e)) });
  replaceCatalogue(ws.db, opts.catalogue ?? testCatalogue);
  setSetting(ws.db, 'device.officeCode', opts.officeCode ?? '210100');
  setSetting(ws.db, 'device.windowCode', opts.windowCode ?? '01');
  const clerk = { staffNo: '1001', name: '张敏', role: 'clerk' as const, officeCode: opts.officeCode ?? '210100', windowCode: opts.windowCode ?? '01' };
  upsertClerk(ws.db, clerk, DEMO_PASSWORD_HASH); // password DEMO_PASSWORD, hashed once for all tests
  if (opts.signIn !== false) ws.session.clerk = clerk;
  return ws;
}

/** A fixed clock that tests can move. */
export function testClock(start = '2026-11-27T01:00:00.000Z') {
  let t = Date.parse(start);
  return { now: () => new Date(t), advance: (ms: number) => (t += ms), set: (iso: string) => (t = Date.parse(iso)) };
}

export const PERSON = { kind: 'person' as const, name: '王小明', idNumber: '11010519491231002X', phone: '13800138000' };
export const ORG = { kind: 'organisation' as const, name: '沈阳市好味道餐饮有限公司', creditCode: '91350100M000100Y43', legalRepresentative: '赵丽', phone: '13900139000' };

/** Accepting a complete 即办件 of the test catalogue: the input most store and sync tests need. */
export const acceptCertificate = (startedAt = new Date().toISOString()) => ({
  itemCode: 'T0000000001',
  answers: { who: 'self' },
  marks: { form: { mark: 'verified' as const }, id: { mark: 'eCert' as const } },
  applicant: PERSON,
  agent: null,
  decision: 'accept' as const,
  startedAt,
});
