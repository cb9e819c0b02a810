// First start without a configured central server: run the embedded one and enrol this
// window with it, so a new installation shows sync working. Later starts find the device
// already enrolled and only point it at the server's current local address.
import type { Host } from './host';
import { startEmbeddedServer, type EmbeddedServer, type EmbeddedServerOptions } from './embeddedServer';
import { readSyncState } from '../store/syncState';
import { stmt } from '../store/statements';
import { getSetting } from '../store/settings';

const LOOPBACK = /^http:\/\/(127\.0\.0\.1|localhost|\[::1\]):\d+$/;

export async function startEmbeddedSync(host: Host, opts: Omit<EmbeddedServerOptions, 'officeCode' | 'windowCode'>): Promise<EmbeddedServer> {
  const db = host.real.db;
  const server = await startEmbeddedServer({
    ...opts,
    officeCode: getSetting(db, 'device.officeCode') ?? '210100',
    windowCode: getSetting(db, 'device.windowCode') ?? '01',
  });
  const state = readSyncState(db);
  if (!state) {
    const r = await host.dispatch('sync.enrol', { serverUrl: server.url, code: server.enrolCode });
    if (!r.ok) throw new Error(`登记到内置中心服务器失败：${r.error.message}`);
  } else if (state.serverUrl !== server.url && LOOPBACK.test(state.serverUrl)) {
    // Only ever re-point a device that was enrolled with the embedded server itself.
    stmt(db, 'UPDATE sync_state SET server_url = ? WHERE id = 1').run(server.url);
    await host.dispatch('sync.now', {});
  }
  return server;
}
