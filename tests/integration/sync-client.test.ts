// The sync client against a real server (PGlite in-process): upload, back-office statuses,
// catalogue and accounts down, bad tokens, a restored server, and the contract channels
// through the host (real workstation syncs, practice never does).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { acceptCase, enrolDevice, serverCatalogue, setReviewStatus, startSyncServer, type SyncServer } from '../helpers/syncWorld';
import { OFFICE_A, OFFICE_B } from './server-harness';
import { revokeDevice, issueEnrolCode } from '../../server/admin/directory';
import { publishCatalogue } from '../../server/catalogue/catalogue';
import { getCaseRow } from '../../electron/store/cases';
import { caseEventRows } from '../../electron/store/caseEvents';
import { findClerk, verifyPassword } from '../../electron/store/clerks';
import { getItem } from '../../electron/store/catalogue';
import { deliver } from '../../electron/services/delivery';
import { TOKEN_MESSAGE } from '../../electron/sync/http';
import { SERVER_REPLACED_NOTICE } from '../../electron/sync/client';
import { SyncLoop } from '../../electron/sync/loop';
import { createHost } from '../../electron/services/host';
import { tempDbPath, PERSON } from '../helpers/workstation';
import { ACCEPT } from '../helpers/syncWorld';
import { outboxSize } from '../../electron/store/outbox';
import { decide } from '../../electron/services/intake';
import { DecideInput } from '../../shared/domain/case';

let srv: SyncServer;
beforeAll(async () => {
  srv = await startSyncServer('pglite');
});
afterAll(async () => {
  await srv.destroy();
});

const serverCases = async (deviceId: string) =>
  (await srv.db.query<{ id: string; review_status: string | null }>('SELECT id, review_status FROM cases WHERE device_id = $1 ORDER BY id', [deviceId])).rows;

