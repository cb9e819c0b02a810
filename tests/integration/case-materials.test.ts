// The materials of a stored case through 'case.get': named and judged from the item snapshot
// the case was taken on, so a later catalogue (a renamed material) does not rewrite history.
import { describe, expect, it } from 'vitest';
import { replaceCatalogue } from '../../electron/store/catalogue';
import type { CaseDetail } from '../../shared/domain/case';
import { certificateItem, testCatalogue } from '../fixtures/catalogue';
import { acceptCertificate, ORG, testClock, testWorkstation } from '../helpers/workstation';
import type { Workstation } from '../../electron/services/workstation';

async function call<T>(ws: Workstation, channel: string, input: unknown): Promise<T> {
  const r = await ws.dispatch(channel, input);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}
const materialsOf = async (ws: Workstation, caseId: string) => (await call<CaseDetail>(ws, 'case.get', { caseId })).materials;

describe('case.get lists the materials of the case', () => {
  it('names what was received and how; materials of other 情形 are not listed', async () => {
    const ws = testWorkstation();
    const { caseId } = await call<{ caseId: string }>(ws, 'case.decide', {
      ...acceptCertificate(),
      marks: { form: { mark: 'verified', copies: 1 }, id: { mark: 'eCert' } },
    });
    expect(await materialsOf(ws, caseId)).toEqual([
      { id: 'form', name: '查询申请表', form: '原件', necessity: '必要', copies: 1, copiesReceived: 1, status: 'satisfied', mark: 'verified', reason: null, supplemented: false, pages: 0 },
      { id: 'id', name: '居民身份证', form: '原件核验', necessity: '必要', copies: 0, copiesReceived: null, status: 'satisfied', mark: 'eCert', reason: null, supplemented: false, pages: 0 },
    ]);
  });

  it('一次性告知: missing and defective lines carry the clerk\'s note (or the engine\'s reason)', async () => {
    const ws = testWorkstation();
    const { caseId } = await call<{ caseId: string }>(ws, 'case.decide', {
      ...acceptCertificate(),
      decision: 'notifyMissing',
      marks: { form: { mark: 'defective', note: '申请表未签名' }, id: { mark: 'missing' } },
    });
    const m = await materialsOf(ws, caseId);
    expect(m?.map((x) => [x.name, x.status, x.reason])).toEqual([
      ['查询申请表', 'defective', '申请表未签名'],
      ['居民身份证', 'missing', '未提交'],
    ]);
  });

  it('容缺: the deferred material is listed as such, and as 补正 once handed in', async () => {
    const clock = testClock('2026-11-27T01:00:00.000Z');
    const ws = testWorkstation({ now: clock.now });
    const { caseId } = await call<{ caseId: string }>(ws, 'case.decide', {
      itemCode: 'T0000000002',
      answers: {},
      marks: { apply: { mark: 'verified' }, layout: { mark: 'verified', note: '布局图已核对' }, rules: { mark: 'deferred', note: '三日内补交' } },
      applicant: ORG,
      agent: null,
      decision: 'acceptWithDeferral',
      startedAt: clock.now().toISOString(),
      deferral: { commitment: '三个工作日内补齐', supplementDeadline: '2026-12-02' },
    });
    const detail = await call<CaseDetail>(ws, 'case.get', { caseId });
    expect(detail.summary.supplementDeadline).toBe('2026-12-02');
    expect(detail.materials?.find((x) => x.id === 'layout')).toMatchObject({ status: 'satisfied', mark: 'verified', reason: '布局图已核对' });
    const rules = detail.materials?.find((x) => x.id === 'rules');
    expect(rules).toMatchObject({ name: '食品安全规章制度目录清单', necessity: '可容缺', status: 'deferred', mark: 'deferred', reason: '三日内补交', supplemented: false });

    await call(ws, 'case.supplement', { caseId, note: '已补交' });
    const after = (await materialsOf(ws, caseId))?.find((x) => x.id === 'rules');
    expect(after).toMatchObject({ status: 'satisfied', mark: 'verified', supplemented: true });
  });

  it('keeps the names of the snapshot after the catalogue renamed a material', async () => {
    const ws = testWorkstation();
    const { caseId } = await call<{ caseId: string }>(ws, 'case.decide', acceptCertificate());
    const renamed = {
      ...certificateItem,
      materials: certificateItem.materials.map((m) => (m.id === 'form' ? { ...m, name: '无犯罪记录证明申请表（2027版）', form: '复印件' as const } : m)),
    };
    replaceCatalogue(ws.db, { ...testCatalogue, version: 2, items: testCatalogue.items.map((i) => (i.code === renamed.code ? renamed : i)) });
    ws.catalogueChanged();

    const old = await call<CaseDetail>(ws, 'case.get', { caseId });
    expect(old.catalogueVersion).toBe(1);
    expect(old.materials?.map((x) => [x.name, x.form, x.status])).toEqual([
      ['查询申请表', '原件', 'satisfied'],
      ['居民身份证', '原件核验', 'satisfied'],
    ]);
    // A case taken now uses the new catalogue, and the old one still does not.
    const { caseId: fresh } = await call<{ caseId: string }>(ws, 'case.decide', acceptCertificate());
    expect((await materialsOf(ws, fresh))?.[0].name).toBe('无犯罪记录证明申请表（2027版）');
    expect((await materialsOf(ws, caseId))?.[0].name).toBe('查询申请表');
  });

  it('a 引导 case has no materials; an unreadable snapshot leaves the rest of the case readable', async () => {
    const ws = testWorkstation();
    const { caseId } = await call<{ caseId: string }>(ws, 'case.decide', {
      ...acceptCertificate(),
      itemCode: 'T0000000003',
      answers: {},
      marks: {},
      decision: 'redirect',
    });
    expect(await materialsOf(ws, caseId)).toEqual([]);

    const { caseId: broken } = await call<{ caseId: string }>(ws, 'case.decide', acceptCertificate());
    const row = ws.db.prepare('SELECT snapshot_id AS id FROM cases WHERE id = ?').get(broken) as { id: string };
    ws.db.prepare('UPDATE item_snapshots SET json = ? WHERE id = ?').run(JSON.stringify({ code: 'T0000000001' }), row.id);
    const detail = await call<CaseDetail>(ws, 'case.get', { caseId: broken });
    expect(detail.materials).toBeNull();
    expect(detail.summary.itemName).toBe('无犯罪记录证明开具');
  });
});
