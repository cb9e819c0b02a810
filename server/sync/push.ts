// Applies one pushed batch in ONE transaction: the events, the derived case rows, the
// rejections and the device's cursor commit together or not at all. Entries at or below
// the cursor are skipped (idempotent replay); a permanently bad entry is recorded in
// rejected_events and acknowledged, so the device's outbox never wedges.
import type { Db, Queryable } from '../db/db';
import {
  MAX_FUTURE_SKEW_MS, PAYLOAD_BY_TYPE, PushEntry,
  type CaseEventType, type PushRejectCode, type PushRejection, type PushResponse,
} from '../../shared/sync/protocol';
import type { IntakeStatus } from '../../shared/sync/backoffice';
import type { Decision } from '../../shared/domain/checklist';
import { STATUS_AFTER_DECISION } from '../../shared/domain/case';
import { zodDetails } from '../../shared/errors';
import { HttpError } from '../http/errors';
import type { Device } from './devices';
import { num } from '../time';

export interface PushOptions {
  now?: Date;
  /** Department of an item in the current catalogue (stored on new cases for the back office). */
  departmentOf?: (itemCode: string) => string | null;
  /** Test hook: runs inside the transaction before each fresh entry; a throw aborts all. */
  beforeEntry?: (entry: { seq: number }, tx: Queryable) => void | Promise<void>;
}

export interface PushBody {
  deviceId: string;
  batch: Array<{ seq: number } & Record<string, unknown>>;
}

// Same projection as the workstation's: a supplemented 容缺 case is accepted again.
const TYPE_STATUS: Partial<Record<CaseEventType, IntakeStatus>> = {
  'case.opened': 'opened', 'case.supplemented': 'accepted', 'case.completed': 'completed',
  'case.terminated': 'terminated', 'case.delivered': 'delivered',
};

interface CaseState {
  officeCode: string;
  status: string;
  caseNumber: string | null;
  isNew: boolean;
  dirty: boolean;
  row?: { itemCode: string; departmentCode: string | null; catalogueVersion: number | null; createdDeviceTime: string; seq: number };
}

class Rejected {
  constructor(readonly code: PushRejectCode, readonly message: string) {}
}

export async function applyPush(db: Db, device: Device, body: PushBody, opts: PushOptions = {}): Promise<PushResponse> {
  if (body.deviceId !== device.id) throw new HttpError(403, 'device_mismatch', '请求中的设备编号与设备令牌不一致');
  const now = opts.now ?? new Date();
  return db.transaction(async (tx) => {
    // The row lock serialises concurrent pushes of one device (e.g. a retry racing the original).
    const cur = await tx.query<{ last_applied_seq: unknown }>(
      'SELECT last_applied_seq FROM device_cursors WHERE device_id = $1 FOR UPDATE', [device.id]);
    const before = num(cur.rows[0]?.last_applied_seq);
    const fresh = body.batch.filter((e) => e.seq > before);
    if (fresh.length && fresh[0].seq !== before + 1) {
      throw new HttpError(409, 'seq_gap', `上传编号不连续：服务器已收到第 ${before} 条，应从第 ${before + 1} 条继续`, { expectedSeq: before + 1 });
    }

    const parsed = fresh.map((raw) => ({ raw, entry: PushEntry.safeParse(raw) }));
    const ids = parsed.flatMap((p) => (p.entry.success ? [p.entry.data] : []));
    const known = await prefetch(tx, ids.map((e) => e.id), [...new Set(ids.map((e) => e.caseId))]);

    const events: unknown[] = [];
    const rejections: Array<PushRejection & { entry: unknown }> = [];
    for (const { raw, entry } of parsed) {
      await opts.beforeEntry?.(raw, tx);
      const outcome = entry.success
        ? decide(entry.data, device, now, known.events, known.cases, opts.departmentOf)
        : new Rejected('invalid_event', `事件格式不正确：${zodDetails(entry.error).map((d) => `${d.path} ${d.message}`).join('；')}`);
      if (outcome instanceof Rejected) rejections.push({ seq: raw.seq, code: outcome.code, message: outcome.message, entry: raw });
      else if (outcome) events.push(outcome);
    }

    await writeCases(tx, device, known.cases);
    if (events.length) {
      await tx.query(
        `INSERT INTO case_events (id, case_id, device_id, device_seq, type, payload, device_time, staff_no)
         SELECT id, case_id, $2::uuid, device_seq, type, payload, device_time, staff_no
         FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, case_id uuid, device_seq bigint, type text, payload jsonb, device_time timestamptz, staff_no text)
         ORDER BY device_seq`,
        [JSON.stringify(events), device.id],
      );
    }
    if (rejections.length) {
      await tx.query(
        `INSERT INTO rejected_events (device_id, office_code, seq, code, message, entry)
         SELECT $2::uuid, $3, seq, code, message, entry
         FROM jsonb_to_recordset($1::jsonb) AS x(seq bigint, code text, message text, entry jsonb)
         ON CONFLICT (device_id, seq) DO NOTHING`,
        [JSON.stringify(rejections), device.id, device.officeCode],
      );
    }
    const last = fresh.length ? fresh[fresh.length - 1].seq : before;
    if (fresh.length) {
      await tx.query('UPDATE device_cursors SET last_applied_seq = $2, updated_at = now() WHERE device_id = $1', [device.id, last]);
      await tx.query('UPDATE devices SET last_seen_at = now() WHERE id = $1', [device.id]);
    }

    // A resent batch gets the same answer: report earlier rejections of its replayed part.
    const replayed = body.batch.filter((e) => e.seq <= before);
    let earlier: PushRejection[] = [];
    if (replayed.length) {
      const { rows } = await tx.query<{ seq: unknown; code: PushRejectCode; message: string }>(
        'SELECT seq, code, message FROM rejected_events WHERE device_id = $1 AND seq BETWEEN $2 AND $3 ORDER BY seq',
        [device.id, replayed[0].seq, replayed[replayed.length - 1].seq],
      );
      earlier = rows.map((r) => ({ seq: num(r.seq), code: r.code, message: r.message }));
    }
    return {
      appliedThrough: Math.max(before, last),
      rejected: [...earlier, ...rejections.map(({ seq, code, message }) => ({ seq, code, message }))],
      applied: events.length,
      serverTime: now.toISOString(),
    };
  });
}

