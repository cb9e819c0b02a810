// Enrolment (one-time code → device id + token) and bearer-token authentication.
import { v7 as uuidv7 } from 'uuid';
import type { Db, Queryable } from '../db/db';
import type { EnrolRequest, EnrolResponse } from '../../shared/sync/protocol';
import { newDeviceToken, normalizeEnrolCode, sha256 } from '../crypto';
import { HttpError } from '../http/errors';
import { loadOfficeWindow, serverId } from '../admin/directory';

export interface Device {
  id: string;
  officeCode: string;
  windowCode: string;
}

export async function enrol(db: Db, req: EnrolRequest, now = new Date()): Promise<EnrolResponse> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ office_code: string; window_code: string; expires_at: Date; used_at: Date | null }>(
      'SELECT * FROM enrolment_codes WHERE code_hash = $1 FOR UPDATE',
      [sha256(normalizeEnrolCode(req.code))],
    );
    const code = rows[0];
    if (!code) throw new HttpError(401, 'enrol_code_invalid', '登记码不正确，请核对后重新输入');
    if (code.used_at) throw new HttpError(409, 'enrol_code_used', '此登记码已被使用，每个登记码只能使用一次，请向管理员申请新的登记码');
    if (new Date(code.expires_at) <= now) throw new HttpError(410, 'enrol_code_expired', '此登记码已过期，请向管理员申请新的登记码');
    const place = await loadOfficeWindow(tx, code.office_code, code.window_code);
    if (!place) throw new HttpError(401, 'enrol_code_invalid', '登记码对应的窗口已不存在，请联系管理员');
    const deviceId = uuidv7();
    const token = newDeviceToken();
    await tx.query('INSERT INTO devices (id, office_code, window_code, name, app_version, token_hash) VALUES ($1,$2,$3,$4,$5,$6)', [
      deviceId, code.office_code, code.window_code, req.deviceName, req.appVersion ?? null, sha256(token),
    ]);
    await tx.query('INSERT INTO device_cursors (device_id, last_applied_seq) VALUES ($1, 0)', [deviceId]);
    await tx.query('UPDATE enrolment_codes SET used_at = now(), used_by = $2 WHERE code_hash = $1', [sha256(normalizeEnrolCode(req.code)), deviceId]);
    return { deviceId, deviceToken: token, office: place.office, window: place.window, serverId: await serverId(tx), serverTime: now.toISOString() };
  });
}

/** Resolves `Authorization: Bearer <token>` to an active device or throws a precise 401. */
export async function authenticate(db: Queryable, header: string | undefined): Promise<Device> {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  if (!m) throw new HttpError(401, 'token_missing', '缺少设备令牌，请先用登记码登记本窗口');
  const { rows } = await db.query<{ id: string; office_code: string; window_code: string; revoked_at: Date | null }>(
    'SELECT id, office_code, window_code, revoked_at FROM devices WHERE token_hash = $1',
    [sha256(m[1])],
  );
  const d = rows[0];
  if (!d) throw new HttpError(401, 'token_invalid', '设备令牌无效，请重新登记本窗口');
  if (d.revoked_at) throw new HttpError(401, 'device_revoked', '本设备已被管理员停用，无法同步，请联系管理员');
  return { id: d.id, officeCode: d.office_code, windowCode: d.window_code };
}
