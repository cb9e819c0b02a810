// `npm start` on a new machine: the embedded server starts, the window enrols with it and
// a case accepted at the window reaches the server; after a restart (new port) it still syncs.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { createHost } from '../../electron/services/host';
import { startEmbeddedSync } from '../../electron/services/embeddedSync';
import { tempDbPath, PERSON } from '../helpers/workstation';
import { DEMO_ITEMS } from '../../shared/demo/examples';

async function ok<T>(p: Promise<{ ok: boolean; value?: unknown; error?: { message: string } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(r.error!.message);
  return r.value as T;
}

async function until<T>(fn: () => Promise<T>, pass: (v: T) => boolean, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (pass(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('embedded server and sync out of the box', () => {
  it('enrols on first start and uploads accepted cases, also after a restart', async () => {
    const dbPath = tempDbPath('yc-emb-');
    const dataDir = path.join(path.dirname(dbPath), 'server');
    const serverOpts = { command: [process.execPath, '--import', 'tsx', 'server/cli.ts'], dataDir };
    const host = createHost({ dbPath, practiceDbPath: dbPath + '-practice', sync: { intervalMs: 200 } });
    const server = await startEmbeddedSync(host, serverOpts);
    try {
      const st = await ok<{ state: string; serverUrl: string }>(host.dispatch('sync.status', {}));
      expect(st.serverUrl).toBe(server.url);
      await ok(host.dispatch('session.signIn', { staffNo: '1001', password: '12345678' }));
      const hits = await ok<{ hits: { code: string }[] }>(host.dispatch('catalogue.search', { query: '无犯罪', limit: 5 }));
      expect(hits.hits[0].code).toBe(DEMO_ITEMS.immediate30);
      await ok(host.dispatch('case.decide', { itemCode: DEMO_ITEMS.redirect, answers: {}, marks: {}, applicant: PERSON, agent: null, decision: 'redirect', startedAt: new Date().toISOString() }));
      const done = await until(() => ok<{ state: string; pending: number; message: string }>(host.dispatch('sync.status', {})), (s) => s.state === 'online' && s.pending === 0);
      expect(done.message).toContain('已同步');
    } finally {
      await server.stop();
    }
    const again = await startEmbeddedSync(host, serverOpts);
    try {
      const st = await until(() => ok<{ state: string; serverUrl: string }>(host.dispatch('sync.status', {})), (s) => s.serverUrl === again.url && s.state === 'online');
      expect(st.state).toBe('online');
    } finally {
      await again.stop();
      host.close();
    }
    expect(fs.existsSync(dataDir)).toBe(true);
  }, 120_000);
});

describe('re-enrolment', () => {
  it('an enrolled window is moved to another server only by a supervisor', async () => {
    const dbPath = tempDbPath('yc-reenrol-');
    const host = createHost({ dbPath, practiceDbPath: dbPath + '-practice', sync: { start: false } });
    host.real.db.prepare(
      `INSERT INTO sync_state (id, server_url, device_id, token_blob, token_box, server_id, seq_base, status_cursor, catalogue_version_seen, enrolled_at)
       VALUES (1, 'http://127.0.0.1:1', '00000000-0000-4000-8000-000000000000', x'00', 'plain', 's', 0, 0, 0, '2026-11-28T00:00:00Z')`,
    ).run();
    await ok(host.dispatch('session.signIn', { staffNo: '1001', password: '12345678' }));
    const r = await host.dispatch('sync.enrol', { serverUrl: 'http://127.0.0.1:2', code: 'ABCD-EFGH-JKLM' });
    expect(r.ok ? null : r.error.code).toBe('forbidden');
    host.close();
  });
});
