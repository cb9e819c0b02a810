// A tamper-evident record, kept offline: the window's own events form a hash chain. Someone edits
// the real workstation file between syncs — alters an event, deletes another — behind the app's
// back. `npm run verify-chain` names both; the next sync is not blocked, and the server flags
// both breaks to operators (chain_breaks, /backoffice/api/chain-breaks).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { acceptCase, enrolDevice, openDevice, startSyncServer, SYNC_ADMIN, type SyncServer } from '../helpers/syncWorld';
import { signedIn } from '../helpers/staffClient';
import { OFFICE_A, call } from './server-harness';
import { verifyChain } from '../../electron/store/caseEvents';
import { SyncClient } from '../../electron/sync/client';

const ROOT = path.resolve(__dirname, '../..');
const verifyCli = (file: string) =>
  spawnSync(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'electron/tools/verifyChain.ts'), file], { encoding: 'utf8', cwd: ROOT });

let srv: SyncServer;
beforeAll(async () => {
  srv = await startSyncServer('pglite');
});
afterAll(async () => {
  await srv.destroy();
});

describe('the window hash chain', () => {
  it('an intact file verifies; an edited one names the altered and the missing event, and sync flags both without stopping', async () => {
    const d = await enrolDevice(srv, srv.url, OFFICE_A, 'W-chain');
    acceptCase(d);
    acceptCase(d);
    await d.client.pushAll();
    const later = [acceptCase(d), acceptCase(d), acceptCase(d)];
    expect(verifyChain(d.ws.db)).toMatchObject({ checked: 10, breaks: [] });
    d.ws.close();
    const ok = verifyCli(d.dbPath);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('事件链完整：共核对 10 个窗口事件');

    // Behind the app's back: the triggers dropped, one event altered, another deleted.
    const raw = new Database(d.dbPath);
    const ev = (caseId: string, type: string) => (raw.prepare('SELECT id FROM case_events WHERE case_id = ? AND type = ?').get(caseId, type) as { id: string }).id;
    const altered = ev(later[0], 'case.opened');
    const alteredCase = (raw.prepare('SELECT case_number AS n FROM cases WHERE id = ?').get(later[0]) as { n: string }).n;
    const deleted = ev(later[1], 'case.decided');
    raw.exec('DROP TRIGGER case_events_no_update; DROP TRIGGER case_events_no_delete;');
    raw.prepare("UPDATE case_events SET payload = json_set(payload, '$.applicant.name', '李四') WHERE id = ?").run(altered);
    raw.prepare('DELETE FROM case_events WHERE id = ?').run(deleted);
    raw.close();

    const bad = verifyCli(d.dbPath);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain('发现 2 处事件链断裂');
    expect(bad.stdout).toContain(`- 办件 ${alteredCase} 的事件 case.opened（${altered}）：事件内容与其校验值不符`); // the number the clerk can look up
    expect(bad.stdout).toContain('事件链不连续');

    const again = openDevice(d.dbPath, OFFICE_A);
    const breaks = verifyChain(again.ws.db).breaks;
    expect(breaks.map((b) => [b.kind, b.eventId])).toEqual([['altered', altered], ['gap', ev2(again.ws.db, later[2])]]);
    expect(breaks[0].caseNumber).toBe(alteredCase);
    await new SyncClient({ db: again.ws.db, retryDelayMs: 0 }).pushAll();
    const onServer = await srv.db.query<{ n: unknown }>('SELECT count(*) AS n FROM case_events WHERE device_id = $1', [d.deviceId]);
    expect(Number(onServer.rows[0].n)).toBe(9); // everything left in the file arrived
    const flagged = await (await signedIn(srv.url, SYNC_ADMIN)).get('/chain-breaks');
    expect(flagged.status).toBe(200);
    const mine = flagged.json.breaks.filter((b: { deviceId: string }) => b.deviceId === d.deviceId);
    expect(mine.map((b: { kind: string; eventId: string }) => [b.kind, b.eventId]).sort()).toEqual([['altered', altered], ['gap', ev2(again.ws.db, later[2])]].sort());
    again.ws.close();
  });
});

/** The first event written after the deleted one: the opened event of the next case. */
function ev2(db: Database.Database, caseId: string): string {
  return (db.prepare("SELECT id FROM case_events WHERE case_id = ? AND type = 'case.opened'").get(caseId) as { id: string }).id;
}
