// Window settings from the centre: the down-sync reads the device's office, window and the
// centrally managed settings, stores them only when they changed, and a device the centre
// moved to another window shows its new place at once.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSyncServer, serverCatalogue, type SyncServer } from '../helpers/syncWorld';
import { OFFICE_A } from './server-harness';
import { addWindow, issueEnrolCode } from '../../server/admin/directory';
import { publishCatalogue } from '../../server/catalogue/catalogue';
import { createHost } from '../../electron/services/host';
import { getSetting } from '../../electron/store/settings';
import { readSyncState } from '../../electron/store/syncState';
import { SyncClient } from '../../electron/sync/client';
import { tempDbPath } from '../helpers/workstation';

let srv: SyncServer;
beforeAll(async () => {
  srv = await startSyncServer('pglite');
});
afterAll(async () => {
  await srv.destroy();
});

describe('window settings from the centre', () => {
  it('caches the settings, follows a move to another window, and writes nothing when unchanged', async () => {
    const dbPath = tempDbPath();
    const host = createHost({ dbPath, practiceDbPath: path.join(path.dirname(dbPath), 'practice.db'), seedDemo: false, sync: { start: false } });
    const db = host.real.db;
    const { code } = await issueEnrolCode(srv.db, OFFICE_A, '01');
    expect((await host.dispatch('sync.enrol', { serverUrl: srv.url, code })).ok).toBe(true);
    expect(host.real.window().code).toBe('01');
    expect(JSON.parse(getSetting(db, 'device.windowSettings')!)).toEqual({ printer: '默认打印机' });

    // The centre opens window 2, publishes it, and moves this device there.
    const second = { officeCode: OFFICE_A, code: '02', name: '无差别综合窗口 2 号', kind: 'general' as const, departmentCodes: [] };
    await addWindow(srv.db, second, { printer: '二号窗口打印机' });
    await publishCatalogue(srv.db, { ...serverCatalogue, windows: [...serverCatalogue.windows, second] });
    expect((await host.dispatch('sync.now', {})).ok).toBe(true);
    expect(host.real.window().code).toBe('01');
    // A round that changes only the placement (no new catalogue) still shows it.
    await srv.db.query("UPDATE devices SET window_code = '02' WHERE id = $1", [readSyncState(db)!.deviceId]);

    expect(await host.dispatch('sync.now', {})).toMatchObject({ ok: true, value: { state: 'online', message: '已同步' } });
    // The workstation's cached placement was dropped: the header shows the new window.
    expect(host.real.window()).toMatchObject({ code: '02', name: '无差别综合窗口 2 号' });
    expect(getSetting(db, 'device.officeCode')).toBe(OFFICE_A);
    expect(JSON.parse(getSetting(db, 'device.windowSettings')!)).toEqual({ printer: '二号窗口打印机' });

    // Nothing changed since: no write, no placement change.
    let changes = 0;
    const client = new SyncClient({ db, onPlacementChanged: () => changes++ });
    const before = db.prepare('SELECT total_changes() AS n').get() as { n: number };
    expect(await client.pullWindow()).toBe(false);
    expect(db.prepare('SELECT total_changes() AS n').get()).toEqual(before);
    expect(changes).toBe(0);
    host.close();
  });
});