async function prefetch(tx: Queryable, eventIds: string[], caseIds: string[]) {
  const events = new Map<string, { deviceId: string; caseId: string }>();
  const cases = new Map<string, CaseState>();
  if (eventIds.length) {
    const { rows } = await tx.query<{ id: string; device_id: string; case_id: string }>(
      'SELECT id, device_id, case_id FROM case_events WHERE id = ANY($1::uuid[])', [eventIds]);
    for (const r of rows) events.set(r.id, { deviceId: r.device_id, caseId: r.case_id });
  }
  if (caseIds.length) {
    const { rows } = await tx.query<{ id: string; office_code: string; status: string; case_number: string | null }>(
      'SELECT id, office_code, status, case_number FROM cases WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE', [caseIds]);
    for (const r of rows) cases.set(r.id, { officeCode: r.office_code, status: r.status, caseNumber: r.case_number, isNew: false, dirty: false });
  }
  return { events, cases };
}

/** Decides one well-formed entry against the state so far; returns the event row, null to skip, or a rejection. */
function decide(
  e: PushEntry, device: Device, now: Date,
  events: Map<string, { deviceId: string; caseId: string }>, cases: Map<string, CaseState>,
  departmentOf?: (itemCode: string) => string | null,
): Record<string, unknown> | null | Rejected {
  const payloadCheck = PAYLOAD_BY_TYPE[e.type]?.safeParse(e.payload);
  if (payloadCheck && !payloadCheck.success) {
    return new Rejected('invalid_event', `${e.type} 的内容不完整：${zodDetails(payloadCheck.error).map((d) => `${d.path} ${d.message}`).join('；')}`);
  }
  const ahead = Date.parse(e.deviceTime) - now.getTime();
  if (ahead > MAX_FUTURE_SKEW_MS) {
    return new Rejected('future_time', `事件时间比服务器时间快约 ${Math.round(ahead / 60000)} 分钟，已拒收：请校准本机时钟`);
  }
  const existing = events.get(e.id);
  if (existing) {
    if (existing.deviceId === device.id && existing.caseId === e.caseId) return null; // already stored: exactly once
    return new Rejected('event_id_conflict', '事件编号已被其他设备或办件使用，已拒收');
  }
  let c = cases.get(e.caseId);
  if (c && c.officeCode !== device.officeCode) return new Rejected('foreign_case', '该办件属于其他中心，本窗口无权写入');
  const p = e.payload as { itemCode?: string; caseNumber?: string; catalogueVersion?: number; decision?: Decision };
  if (e.type === 'case.opened') {
    if (c) return new Rejected('case_already_opened', '该办件已登记过，重复的“办件开始”事件已拒收');
    c = {
      officeCode: device.officeCode, status: 'opened', caseNumber: p.caseNumber ?? null, isNew: true, dirty: true,
      row: { itemCode: p.itemCode!, departmentCode: departmentOf?.(p.itemCode!) ?? null, catalogueVersion: p.catalogueVersion ?? null, createdDeviceTime: e.deviceTime, seq: e.seq },
    };
    cases.set(e.caseId, c);
  } else if (!c) {
    return new Rejected('case_not_found', '服务器上没有该办件（其“办件开始”事件未收到或已被拒收）');
  }
  const status = e.type === 'case.decided' ? STATUS_AFTER_DECISION[p.decision!] : TYPE_STATUS[e.type];
  if (status) c.status = status;
  if (typeof p.caseNumber === 'string') c.caseNumber = p.caseNumber;
  c.dirty = true;
  events.set(e.id, { deviceId: device.id, caseId: e.caseId });
  return { id: e.id, case_id: e.caseId, device_seq: e.seq, type: e.type, payload: e.payload, device_time: e.deviceTime, staff_no: e.staffNo ?? null };
}

async function writeCases(tx: Queryable, device: Device, cases: Map<string, CaseState>) {
  const created = [...cases].filter(([, c]) => c.isNew).sort(([, a], [, b]) => a.row!.seq - b.row!.seq)
    .map(([id, c]) => ({ id, item_code: c.row!.itemCode, department_code: c.row!.departmentCode, case_number: c.caseNumber, status: c.status, catalogue_version: c.row!.catalogueVersion, created_device_time: c.row!.createdDeviceTime, seq: c.row!.seq }));
  const changed = [...cases].filter(([, c]) => !c.isNew && c.dirty).map(([id, c]) => ({ id, status: c.status, case_number: c.caseNumber }));
  if (created.length) {
    await tx.query(
      `INSERT INTO cases (id, office_code, device_id, item_code, department_code, case_number, status, catalogue_version, created_device_time)
       SELECT id, $2, $3::uuid, item_code, department_code, case_number, status, catalogue_version, created_device_time
       FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, item_code text, department_code text, case_number text, status text, catalogue_version integer, created_device_time timestamptz, seq bigint)
       ORDER BY seq`,
      [JSON.stringify(created), device.officeCode, device.id],
    );
  }
  if (changed.length) {
    await tx.query(
      `UPDATE cases c SET status = x.status, case_number = x.case_number, updated_at = now()
       FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, status text, case_number text) WHERE c.id = x.id`,
      [JSON.stringify(changed)],
    );
  }
}
