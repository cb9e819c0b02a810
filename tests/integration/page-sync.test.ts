// The page queue beside the event outbox, against a real server (PGlite): events first, pages
// in chunks from where the server is, every page stored exactly once and byte-identical —
// directly, then through a 64 kbit/s, 300 ms link that is cut again and again while the
// window process is killed with SIGKILL mid-page; the status area's counts along the way.
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrolDevice, startSyncServer, type SyncServer } from '../helpers/syncWorld';
import { OFFICE_A } from './server-harness';
import { acceptWithPages, sha256 } from '../helpers/scanCases';
import { startThrottleProxy } from '../helpers/faultProxy';
import { pageQueue, casePageUploads } from '../../electron/store/pageUploads';
import { outboxSize } from '../../electron/store/outbox';
import { SyncClient } from '../../electron/sync/client';
import { MAX_CHUNK_BYTES } from '../../shared/sync/pages';
import { setRetention } from '../../electron/services/pageRetention';
import { listPages } from '../../electron/services/pages';

const ROOT = path.resolve(__dirname, '../..');
const SYNCER = path.join(ROOT, 'tests/helpers/pageSyncer.ts');

let srv: SyncServer;
beforeAll(async () => {
  srv = await startSyncServer('pglite', { allowedHosts: ['127.0.0.1'] }); // the throttled link is another port on this host
}, 60_000);
afterAll(async () => {
  await srv?.destroy();
});

/** Every page on the server exactly once, byte-identical, nothing left half-uploaded. */
async function expectStored(pages: Buffer[]) {
  const want = new Map(pages.map((p) => [sha256(p), p]));
  const { rows } = await srv.db.query<{ sha256: string; bytes: number }>('SELECT sha256, bytes FROM page_blobs');
  const mine = rows.filter((r) => want.has(r.sha256));
  expect(mine.length).toBe(want.size);
  for (const [sha, data] of want) {
    const file = path.join(srv.blobDir, sha.slice(0, 2), sha);
    expect(fs.readFileSync(file).equals(data), `page ${sha}`).toBe(true);
  }
  const partial = path.join(srv.blobDir, 'partial');
  const left = fs.existsSync(partial) ? fs.readdirSync(partial).filter((f) => [...want.keys()].some((s) => f.endsWith(s))) : [];
  expect(left).toEqual([]);
}

