// catalogue.previewImport and catalogue.import through the handler table on a real SQLite
// file: the preview changes nothing and lists the differences; a GBK file decoded by the
// shared decoder imports with its Chinese intact; a broken file is refused in plain Chinese.
import { describe, expect, it } from 'vitest';
import { testWorkstation } from '../helpers/workstation';
import type { Workstation } from '../../electron/services/workstation';
import type { Envelope } from '../../shared/errors';
import { testCatalogue } from '../fixtures/catalogue';
import { catalogueMeta, getItem } from '../../electron/store/catalogue';
import { decodeTextFile } from '../../shared/text/decodeFile';
import { encodeGbk } from '../helpers/gbk';

async function call<T = unknown>(ws: Workstation, channel: string, input: unknown): Promise<T> {
  const r = (await ws.dispatch(channel, input)) as Envelope<T>;
  if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code, details: r.error.details });
  return r.value;
}
const supervisor = (ws: Workstation) => (ws.session.clerk = { ...ws.session.clerk!, role: 'supervisor' });

describe('catalogue import preview', () => {
  it('lists added, changed and removed items without applying anything; 导入 then applies it', async () => {
    const ws = testWorkstation();
    supervisor(ws);
    const next = structuredClone(testCatalogue);
    next.version += 1;
    next.items = next.items.filter((i) => i.code !== 'T0000000003');
    next.items[0] = { ...next.items[0], name: '无犯罪记录证明开具（新版）' };
    next.items.push({ ...next.items[1], code: 'T0000000009', name: '小餐饮登记' });
    const json = decodeTextFile(encodeGbk(JSON.stringify(next))).text;
    const d = await call<{ added: unknown[]; changed: Array<{ fields: string[] }>; removed: unknown[] }>(ws, 'catalogue.previewImport', { json });
    expect(d).toMatchObject({ added: [{ code: 'T0000000009', name: '小餐饮登记' }], removed: [{ code: 'T0000000003' }], changed: [{ code: 'T0000000001', fields: ['name'] }] });
    expect(catalogueMeta(ws.db)?.version).toBe(testCatalogue.version);
    await call(ws, 'catalogue.import', { json });
    expect(catalogueMeta(ws.db)?.version).toBe(next.version);
    expect(getItem(ws.db, 'T0000000009')?.name).toBe('小餐饮登记');
    ws.close();
  });

  it('a broken file is refused with the line and the cause in Chinese, for preview and import alike', async () => {
    const ws = testWorkstation();
    supervisor(ws);
    for (const channel of ['catalogue.previewImport', 'catalogue.import']) {
      const r = await ws.dispatch(channel, { json: '{\n "version": 2,\n}' });
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('catalogue_invalid');
        expect(JSON.stringify(r.error.details)).toContain('第 3 行第 1 列附近');
        expect(JSON.stringify(r.error.details)).not.toContain('Expected');
      }
    }
    ws.close();
  });
});