describe('sync client', () => {
  it('uploads accepted cases exactly once and shows 已同步', async () => {
    const d = await enrolDevice(srv, srv.url, OFFICE_A, 'A1');
    const ids = [acceptCase(d), acceptCase(d), acceptCase(d)];
    const loop = new SyncLoop(d.client);
    expect(loop.status()).toMatchObject({ state: 'online', pending: 6, pendingCases: 3 });
    const r = await d.client.syncRound();
    expect(r.ok).toBe(true);
    await d.client.syncRound(); // a second round changes nothing
    expect((await serverCases(d.deviceId)).map((c) => c.id)).toEqual([...ids].sort());
    expect(outboxSize(d.ws.db)).toBe(0);
    expect(loop.status()).toMatchObject({ state: 'online', pending: 0, lastError: null });
    expect(loop.status().lastSuccessAt).not.toBeNull();
    d.ws.close();
  });

  it('uploads a 引导 case of a 来访群众 (no ID card taken) and the server accepts it', async () => {
    const d = await enrolDevice(srv, srv.url, OFFICE_A, 'A-visitor');
    const redirect = DecideInput.parse({
      itemCode: 'T0000000003', answers: {}, marks: {}, applicant: { kind: 'visitor', name: '张大爷' }, agent: null, decision: 'redirect', startedAt: d.ws.now().toISOString(),
    });
    const { caseId } = decide(d.ws, redirect);
    expect((await d.client.syncRound()).ok).toBe(true);
    expect(outboxSize(d.ws.db)).toBe(0);
    const q = <T>(sql: string) => srv.db.query<T>(sql, [caseId]).then((r) => r.rows);
    expect(await q<{ status: string }>('SELECT status FROM cases WHERE id = $1')).toEqual([{ status: 'redirected' }]);
    expect(await q<{ applicant: unknown }>("SELECT payload->'applicant' AS applicant FROM case_events WHERE case_id = $1 AND type = 'case.opened'")).toEqual([
      { applicant: { kind: 'visitor', name: '张大爷' } },
    ]);
    expect((await srv.db.query('SELECT 1 FROM rejected_events WHERE device_id = $1', [d.deviceId])).rows).toHaveLength(0);
    d.ws.close();
  });

  it('applies back-office decisions once; an approved case becomes ready for 出件', async () => {
    const d = await enrolDevice(srv, srv.url, OFFICE_A, 'A2');
    const caseId = acceptCase(d);
    await d.client.pushAll();
    expect((await setReviewStatus(srv, caseId, 'reviewing')).status).toBe(200);
    expect((await setReviewStatus(srv, caseId, 'approved')).status).toBe(200);
    expect(await d.client.pullStatuses(1)).toBe(2); // one page per event, cursor saved each time
    expect(await d.client.pullStatuses()).toBe(0);
    const row = getCaseRow(d.ws.db, caseId)!;
    expect(row.reviewStatus).toBe('approved');
    const review = caseEventRows(d.ws.db, caseId).filter((e) => e.type === 'review.status');
    expect(review.map((e) => JSON.parse(e.payload).status)).toEqual(['reviewing', 'approved']);
    expect(outboxSize(d.ws.db)).toBe(0); // status events are never queued back
    deliver(d.ws, { caseId, method: 'applicant', idNumber: PERSON.idNumber } as never);
    expect(getCaseRow(d.ws.db, caseId)!.status).toBe('delivered');
    d.ws.close();
  });

  it('ignores status events of cases accepted at other windows of the office', async () => {
    const a = await enrolDevice(srv, srv.url, OFFICE_A, 'A3');
    const b = await enrolDevice(srv, srv.url, OFFICE_A, 'A4');
    const caseId = acceptCase(a);
    await a.client.pushAll();
    await setReviewStatus(srv, caseId, 'approved');
    await setReviewStatus(srv, caseId, 'readyForPickup');
    await b.client.pullStatuses();
    expect(getCaseRow(b.ws.db, caseId)).toBeNull();
    await a.client.pullStatuses();
    expect(getCaseRow(a.ws.db, caseId)!.reviewStatus).toBe('readyForPickup');
    a.ws.close();
    b.ws.close();
  });

  it('a wrong or revoked token shows a clear Chinese error and keeps the outbox', async () => {
    const d = await enrolDevice(srv, srv.url, OFFICE_B, 'B1');
    acceptCase(d);
    const loop = new SyncLoop(d.client);
    d.ws.db.prepare('UPDATE sync_state SET token_blob = ?').run(Buffer.from('plain:yc1_not-a-real-token-000000000000'));
    const r1 = await d.client.syncRound();
    expect(r1.error?.kind).toBe('auth');
    expect(loop.status()).toMatchObject({ state: 'offline', lastError: TOKEN_MESSAGE, pending: 2, pendingCases: 1 });

    const fresh = await enrolDevice(srv, srv.url, OFFICE_B, 'B2');
    acceptCase(fresh);
    await revokeDevice(srv.db, fresh.deviceId);
    const r2 = await fresh.client.syncRound();
    expect(r2.error?.code).toBe('device_revoked');
    expect(new SyncLoop(fresh.client).status()).toMatchObject({ state: 'offline', lastError: TOKEN_MESSAGE, pending: 2 });
    expect(TOKEN_MESSAGE).toMatch(/登记码/);

    // Enrolling again with a new code sends what was kept, numbered from 1 for the new device.
    const { code } = await issueEnrolCode(srv.db, OFFICE_B, '01');
    const again = await fresh.client.enrol(srv.url, code);
    expect((await fresh.client.syncRound()).ok).toBe(true);
    expect((await serverCases(again.deviceId)).length).toBe(1);
    expect(outboxSize(fresh.ws.db)).toBe(0);
    d.ws.close();
    fresh.ws.close();
  });

  it('pulls a catalogue delta in one transaction; cases keep the item they were started under', async () => {
    const d = await enrolDevice(srv, srv.url, OFFICE_A, 'A5');
    const caseId = acceptCase(d);
    const before = getCaseRow(d.ws.db, caseId)!.itemName;
    const v2 = { ...serverCatalogue, items: serverCatalogue.items.map((i) => (i.code === 'T0000000001' ? { ...i, name: i.name + '（新版）' } : i)) };
    await publishCatalogue(srv.db, v2);
    expect(await d.client.pullCatalogue()).toBe('delta');
    expect(getItem(d.ws.db, 'T0000000001')!.name).toBe(before + '（新版）');
    expect(getCaseRow(d.ws.db, caseId)!.itemName).toBe(before);
    expect(await d.client.pullCatalogue()).toBe('current');
    // A local catalogue that is not the version seen (e.g. imported by hand) gets the full one.
    d.ws.db.prepare('UPDATE catalogue_meta SET version = 99').run();
    expect(await d.client.pullCatalogue()).toBe('full');
    d.ws.close();
  });

  it('caches the office clerks with their hashes for offline sign-in', async () => {
    const d = await enrolDevice(srv, srv.url, OFFICE_A, 'A6');
    expect(await d.client.pullClerks()).toBeGreaterThan(0);
    const c = findClerk(d.ws.db, '1001')!;
    expect(verifyPassword('12345678', c.passwordHash)).toBe(true);
    expect(findClerk(d.ws.db, '2001')).toBeNull(); // another office's clerk
    d.ws.close();
  });

  it('a server restored from an older backup gets everything again; the window never goes back in time', async () => {
    const d = await enrolDevice(srv, srv.url, OFFICE_A, 'A7');
    const first = [acceptCase(d), acceptCase(d)];
    await d.client.pushAll();
    await setReviewStatus(srv, first[0], 'approved');
    await d.client.pullStatuses();
    // The restore: the server lost this device's uploads and has a new database id.
    await srv.db.query('DELETE FROM status_events WHERE case_id = ANY($1::uuid[])', [first]);
    await srv.db.query('DELETE FROM case_claims WHERE case_id = ANY($1::uuid[])', [first]);
    await srv.db.query('DELETE FROM rectifications WHERE case_id = ANY($1::uuid[])', [first]);
    await srv.db.query('DELETE FROM case_facts WHERE case_id = ANY($1::uuid[])', [first]);
    await srv.db.query('DELETE FROM case_events WHERE device_id = $1', [d.deviceId]);
    await srv.db.query('DELETE FROM cases WHERE device_id = $1', [d.deviceId]);
    await srv.db.query('UPDATE device_cursors SET last_applied_seq = 0 WHERE device_id = $1', [d.deviceId]);
    await srv.db.query("UPDATE server_meta SET value = 'restored-' || value WHERE key = 'server_id'");
    const third = acceptCase(d);
    const r = await d.client.syncRound();
    expect(r.ok).toBe(true);
    expect((await serverCases(d.deviceId)).map((c) => c.id).sort()).toEqual([...first, third].sort());
    expect(getCaseRow(d.ws.db, first[0])!.reviewStatus).toBe('approved');
    expect(d.client.state()!.notice).toBe(SERVER_REPLACED_NOTICE);
    expect(outboxSize(d.ws.db)).toBe(0);
    await srv.db.query("UPDATE server_meta SET value = substr(value, 10) WHERE key = 'server_id'");
    d.ws.close();
  });
});

