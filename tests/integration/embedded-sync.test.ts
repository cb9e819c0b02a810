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
      await ok(host.dispatch('session.signIn', { staffNo: '1001', password: '123456' }));
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
