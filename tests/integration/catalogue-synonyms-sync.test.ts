// The catalogue's 同义词 travel to the window like the rest of the catalogue: in full on the
// first download, then by delta when the centre edits them (shared/sync/catalogue-delta.ts), and
// an emptied list leaves none; the window's own additions are kept apart throughout.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSyncServer, serverCatalogue, type SyncServer } from '../helpers/syncWorld';
import { OFFICE_A } from './server-harness';
import { issueEnrolCode } from '../../server/admin/directory';
import { publishCatalogue } from '../../server/catalogue/catalogue';
import { createHost } from '../../electron/services/host';
import { catalogueSynonyms } from '../../electron/store/catalogue';
import { tempDbPath } from '../helpers/workstation';
import type { Envelope } from '../../shared/errors';

async function ok<T>(p: Promise<Envelope<unknown>>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

describe('synonyms travel with the catalogue', () => {
  let srv: SyncServer;
  beforeAll(async () => {
    srv = await startSyncServer('pglite');
  });
  afterAll(async () => {
    await srv.destroy();
  });

  it('arrive in full, change by delta, and an emptied list leaves none', async () => {
    const dbPath = tempDbPath();
    const host = createHost({ dbPath, practiceDbPath: path.join(path.dirname(dbPath), 'practice.db'), seedDemo: false, sync: { start: false } });
    const { code } = await issueEnrolCode(srv.db, OFFICE_A, '01');
    await ok(host.dispatch('sync.enrol', { serverUrl: srv.url, code }));
    const first = [{ words: ['小卖部'], means: '食品经营' }];
    await publishCatalogue(srv.db, { ...serverCatalogue, synonyms: first });
    await ok(host.dispatch('sync.now', {}));
    expect(catalogueSynonyms(host.real.db)).toEqual(first);

    // Only the list changes: the window holds the previous version, so this one comes as a delta.
    const edited = [{ words: ['小卖部', '便利店'], means: '食品经营' }, { words: ['个体户'], means: '个体工商户' }];
    await publishCatalogue(srv.db, { ...serverCatalogue, synonyms: edited });
    await ok(host.dispatch('sync.now', {}));
    expect(catalogueSynonyms(host.real.db)).toEqual(edited);

    await publishCatalogue(srv.db, serverCatalogue);
    await ok(host.dispatch('sync.now', {}));
    expect(catalogueSynonyms(host.real.db)).toEqual([]);
    host.close();
  });
});
