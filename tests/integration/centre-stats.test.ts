// The centre dashboard API on PostgreSQL: a head sees only their departments at their offices,
// an admin every centre, a reviewer nothing; and the server's figures are exactly the figures
// computed from the window's events (projected the way the workstation projects them).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OFFICE_A, OFFICE_B, Outbox, catalogueFixture, decideAs, enrolDevice, push, staff, startTestServer, type TestServer } from './server-harness';
import { publishCatalogue } from '../../server/catalogue/catalogue';
import { projectCase } from '../../shared/domain/caseState';
import type { CaseEvent } from '../../shared/domain/caseEvents';
import { centreDashboard, type CentreCase } from '../../shared/stats/centre';
import { BUILTIN_CALENDAR } from '../../shared/calendar/holidays';
import { chinaDay } from '../../shared/time';

const FOOD = '11210100MB0000001A';
const ROAD = '11210100MB0000002B';

describe('centre dashboard API', () => {
  let t: TestServer;
  const boxes: Array<{ box: Outbox; dept: (item: string) => string }> = [];
  beforeAll(async () => {
    t = await startTestServer('postgres', { rateLimit: false });
    await publishCatalogue(t.db, catalogueFixture([{ code: FOOD, name: '食品经营许可' }, { code: ROAD, name: '道路运输经营许可', dept: 'JTJ' }]));
    for (const office of [OFFICE_A, OFFICE_B]) {
      const dev = await enrolDevice(t, office);
      const box = new Outbox();
      let n = 0;
      const add = (item: string, decision: string, then: Array<[string, Record<string, unknown>]> = []) => {
        const c = box.open(undefined, item);
        box.entries[box.entries.length - 1].payload = { ...box.entries[box.entries.length - 1].payload, officeCode: office, caseNumber: `${office}-${++n}` };
        box.add(c, 'case.decided', { decision, caseNumber: `${office}-${n}`, ...(decision === 'accept' ? { promisedDate: '2026-01-05' } : {}) });
        for (const [type, p] of then) box.add(c, type as never, p);
      };
      add(FOOD, 'accept', [['case.rated', { level: 'verySatisfied' }]]);
      add(FOOD, 'notifyMissing');
      add(FOOD, 'acceptWithDeferral', [['case.rated', { level: 'dissatisfied', reasons: [{ code: 'C03', text: '多头跑窗口和部门' }] }]]);
      add(ROAD, 'accept', [['case.rated', { level: 'basicallySatisfied' }]]);
      add(ROAD, 'refuse');
      expect((await push(t, dev, box.entries)).json.rejected).toEqual([]);
      boxes.push({ box, dept: (item) => (item === ROAD ? 'JTJ' : 'SCJG') });
    }
  }, 60_000);
  afterAll(async () => { await t?.close(); });

  const today = chinaDay(new Date());
  const q = (extra = '') => `/stats/centre?from=${today}&to=${today}${extra}`;

  it('scope: a head sees only their department; an admin every centre; a reviewer is refused', async () => {
    const food = (await (await staff(t, 'head')).get(q('&groupBy=department'))).json;
    expect(food.total.decisions.total).toBe(6);
    expect(food.groups.map((g: { key: string }) => g.key)).toEqual(['SCJG']);
    const road = (await (await staff(t, 'transportHead')).get(q('&groupBy=item'))).json;
    expect(road.total.decisions.total).toBe(4);
    expect(road.groups.map((g: { key: string }) => g.key)).toEqual([ROAD]);
    const all = (await (await staff(t, 'admin')).get(q('&groupBy=office'))).json;
    expect(all.total.decisions.total).toBe(10);
    expect(all.groups.map((g: { key: string; decisions: { total: number } }) => [g.key, g.decisions.total])).toEqual([[OFFICE_A, 5], [OFFICE_B, 5]]);
    expect(all.names[`office:${OFFICE_A}`]).toBe('和平区政务服务中心');
    expect((await (await staff(t, 'reviewer')).get(q())).status).toBe(403);
    const bad = await (await staff(t, 'head')).get(`/stats/centre?from=${today}&to=2020-01-01`);
    expect([bad.status, bad.json.code]).toEqual([400, 'invalid_input']);
  });

  it('the read model follows every change of a case’s state, back-office decisions included (same transaction, by trigger)', async () => {
    const { rows: food } = await t.db.query<{ id: string }>("SELECT id FROM cases WHERE item_code = $1 AND status = 'accepted' ORDER BY server_seq LIMIT 1", [FOOD]);
    expect((await decideAs(await staff(t, 'reviewer'), food[0].id, { status: 'needsSupplement', reason: '材料不清晰' })).status).toBe(200);
    const { rows } = await t.db.query<{ n: unknown }>(
      `SELECT count(*) AS n FROM cases c LEFT JOIN case_facts f ON f.case_id = c.id
       WHERE f.case_id IS NULL OR f.status IS DISTINCT FROM c.state->>'status' OR f.review_status IS DISTINCT FROM c.state->>'reviewStatus'
          OR f.rating IS DISTINCT FROM c.state->>'rating' OR f.decided_at IS DISTINCT FROM (c.state->>'decidedAt')::timestamptz`);
    expect(Number(rows[0].n)).toBe(0);
    const after = (await (await staff(t, 'head')).get(q('&groupBy=item'))).json;
    expect(after.total.supplementRate).toBeCloseTo(5 / 6); // 一次性告知 ×2, 容缺 ×2, and now 需补正
    // Undo for the next test's comparison with the window's own events (which hold no back-office event).
    await t.db.query("UPDATE cases SET state = jsonb_set(state, '{reviewStatus}', 'null'::jsonb) WHERE id = $1", [food[0].id]);
  });

  it('the same figures from the window’s events and from the server', async () => {
    const admin = await staff(t, 'admin');
    const server = (await admin.get(q('&groupBy=clerk'))).json;
    // The window's events, projected as the workstation projects them.
    const cases: CentreCase[] = [];
    for (const { box, dept } of boxes) {
      const byCase = new Map<string, CaseEvent[]>();
      for (const e of box.entries) (byCase.get(e.caseId) ?? byCase.set(e.caseId, []).get(e.caseId)!).push({ ...e, at: e.deviceTime, staffNo: e.staffNo ?? null } as unknown as CaseEvent);
      for (const events of byCase.values()) {
        const p = projectCase(events);
        if (!p.ok) throw new Error(p.problem);
        cases.push({ ...p.state, departmentCode: dept(p.state.itemCode) });
      }
    }
    const local = centreDashboard(cases, server.period, 'clerk', new Date(), BUILTIN_CALENDAR);
    expect(server.total).toEqual(JSON.parse(JSON.stringify(local.total)));
    expect(server.groups).toEqual(JSON.parse(JSON.stringify(local.groups)));
    expect(server.repeat).toEqual(local.repeat);
    expect(server.total.ratings.goodRate).toBeCloseTo(2 / 6);
    expect(server.total.decisions.notifyRate).toBeCloseTo(0.2);
  });
});
