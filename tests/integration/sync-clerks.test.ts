// Clerk accounts for offline sign-in: only active ones leave the server. Once a clerk is
// disabled centrally, no reply the window receives holds that account's hash, and the
// window's next sync removes it from the offline cache, so it can no longer sign in there.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BACKENDS, OFFICE_A } from './server-harness';
import { startSyncServer, type SyncServer } from '../helpers/syncWorld';
import { addClerk, deactivateClerk, issueEnrolCode } from '../../server/admin/directory';
import { createWorkstation, type Workstation } from '../../electron/services/workstation';
import { findClerk } from '../../electron/store/clerks';
import { SyncClient } from '../../electron/sync/client';

const PASSWORD = 'mima-2024-ok';

describe.each(BACKENDS)('disabled clerk accounts on %s', (backend) => {
  let srv: SyncServer;
  let ws: Workstation;
  let client: SyncClient;
  /** Every response body the window's real fetch received. */
  const received: string[] = [];
  beforeAll(async () => {
    srv = await startSyncServer(backend);
    await addClerk(srv.db, { staffNo: '1003', name: '赵六', role: 'clerk', officeCode: OFFICE_A, windowCode: '01' }, PASSWORD);
    ws = createWorkstation({ dbPath: path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'yc-clerks-')), 'yichuang.db'), seedDemo: false });
    const tap: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      received.push(await res.clone().text());
      return res;
    };
    client = new SyncClient({ db: ws.db, fetch: tap, timeoutMs: 5_000 });
    await client.enrol(srv.url, (await issueEnrolCode(srv.db, OFFICE_A, '01')).code);
  });
  afterAll(async () => {
    ws?.close();
    await srv?.destroy();
  });

  const signIn = () => ws.dispatch('session.signIn', { staffNo: '1003', password: PASSWORD });

  it('an active account is cached and signs in offline', async () => {
    expect((await client.syncRound({ down: true })).ok).toBe(true);
    expect(findClerk(ws.db, '1003')).not.toBeNull();
    expect(await signIn()).toMatchObject({ ok: true });
  });

  it('after it is disabled: its hash is in no reply, the cache drops it, sign-in fails', async () => {
    const { rows } = await srv.db.query<{ password_hash: string }>(`SELECT password_hash FROM clerks WHERE staff_no = '1003'`);
    const hash = rows[0].password_hash;
    expect(await deactivateClerk(srv.db, '1003')).toBe(true);
    received.length = 0;
    expect((await client.syncRound({ down: true })).ok).toBe(true);
    expect(received.some((t) => t.includes('"clerks"'))).toBe(true); // the accounts were pulled
    for (const text of received) {
      expect(text).not.toContain(hash);
      expect(text).not.toContain(hash.split('$')[5]); // not even the bare key
      expect(text).not.toContain('"1003"');
    }
    expect(findClerk(ws.db, '1003')).toBeNull();
    expect(findClerk(ws.db, '1001')).not.toBeNull(); // the office's active clerk stays
    expect(await signIn()).toMatchObject({ ok: false, error: { code: 'unauthenticated', message: '工号或密码错误' } });
  });
});