describe('page uploads', () => {
  it('go after their events, in chunks, once each; the case shows 材料已上传 n/m', async () => {
    const order: string[] = [];
    const d = await enrolDevice(srv, srv.url, OFFICE_A, 'direct');
    // The same client, with every request's path recorded.
    const client = new SyncClient({ db: d.ws.db, fetch: (url, init) => (order.push(`${init?.method ?? 'GET'} ${new URL(String(url)).pathname}`), fetch(url, init)) });
    const a = acceptWithPages(d.ws, 3);
    const b = acceptWithPages(d.ws, 2, 70_000); // bigger than the first chunk: several chunks
    expect(pageQueue(d.ws.db)).toMatchObject({ pages: 5, bytesLeft: [...a.pages, ...b.pages].reduce((n, p) => n + p.length, 0) });
    expect(casePageUploads(d.ws.db, a.caseId)).toEqual({ total: 3, uploaded: 0 });
    const r = await client.syncRound();
    expect(r.ok).toBe(true);
    expect(order.indexOf('POST /sync/v1/push')).toBeLessThan(order.findIndex((x) => x.includes('/pages/')));
    expect(order.filter((x) => x.startsWith('POST /sync/v1/pages/')).length).toBeGreaterThan(5);
    await expectStored([...a.pages, ...b.pages]);
    expect(pageQueue(d.ws.db)).toEqual({ pages: 0, bytesLeft: 0, failed: 0 });
    expect(casePageUploads(d.ws.db, a.caseId)).toEqual({ total: 3, uploaded: 3 });
    // Nothing more to send: a second round sends no page request.
    order.length = 0;
    expect((await client.syncRound()).ok).toBe(true);
    expect(order.filter((x) => x.includes('/pages/'))).toEqual([]);
    // 本机扫描件保留: with the setting made, a round purges what the centre confirmed N days ago
    // (here: the confirmations moved back 8 days), and the case still lists every page.
    setRetention(d.ws.db, 7, new Date());
    d.ws.db.prepare("UPDATE page_uploads SET done_at = ? WHERE case_id = ?").run(new Date(Date.now() - 8 * 86_400_000).toISOString(), a.caseId);
    expect((await client.syncRound()).ok).toBe(true);
    expect(listPages(d.ws.db, { caseId: a.caseId }).map((p) => p.archived)).toEqual([true, true, true]);
    expect(listPages(d.ws.db, { caseId: b.caseId }).map((p) => p.archived)).toEqual([false, false]);
    d.ws.close();
  });

  it('a case decided while pages are going is pushed before the next chunk (events first)', async () => {
    const d = await enrolDevice(srv, srv.url, OFFICE_A, 'first');
    const order: string[] = [];
    let decided = false;
    const client = new SyncClient({
      db: d.ws.db,
      fetch: async (url, init) => {
        const p = new URL(String(url)).pathname;
        order.push(`${init?.method ?? 'GET'} ${p}`);
        // While the first page is on its way, the clerk decides another case.
        if (!decided && p.includes('/pages/') && init?.method === 'POST') {
          decided = true;
          acceptWithPages(d.ws, 1);
        }
        return fetch(url, init);
      },
    });
    acceptWithPages(d.ws, 1, 60_000);
    expect((await client.syncRound()).ok).toBe(true);
    const firstChunk = order.findIndex((x) => x.startsWith('POST /sync/v1/pages/'));
    const secondPush = order.findIndex((x, i) => i > firstChunk && x === 'POST /sync/v1/push');
    const nextChunk = order.findIndex((x, i) => i > firstChunk && x.startsWith('POST /sync/v1/pages/'));
    expect(secondPush).toBeGreaterThan(firstChunk);
    expect(secondPush).toBeLessThan(nextChunk);
    expect(outboxSize(d.ws.db)).toBe(0);
    expect(pageQueue(d.ws.db).pages).toBe(0);
    d.ws.close();
  });

  it('at 64 kbit/s and 300 ms with link cuts and a SIGKILL of the window: every page exactly once, byte-identical', async () => {
    const link = await startThrottleProxy(srv.url, { bitsPerSecond: 64_000, rttMs: 300 });
    const d = await enrolDevice(srv, link.url, OFFICE_A, 'village', 20_000);
    const pages = [...acceptWithPages(d.ws, 2).pages, ...acceptWithPages(d.ws, 2).pages]; // 4 pages, ~120 KB: ~15 s on the wire
    const total = pages.reduce((n, p) => n + p.length, 0);
    d.ws.close();

    let cuts = 0;
    const cutter = setInterval(() => {
      link.cut();
      cuts++;
    }, 6_000);
    // First run: killed once the server holds part of a page.
    const killed = await runSyncer(d.dbPath, () => heldPartialBytes() > 0);
    expect(killed.signal).toBe('SIGKILL');
    const bytesBeforeKill = lastBytesSent(killed.out);
    clearInterval(cutter);
    // Then to the end, with a few more cuts.
    let late = 0;
    const cutter2 = setInterval(() => {
      if (late++ < 2) {
        link.cut();
        cuts++;
      }
    }, 6_000);
    const done = await runSyncer(d.dbPath, null);
    clearInterval(cutter2);
    expect(done.out).toMatch(/done/);
    await expectStored(pages);
    const sent = bytesBeforeKill + lastBytesSent(done.out);
    // Resumed, never from zero: at most about one chunk (4 s at 64 kbit/s: 32 KB) again per cut or kill.
    expect(sent - total).toBeLessThanOrEqual((cuts + 1) * 40 * 1024);
    expect(sent).toBeLessThan(total * 2);
    void MAX_CHUNK_BYTES;
    await link.close();
  }, 240_000);
});

function heldPartialBytes(): number {
  const dir = path.join(srv.blobDir, 'partial');
  if (!fs.existsSync(dir)) return 0;
  return fs.readdirSync(dir).reduce((n, f) => n + fs.statSync(path.join(dir, f)).size, 0);
}

function lastBytesSent(out: string): number {
  const m = [...out.matchAll(/^round \d+ (\d+)/gm)];
  return m.length ? Number(m[m.length - 1][1]) : 0;
}

/** Runs the syncer; kills it with SIGKILL as soon as `killWhen` holds (polled), never if null. */
function runSyncer(dbPath: string, killWhen: (() => boolean) | null): Promise<{ signal: NodeJS.Signals | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', SYNCER, dbPath, OFFICE_A], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    const poll = killWhen
      ? setInterval(() => {
          if (killWhen() && !child.killed) child.kill('SIGKILL');
        }, 20)
      : null;
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (poll) clearInterval(poll);
      if (code) reject(new Error(err || out));
      else resolve({ signal, out });
    });
  });
}