describe('sync channels through the host', () => {
  it('enrols, uploads after case.decide, and the practice workstation answers 练习模式不同步', async () => {
    const dbPath = tempDbPath();
    const host = createHost({ dbPath, practiceDbPath: path.join(path.dirname(dbPath), 'practice.db'), seedDemo: false, sync: { start: false } });
    const before = await host.dispatch('sync.status', {});
    expect(before).toMatchObject({ ok: true, value: { state: 'notEnrolled', practice: false, message: '未登记到中心服务器' } });
    const { code } = await issueEnrolCode(srv.db, OFFICE_A, '01');
    const enrolled = await host.dispatch('sync.enrol', { serverUrl: srv.url, code });
    expect(enrolled).toMatchObject({ ok: true, value: { state: 'online', message: '已同步', serverUrl: srv.url } });
    // The enrolment pulled the accounts: sign in with the central password.
    expect(await host.dispatch('session.signIn', { staffNo: '1001', password: '12345678' })).toMatchObject({ ok: true });
    const decided = await host.dispatch('case.decide', ACCEPT(new Date().toISOString()));
    expect(decided.ok).toBe(true);
    const now = await host.dispatch('sync.now', {});
    expect(now).toMatchObject({ ok: true, value: { state: 'online', pending: 0, message: '已同步' } });
    const caseId = (decided as { value: { caseId: string } }).value.caseId;
    expect((await srv.db.query('SELECT 1 FROM cases WHERE id = $1', [caseId])).rows.length).toBe(1);

    // Practice: same channels, fixed answer, never a request.
    expect((await host.dispatch('practice.enter', { staffNo: '1001', password: '12345678' })).ok).toBe(true);
    for (const ch of ['sync.status', 'sync.now'] as const) {
      expect(await host.dispatch(ch, {})).toMatchObject({ ok: true, value: { practice: true, message: '练习模式不同步', pending: 0 } });
    }
    expect(await host.dispatch('sync.enrol', { serverUrl: srv.url, code: 'AAAA-BBBB-CCCC' })).toMatchObject({ ok: true, value: { message: '练习模式不同步' } });
    host.close();
  });

  it('a wrong enrolment code is refused in Chinese', async () => {
    const dbPath = tempDbPath();
    const host = createHost({ dbPath, practiceDbPath: path.join(path.dirname(dbPath), 'practice.db'), seedDemo: false, sync: { start: false } });
    const r = await host.dispatch('sync.enrol', { serverUrl: srv.url, code: 'AAAA-BBBB-CCCC' });
    expect(r.ok).toBe(false);
    expect((r as { error: { message: string } }).error.message).toMatch(/^登记失败：/);
    host.close();
  });
});
