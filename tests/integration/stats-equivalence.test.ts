// The same figure three ways: the window's stats.window handler (its SQL cache of the cases),
// the projection of the window's own events, and the projection the central server keeps after
// the window synced. A random morning at a real window (decisions, 办结, ratings, a moving clock),
// pushed to a real server (PGlite), must give identical dashboards and 交接班 lists.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startSyncServer, STAFF, type SyncServer } from '../helpers/syncWorld';
import { OFFICE_A } from './server-harness';
import { issueEnrolCode } from '../../server/admin/directory';
import { createWorkstation } from '../../electron/services/workstation';
import { SyncClient } from '../../electron/sync/client';
import { caseEvents } from '../../electron/store/caseEvents';
import { projectCase, type CaseState } from '../../shared/domain/caseState';
import { applicantDisplayName } from '../../shared/domain/applicant';
import { handoverLines, windowDashboard, type WindowCase } from '../../shared/stats/window';
import { acceptCertificate, testClock, ORG } from '../helpers/workstation';
import { chinaDay } from '../../shared/time';
import { fromStoredState } from '../../server/sync/storedState';

let srv: SyncServer;
beforeAll(async () => {
  srv = await startSyncServer('pglite');
});
afterAll(async () => {
  await srv.destroy();
});

const fromState = (s: CaseState): WindowCase => ({ ...s, itemName: s.itemName ?? s.itemCode, applicantName: applicantDisplayName(s.applicant) });

const step = fc.oneof(
  fc.record({ kind: fc.constant('accept' as const), wait: fc.integer({ min: 0, max: 50 }) }),
  fc.record({ kind: fc.constant('notify' as const), wait: fc.integer({ min: 0, max: 20 }) }),
  fc.record({ kind: fc.constant('defer' as const), wait: fc.integer({ min: 0, max: 20 }) }),
  fc.record({ kind: fc.constant('complete' as const), wait: fc.integer({ min: 0, max: 40 }) }),
  fc.record({ kind: fc.constant('rate' as const), wait: fc.integer({ min: 0, max: 5 }), level: fc.constantFrom('verySatisfied', 'satisfied', 'basicallySatisfied', 'dissatisfied') }),
);

describe('the same figures from the window and from the server', () => {
  it('property: stats.window = projection of the window\'s events = projection on the server', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 14 }), async (steps) => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yc-stats-'));
        // Half a day ago, so no step's time runs ahead of the server's clock (which refuses the future).
        const clock = testClock(new Date(Date.now() - 12 * 3600_000).toISOString());
        const ws = createWorkstation({ dbPath: path.join(dir, 'yichuang.db'), seedDemo: false, now: clock.now });
        ws.session.clerk = { staffNo: STAFF[OFFICE_A], name: '张敏', role: 'clerk', officeCode: OFFICE_A, windowCode: '01' };
        const client = new SyncClient({ db: ws.db, now: clock.now, retryDelayMs: 0, onCatalogueChanged: () => ws.catalogueChanged() });
        const { code } = await issueEnrolCode(srv.db, OFFICE_A, '01');
        const { deviceId } = await client.enrol(srv.url, code);
        await client.pullCatalogue();
        ws.catalogueChanged();
        const call = async (channel: string, input: unknown) => ws.dispatch(channel, input);
        const open: string[] = [];
        const decided: string[] = [];
        for (const s of steps) {
          clock.advance(s.wait * 60_000);
          const startedAt = clock.now().toISOString();
          if (s.kind === 'accept') {
            const r = await call('case.decide', acceptCertificate(startedAt));
            if (r.ok) open.push((r.value as { caseId: string }).caseId), decided.push((r.value as { caseId: string }).caseId);
          } else if (s.kind === 'notify') {
            const r = await call('case.decide', { ...acceptCertificate(startedAt), decision: 'notifyMissing', marks: { form: { mark: 'missing', note: '未带' }, id: { mark: 'eCert' } } });
            if (r.ok) decided.push((r.value as { caseId: string }).caseId);
          } else if (s.kind === 'defer') {
            const r = await call('case.decide', {
              itemCode: 'T0000000002', answers: {}, marks: { apply: { mark: 'verified' }, layout: { mark: 'verified' }, rules: { mark: 'deferred' } }, applicant: ORG, agent: null,
              decision: 'acceptWithDeferral', startedAt, deferral: { commitment: '承诺补交', supplementDeadline: chinaDay(clock.now()) },
            });
            if (r.ok) decided.push((r.value as { caseId: string }).caseId);
          } else if (s.kind === 'complete' && open.length) {
            await call('case.complete', { caseId: open.shift()! });
          } else if (s.kind === 'rate' && decided.length) {
            await call('case.rate', { caseId: decided.shift()!, level: s.level, reasons: s.level === 'dissatisfied' ? ['C04'] : [], source: 'screen' });
          }
        }
        const now = clock.now();
        const viaHandler = await call('stats.window', { period: 'week' });
        if (!viaHandler.ok) throw new Error(viaHandler.error.message);

        const ids = (ws.db.prepare('SELECT id FROM cases').all() as { id: string }[]).map((r) => r.id);
        const windowStates = ids.map((id) => {
          const p = projectCase(caseEvents(ws.db, id));
          if (!p.ok) throw new Error(p.problem);
          return fromState(p.state);
        });
        await client.pushAll();
        const { rows } = await srv.db.query<{ state: CaseState }>('SELECT state FROM cases WHERE device_id = $1', [deviceId]);
        const serverStates = rows.map((r) => fromState(fromStoredState(r.state)!));
        expect(serverStates.length).toBe(windowStates.length);

        const byId = (xs: WindowCase[]) => [...xs].sort((a, b) => a.id.localeCompare(b.id));
        expect(windowDashboard(byId(windowStates), 'week', now)).toEqual(viaHandler.value);
        expect(windowDashboard(byId(serverStates), 'week', now)).toEqual(viaHandler.value);
        expect(handoverLines(serverStates, now)).toEqual(handoverLines(windowStates, now));
        ws.close();
        fs.rmSync(dir, { recursive: true, force: true });
      }),
      { numRuns: 12 },
    );
  });

});
