// Synonyms through the handler table on a real SQLite file: the catalogue's list makes 开小卖部
// find its item; a 值班长's additions work at once, survive a catalogue update, and are refused
// line by line when malformed; a clerk may not change them.
import { describe, expect, it } from 'vitest';
import { testWorkstation } from '../helpers/workstation';
import type { Workstation } from '../../electron/services/workstation';
import type { Envelope } from '../../shared/errors';
import { demoCatalogue } from '../../shared/demo/catalogue';
import { OFFICE } from '../../shared/demo/offices';
import { replaceCatalogue } from '../../electron/store/catalogue';

async function call<T = unknown>(ws: Workstation, channel: string, input: unknown): Promise<T> {
  const r = (await ws.dispatch(channel, input)) as Envelope<T>;
  if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code, details: r.error.details });
  return r.value;
}
const names = async (ws: Workstation, query: string) => (await call<{ hits: Array<{ name: string }> }>(ws, 'catalogue.search', { query })).hits.map((h) => h.name);

describe('search synonyms', () => {
  it('catalogue list, window additions (kept across a catalogue update) and access', async () => {
    const ws = testWorkstation({ catalogue: demoCatalogue, officeCode: OFFICE.city, windowCode: '01' });
    expect((await names(ws, '开小卖部'))[0]).toBe('仅销售预包装食品备案');
    expect(await names(ws, '烧烤店')).toEqual([]);
    const refused = await ws.dispatch('catalogue.setSynonyms', { text: '烧烤店=食品经营' });
    expect(!refused.ok && refused.error.code).toBe('forbidden');

    ws.session.clerk = { ...ws.session.clerk!, role: 'supervisor' };
    const bad = await ws.dispatch('catalogue.setSynonyms', { text: '烧烤店=食品经营\n乱写一行' });
    expect(!bad.ok && JSON.stringify(bad.error.details)).toContain('第 2 行');
    await call(ws, 'catalogue.setSynonyms', { text: '烧烤店,撸串=食品经营' });
    expect(await names(ws, '烧烤店')).toContain('食品经营许可');

    replaceCatalogue(ws.db, { ...demoCatalogue, version: demoCatalogue.version + 1 });
    ws.catalogueChanged();
    expect(await names(ws, '撸串')).toContain('食品经营许可');
    const s = await call<{ catalogue: unknown[]; local: Array<{ words: string[] }> }>(ws, 'catalogue.synonyms', {});
    expect(s.catalogue.length).toBe(demoCatalogue.synonyms!.length);
    expect(s.local).toEqual([{ words: ['烧烤店', '撸串'], means: '食品经营' }]);
    ws.close();
  });
});
