// The audit log: every back-office action with who, when and from where, append-only (the
// database refuses UPDATE, DELETE and TRUNCATE), hash-chained (a record altered or removed
// behind the server's back is found), viewed and exported by admins as CSV that Excel opens.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, Outbox, catalogueFixture, enrolDevice, push, staff, startTestServer, type TestServer } from './server-harness';
import { publishCatalogue } from '../../server/catalogue/catalogue';
import { StaffClient } from '../helpers/staffClient';
import { AUDIT_ACTIONS } from '../../shared/sync/audit';

const FOOD = '11210100MB0000001A';
const RESULT = { licenceName: '食品经营许可证', licenceNumber: 'JY1', validFrom: '2026-01-01', validUntil: null };

describe.each(BACKENDS)('the audit log on %s', (backend) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(backend, { rateLimit: false });
    await publishCatalogue(t.db, catalogueFixture([{ code: FOOD, name: '食品经营许可' }]));
  });
  afterAll(async () => { await t?.close(); });

  it('records every kind of action with who, when and from where; admins page, filter and verify it', async () => {
    const dev = await enrolDevice(t);
    const box = new Outbox();
    const [one, two] = [box.open(undefined, FOOD), box.open(undefined, FOOD)];
    for (const id of [one, two]) box.add(id, 'case.decided', { decision: 'accept', promisedDate: '2026-12-30' });
    // A 差评 (its 整改 is worked below).
    const three = box.open(undefined, FOOD);
    box.add(three, 'case.decided', { decision: 'accept', promisedDate: '2026-12-30' });
    box.add(three, 'case.rated', { level: 'dissatisfied', reasons: [{ code: 'C03', text: '多头跑窗口和部门' }] });
    await push(t, dev, box.entries);
    await new StaffClient(t.server.url).signIn('5001', 'wrong-password');
    const r = await staff(t, 'reviewer');
    const h = await staff(t, 'head');
    const admin = await staff(t, 'admin');
    await r.get(`/cases/${one}`);
    await r.post(`/cases/${one}/claim`);
    await r.post(`/cases/${one}/release`);
    await r.post(`/cases/${one}/claim`);
    const ext = await r.post(`/cases/${one}/extension-requests`, { days: 2, reason: '需现场核查' });
    await h.post(`/extension-requests/${ext.json.id}/decision`, { approve: true });
    const ext2 = await r.post(`/cases/${one}/extension-requests`, { days: 2, reason: '再延' });
    await h.post(`/extension-requests/${ext2.json.id}/decision`, { approve: false });
    await r.post(`/cases/${one}/suspend`, { reason: '专家评审' });
    await r.post(`/cases/${one}/resume`);
    await r.post(`/cases/${one}/status`, { status: 'approved', result: RESULT, confirmed: true });
    await h.post(`/cases/${one}/corrections`, { status: 'rejected', reason: '经复核不符合条件', correctionReason: '复核发现场所不符', confirmed: true });
    await h.post(`/cases/${two}/assign`, { staffNo: '5002' });
    await h.post(`/rectifications/${three}`, { action: 'start' });
    await h.post(`/rectifications/${three}`, { action: 'requestInvalid', reason: '申请人评价与本次服务无关' });
    await admin.post(`/rectifications/${three}`, { action: 'decideInvalid', approve: false, note: '确与服务有关' });
    await h.post(`/rectifications/${three}`, { action: 'complete', measures: '窗口与部门联办，一次办结' });
    await h.post(`/rectifications/${three}`, { action: 'revisit', method: 'phone', satisfied: true });
    await admin.post('/rectification-settings', { officeCode: '210102', deadlineDays: 7 });
    expect((await admin.post('/rating-reasons', { baseVersion: 1, reasons: null })).status).toBe(200);
    await admin.post('/staff', { staffNo: '5555', name: '新同事', role: 'reviewer', departmentCodes: ['SCJG'], officeCodes: ['210102'], password: 'chushi1234' });
    await admin.post('/staff/5555', { name: '新同事', role: 'head', departmentCodes: ['SCJG'], officeCodes: ['210102'] });
    await admin.post('/staff/5555/reset-password', { password: 'linshi5678' });
    await admin.post('/staff/5555/disable');
    await admin.post('/staff/5555/enable');
    const locked = await staff(t, 'reviewer2');
    await locked.post('/session/password', { current: '12345678', next: 'ziji12345678' });
    await locked.post('/session/sign-out');
    await t.db.query(`UPDATE staff_sessions SET last_seen_at = now() - interval '1 hour' WHERE staff_no = '5101'`);
    await h.get('/queues');
    await admin.get('/audit');
    await admin.call('/backoffice/api/audit.csv');
    for (let i = 0; i < 5; i++) await new StaffClient(t.server.url).signIn('5003', `wrong-${i}-password`); // unknown 工号

    const all = [];
    for (let before: number | undefined; ;) {
      const page = await admin.get(`/audit?limit=10${before ? `&before=${before}` : ''}`);
      all.push(...page.json.records);
      if (!page.json.hasMore) break;
      before = page.json.nextCursor;
    }
    const seen = new Set(all.map((x: { action: string }) => x.action));
    // Every action the log knows was recorded (signIn.locked: see backoffice-sessions.test.ts).
    for (const a of AUDIT_ACTIONS.filter((x) => x !== 'signIn.locked')) expect([a, seen.has(a)]).toEqual([a, true]);
    const decision = all.find((x: { action: string }) => x.action === 'case.decide');
    expect(decision).toMatchObject({ staffNo: '5001', staffName: '审批员甲', caseId: one, caseNumber: '210102-01-20260101-0001', detail: { status: 'approved', result: RESULT }, ip: '127.0.0.1' });
    expect(Date.now() - Date.parse(decision.at)).toBeLessThan(60_000);
    const view = all.find((x: { action: string }) => x.action === 'case.view');
    expect(view).toMatchObject({ staffNo: '5001', caseId: one, userAgent: 'yichuang-test' });
    expect(all.map((x: { seq: number }) => x.seq)).toEqual([...all.map((x: { seq: number }) => x.seq)].sort((x, y) => y - x));
    // Filters.
    const byCase = (await admin.get(`/audit?caseId=${one}&limit=500`)).json.records.map((x: { action: string }) => x.action).reverse();
    expect(byCase).toEqual(['case.view', 'case.claim', 'case.release', 'case.claim', 'extension.request', 'extension.approve', 'extension.request', 'extension.deny', 'case.suspend', 'case.resume', 'case.decide', 'case.correct']);
    expect((await admin.get('/audit?action=signIn.failed&limit=500')).json.records.length).toBe(6);
    expect((await admin.get('/audit?staffNo=5101&limit=500')).json.records.every((x: { staffNo: string }) => x.staffNo === '5101')).toBe(true);
    expect((await admin.get('/audit?from=2000-01-01&to=2000-01-02')).json.records).toEqual([]);
    const v = (await admin.get('/audit/verify')).json;
    expect(v.breaks).toEqual([]);
    expect(v.checked).toBeGreaterThan(all.length); // + the audit.view of each first page since
  });

  it('exports CSV that Excel opens: UTF-8 with BOM, CRLF, Chinese headers, quoted and formula-safe cells', async () => {
    const admin = await staff(t, 'admin');
    await new StaffClient(t.server.url).signIn('=HYPERLINK("http://x")', 'x'); // refused by the schema: never reaches the log
    await new StaffClient(t.server.url).signIn('5001', 'wrong, "quoted"');
    const res = await admin.call('/backoffice/api/audit.csv?action=signIn.failed');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="audit-\d{4}-\d{2}-\d{2}\.csv"; filename\*=UTF-8''%E5%AE%A1%E8%AE%A1%E6%97%A5%E5%BF%97/);
    expect(res.text.charCodeAt(0)).toBe(0xfeff);
    const lines = res.text.slice(1).split('\r\n');
    expect(lines[0]).toBe('序号,时间,工号,姓名,操作,办件编号,详情,IP 地址,浏览器,校验值');
    expect(lines.at(-1)).toBe('');
    expect(lines.slice(1, -1).every((l) => l.includes(',登录失败,'))).toBe(true);
    expect(lines.at(-2)).toMatch(/^\d+,\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},5001,审批员甲,登录失败,,reason=password; attempts=\d+,127\.0\.0\.1,yichuang-test,[0-9a-f]{64}$/);
    // Reviewers get no export.
    expect((await (await staff(t, 'transport')).call('/backoffice/api/audit.csv')).status).toBe(403);
  });

  it('is append-only in the database and a record changed behind the server\'s back breaks the chain', async () => {
    for (const sql of ["UPDATE audit_log SET staff_no = '9999'", 'DELETE FROM audit_log', 'TRUNCATE audit_log']) {
      await expect(t.db.query(sql)).rejects.toThrow(/append-only/);
    }
    // Someone with the database owner's rights disables the trigger, edits one record and removes another.
    await t.db.exec('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update');
    const { rows } = await t.db.query<{ seq: unknown }>("SELECT seq FROM audit_log WHERE action = 'case.decide' LIMIT 1");
    const decided = Number(rows[0].seq);
    await t.db.query("UPDATE audit_log SET detail = '{\"status\":\"rejected\"}' WHERE seq = $1", [decided]);
    await t.db.query('DELETE FROM audit_log WHERE seq = $1', [decided + 3]);
    await t.db.exec('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update');
    const v = (await (await staff(t, 'admin')).get('/audit/verify')).json;
    expect(v.breaks).toEqual([
      { seq: decided, kind: 'altered', message: `第 ${decided} 条审计记录的内容与其校验值不符（被改动）` },
      { seq: decided + 4, kind: 'gap', message: `第 ${decided + 4} 条审计记录之前的记录缺失或被替换` },
    ]);
  });
});
