// 共性材料 and 本机扫描件保留 through the real handler table on real SQLite files: the same
// applicant's earlier pages of a reusable material are offered with the date scanned and taken
// over without copying a byte (recorded as reusedFromCaseId); a 值班长's setting purges the
// local copies of pages the centre confirmed, N days later, keeping every page record.
import { describe, expect, it } from 'vitest';
import { testClock, testWorkstation, PERSON, acceptCertificate } from '../helpers/workstation';
import { pngBytes } from '../helpers/images';
import type { Workstation } from '../../electron/services/workstation';
import type { Envelope } from '../../shared/errors';
import type { PageView, ReuseOffer, RetentionView } from '../../shared/scans/api';
import { markPageStored } from '../../electron/store/pageUploads';
import { purgeExpiredPages } from '../../electron/services/pageRetention';

async function call<T = unknown>(ws: Workstation, channel: string, input: unknown): Promise<T> {
  const r = (await ws.dispatch(channel, input)) as Envelope<T>;
  if (!r.ok) throw Object.assign(new Error(`${r.error.code}: ${r.error.message}`), { code: r.error.code });
  return r.value;
}
async function fail(ws: Workstation, channel: string, input: unknown) {
  const r = await ws.dispatch(channel, input);
  if (r.ok) throw new Error(`expected ${channel} to fail`);
  return r.error;
}
const add = (ws: Workstation, draftId: string, materialId: string, seed: number) =>
  call<PageView>(ws, 'pages.add', { draftId, materialId, colour: 'grey', dataBase64: pngBytes(120, 170, seed).toString('base64') });
const count = (ws: Workstation, sql: string) => (ws.db.prepare(sql).get() as { n: number }).n;
const ITEM = 'T0000000001';

describe('共性材料: an earlier case of the same applicant', () => {
  it('offers its pages of reusable materials with the date scanned, and reuse attaches the same bytes', async () => {
    const clock = testClock('2026-11-20T02:00:00.000Z');
    const ws = testWorkstation({ now: clock.now });
    const id1 = await add(ws, 'first', 'id', 1);
    await add(ws, 'first', 'id', 2);
    await add(ws, 'first', 'form', 3); // 申请表: not reusable
    const first = await call<{ caseId: string; caseNumber: string }>(ws, 'case.decide', { ...acceptCertificate(clock.now().toISOString()), draftId: 'first' });

    clock.set('2026-11-27T03:00:00.000Z');
    // The ID number typed with a lower-case check character is the same applicant.
    const ask = { itemCode: ITEM, applicantKey: PERSON.idNumber.toLowerCase(), draftId: 'second' };
    const { offers } = await call<{ offers: ReuseOffer[] }>(ws, 'pages.reuseOffers', ask);
    expect(offers).toHaveLength(1);
    expect(offers[0]).toMatchObject({ materialId: 'id', fromCaseId: first.caseId, caseNumber: first.caseNumber, itemName: expect.any(String), scannedAt: '2026-11-20T02:00:00.000Z' });
    expect(offers[0].pages.map((p) => p.sha256)).toContain(id1.sha256);
    expect((await call<{ offers: ReuseOffer[] }>(ws, 'pages.reuseOffers', { ...ask, applicantKey: '110105194912310037' })).offers).toEqual([]);

    const blobs = count(ws, 'SELECT count(*) AS n FROM page_blobs');
    const uploads = count(ws, 'SELECT count(*) AS n FROM page_uploads');
    const { pages } = await call<{ pages: PageView[] }>(ws, 'pages.reuse', { ...ask, materialId: 'id', fromCaseId: first.caseId });
    expect(pages).toHaveLength(2);
    expect(pages.every((p) => p.reusedFromCaseId === first.caseId && p.caseId === null && p.takenAt === '2026-11-20T02:00:00.000Z')).toBe(true);
    expect(count(ws, 'SELECT count(*) AS n FROM page_blobs')).toBe(blobs); // no copy
    // Taken over once: no second offer for this draft, and not what was never offered.
    expect((await call<{ offers: ReuseOffer[] }>(ws, 'pages.reuseOffers', ask)).offers).toEqual([]);
    expect((await fail(ws, 'pages.reuse', { ...ask, materialId: 'form', fromCaseId: first.caseId })).code).toBe('precondition_failed');

    const second = await call<{ caseId: string }>(ws, 'case.decide', { ...acceptCertificate(clock.now().toISOString()), draftId: 'second' });
    const d = await call<{ events: { type: string; summary: string }[] }>(ws, 'case.get', { caseId: second.caseId });
    expect(d.events.at(-1)).toMatchObject({ type: 'case.pagesAttached', summary: '材料扫描件 2 页（其中 2 页为复用的共性材料）' });
    const payload = JSON.parse((ws.db.prepare("SELECT payload FROM case_events WHERE case_id = ? AND type = 'case.pagesAttached'").get(second.caseId) as { payload: string }).payload);
    expect(payload.pages.map((p: { reusedFromCaseId?: string }) => p.reusedFromCaseId)).toEqual([first.caseId, first.caseId]);
    // Content-addressed: the centre already gets these bytes with the first case; nothing is queued twice.
    expect(count(ws, 'SELECT count(*) AS n FROM page_uploads')).toBe(uploads);
    // The newest case holding the material is offered next time.
    const again = await call<{ offers: ReuseOffer[] }>(ws, 'pages.reuseOffers', { ...ask, draftId: 'third' });
    expect(again.offers[0].fromCaseId).toBe(second.caseId);
  });
});

