// Holds the real workstation and, while a trainer runs practice, a second workstation on its
// own SQLite file. Every contract call goes to exactly one of them; the sync client is only
// ever given the real one. Entering and leaving practice needs a trainer's or the signed-in
// clerk's own password and is written to the real audit trail.
import { createWorkstation, type Workstation, type WorkstationOptions } from './workstation';
import { audit } from '../store/audit';
import { findClerk, listClerkRecords, verifyPasswordAsync, upsertClerk } from '../store/clerks';
import { catalogueMeta, exportCatalogue, replaceCatalogue } from '../store/catalogue';
import { getSetting, setSetting } from '../store/settings';
import { tx } from '../store/db';
import { AppError, toErrorShape, type Envelope } from '../../shared/errors';
import { contract } from '../../shared/contract';
import type { Clerk } from '../../shared/domain/clerk';
import { SyncClient } from '../sync/client';
import { SyncLoop, type SyncLoopOptions } from '../sync/loop';
import type { SecretBox } from '../sync/secretBox';
import { attachSync } from './handlers/sync';

export interface HostOptions {
  dbPath: string;
  practiceDbPath: string;
  seedDemo?: boolean;
  now?: () => Date;
  printing?: WorkstationOptions['printing'];
  onError?: (err: unknown) => void;
  /** Sync of the real workstation (the practice one never syncs). The Electron shell passes
   * safeStorageBox(safeStorage); without it the token is kept unprotected (tests, preview). */
  sync?: { secretBox?: SecretBox; start?: boolean; deviceName?: string; appVersion?: string } & SyncLoopOptions;
}

export interface Host {
  real: Workstation;
  practice(): Workstation | null;
  /** The practice file opened for 练习管理 outside practice mode, if a trainer used it. */
  practiceDesk(): Workstation | null;
  active(): Workstation;
  dispatch(channel: unknown, input: unknown): Promise<Envelope<unknown>>;
  close(): void;
}

export function createHost(opts: HostOptions): Host {
  const real = createWorkstation({ dbPath: opts.dbPath, seedDemo: opts.seedDemo, now: opts.now, printing: opts.printing, onError: opts.onError });
  let practice: Workstation | null = null;
  /** The practice file opened for 练习管理 outside practice mode (a trainer's desk): packs,
   * scenarios, sessions and results only; the real workstation stays active for everything else. */
  let desk: Workstation | null = null;
  const syncClient = new SyncClient({ db: real.db, secretBox: opts.sync?.secretBox, now: opts.now, deviceName: opts.sync?.deviceName, appVersion: opts.sync?.appVersion, onCatalogueChanged: () => real.catalogueChanged(), onPlacementChanged: () => real.placementChanged() });
  const syncLoop = new SyncLoop(syncClient, opts.sync);
  attachSync(real, syncLoop);
  if (opts.sync?.start !== false) syncLoop.start();

  /**
   * Who vouches for entering or leaving practice: the credentials given, not the signed-in
   * caller (a trainer standing at a trainee's window types their own). That is why this is not
   * a contract access rule, which the dispatcher judges on the session.
   */
  async function authorise(staffNo: string, password: string, action: string): Promise<Clerk> {
    const record = findClerk(real.db, staffNo);
    if (!record || !(await verifyPasswordAsync(password, record.passwordHash))) {
      audit(real.db, `${action}.failed`, staffNo);
      throw new AppError('unauthenticated', '工号或密码错误');
    }
    const own = real.session.clerk?.staffNo === staffNo;
    if (record.role !== 'trainer' && !own) throw new AppError('forbidden', '须由培训师或本窗口已登录的工作人员本人验证');
    const { passwordHash: _h, ...clerk } = record;
    return clerk;
  }

  /** The practice file gets the real catalogue, device placement and accounts, never cases. */
  function openPractice(): Workstation {
    const ws = createWorkstation({ dbPath: opts.practiceDbPath, seedDemo: false, practice: true, now: opts.now, printing: opts.printing, onError: opts.onError });
    replaceCatalogue(ws.db, exportCatalogue(real.db));
    ws.catalogueChanged();
    tx(ws.db, () => {
      for (const key of ['device.officeCode', 'device.windowCode']) setSetting(ws.db, key, getSetting(real.db, key) ?? '');
      for (const { passwordHash, ...c } of listClerkRecords(real.db)) upsertClerk(ws.db, c, passwordHash);
    });
    return ws;
  }

  function closeDesk(): void {
    desk?.close();
    desk = null;
  }

  const host: Host = {
    real,
    practice: () => practice,
    practiceDesk: () => desk,
    active: () => practice ?? real,
    async dispatch(channel, input) {
      try {
        if (channel === 'practice.enter' || channel === 'practice.leave') {
          const { staffNo, password } = contract[channel].input.parse(input ?? {});
          const clerk = await authorise(staffNo, password, channel);
          if (channel === 'practice.enter') {
            if (practice) throw new AppError('conflict', '已在练习模式中');
            closeDesk();
            practice = openPractice();
            practice.session.clerk = real.session.clerk ?? clerk;
            audit(real.db, 'practice.enter', clerk.staffNo, { trainee: practice.session.clerk.staffNo });
          } else {
            if (!practice) throw new AppError('conflict', '当前不在练习模式');
            audit(real.db, 'practice.leave', clerk.staffNo, { trainee: practice.session.clerk?.staffNo ?? null });
            practice.close();
            practice = null;
          }
          return { ok: true, value: { practice: practice !== null } };
        }
        const spec = typeof channel === 'string' ? (contract as Record<string, { trainerDesk?: boolean }>)[channel] : undefined;
        if (!practice && spec?.trainerDesk && real.session.clerk?.role === 'trainer') {
          // Scenarios are checked against the catalogue in use: a desk opened before a catalogue update is reopened.
          const key = (ws: Pick<Workstation, 'db'>) => JSON.stringify(catalogueMeta(ws.db));
          if (desk && key(desk) !== key(real)) closeDesk();
          desk ??= openPractice();
          desk.session.clerk = real.session.clerk;
          return await desk.dispatch(channel, input);
        }
        return await host.active().dispatch(channel, input);
      } catch (err) {
        return { ok: false, error: toErrorShape(err) };
      }
    },
    close() {
      void syncLoop.stop();
      closeDesk();
      practice?.close();
      real.close();
    },
  };
  return host;
}