describe('本机扫描件保留', () => {
  it('purges the bytes of pages the centre confirmed N days ago; the pages stay and say 已归档到中心', async () => {
    const clock = testClock('2026-11-01T02:00:00.000Z');
    const ws = testWorkstation({ now: clock.now });
    await add(ws, 'd', 'id', 11);
    await add(ws, 'd', 'form', 12);
    const c = await call<{ caseId: string }>(ws, 'case.decide', { ...acceptCertificate(clock.now().toISOString()), draftId: 'd' });
    const [confirmed, waiting] = (await call<{ pages: PageView[] }>(ws, 'pages.list', { caseId: c.caseId })).pages;
    markPageStored(ws.db, confirmed.sha256, clock.now().toISOString()); // the uploader's record of the centre's confirmation

    expect((await fail(ws, 'pages.setRetention', { purgeAfterDays: 30 })).code).toBe('forbidden');
    ws.session.clerk = { ...ws.session.clerk!, role: 'supervisor' };
    expect((await fail(ws, 'pages.setRetention', { purgeAfterDays: 0 })).code).toBe('invalid_input');
    const set = await call<RetentionView>(ws, 'pages.setRetention', { purgeAfterDays: 30 });
    expect(set).toMatchObject({ purgeAfterDays: 30, purged: 0, archivedPages: 0 });

    clock.advance(29 * 86_400_000);
    expect(purgeExpiredPages(ws.db, clock.now()).pages).toBe(0);
    clock.advance(2 * 86_400_000);
    expect(purgeExpiredPages(ws.db, clock.now())).toEqual({ pages: 1, bytes: confirmed.bytes });

    const after = (await call<{ pages: PageView[] }>(ws, 'pages.list', { caseId: c.caseId })).pages;
    expect(after.map((p) => [p.pageId, p.archived])).toEqual([[confirmed.pageId, true], [waiting.pageId, false]]);
    expect(await call(ws, 'pages.get', { pageId: confirmed.pageId })).toMatchObject({ dataBase64: null, archived: true });
    expect((await call<{ dataBase64: string }>(ws, 'pages.get', { pageId: waiting.pageId })).dataBase64).toBeTruthy(); // not yet confirmed: kept
    const d = await call<{ materials: { id: string; pages: number }[] }>(ws, 'case.get', { caseId: c.caseId });
    expect(Object.fromEntries(d.materials.map((m) => [m.id, m.pages]))).toMatchObject({ id: 1, form: 1 });
    expect(await call<RetentionView>(ws, 'pages.retention', {})).toMatchObject({ purgeAfterDays: 30, archivedPages: 1, localBytes: waiting.bytes });

    // The same page scanned again brings its bytes back; switching the setting off purges nothing more.
    await add(ws, 'again', 'id', 11);
    expect((await call<{ pages: PageView[] }>(ws, 'pages.list', { caseId: c.caseId })).pages[0].archived).toBe(false);
    expect(await call<RetentionView>(ws, 'pages.setRetention', { purgeAfterDays: null })).toMatchObject({ purgeAfterDays: null, purged: 0 });
  });
});
