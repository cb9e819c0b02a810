// Composition root of the workstation's Node side: opens the store, seeds a first start,
// builds the search index and the handler table. The Electron shell and the preview/E2E
// harness both create exactly this, so tests exercise the real handlers.
import { cupsPrinters } from '../print/systemPrinters';
import type { Db } from '../store/db';
import { openDatabase, tx } from '../store/db';
import { snapshotIdOf } from '../store/cases';
import { catalogueMeta, getItem, itemCount, itemUsage, listDepartments, listOffices, listSearchSources, listSubCenters, listWindows, recordItemUses } from '../store/catalogue';
import { getSetting, setSetting } from '../store/settings';
import { isEnrolled } from '../store/syncState';
import { buildPracticeWall } from '../store/practiceWall';
import type { ImmediateTier, Item, Level, Office, SubCenter, Window } from '../../shared/domain/catalogue';
import { createSearchIndex, type SearchIndex } from '../../shared/search/index';
import { AppError } from '../../shared/errors';
import type { Session } from './session';
import { createDispatcher, type Dispatch, type HandlerTable } from './dispatch';
import { seedFirstStart } from './seed';
import { sessionHandlers } from './handlers/session';
import { catalogueHandlers } from './handlers/catalogue';
import { caseHandlers } from './handlers/cases';
import { draftHandlers } from './handlers/drafts';
import { pageHandlers } from './handlers/pages';
import { ratingFormHandlers, ratingHandlers } from './handlers/rating';
import { calendarHandlers } from './handlers/calendar';
import { currentCalendar } from './calendar';
import { noticeHandlers } from './handlers/notices';
import { statsHandlers } from './handlers/stats';
import { practiceHandlers } from './handlers/practice';
import { nudgeSyncAfter, syncHandlers } from './handlers/sync';
import type { PrintPorts } from './notices';
import path from 'node:path';
import type { WorkCalendar } from '../../shared/calendar/holidays';

export interface WorkstationOptions {
  /** SQLite file; ':memory:' for throwaway tests. */
  dbPath: string;
  /** Seed the demo catalogue and demo accounts when the file is new (default true). */
  seedDemo?: boolean;
  practice?: boolean;
  /** PDF rendering and printers of the host; PDFs are archived next to the database by default. */
  printing?: Partial<PrintPorts>;
  /** Clock for tests; the real one otherwise. */
  now?: () => Date;
  onError?: (err: unknown) => void;
}

export interface Workstation {
  db: Db;
  session: Session;
  practice: boolean;
  now(): Date;
  /** Working-day calendar: the built-in one unless an update was imported (cached). */
  calendar(): WorkCalendar;
  /** A calendar update was imported. */
  calendarChanged(): void;
  /** Version of the catalogue in use (cached). */
  catalogueVersion(): number;
  office(): Office;
  window(): Window;
  /** Key under which this window's item usage is counted. */
  windowKey(): string;
  /** How often this window picked each item (cached; ranks search hits). */
  usage(): Map<string, number>;
  /**
   * Counts a pick after its case committed. Usage only ranks search hits, so it is written a
   * few seconds later in its own transaction (and on close), not in the case's fsync.
   */
  noteItemUse(code: string): void;
  /** Writes the picks counted since the last flush. */
  flushItemUse(): void;
  /** An item of the catalogue in use, parsed once (with its JSON, the case snapshot, and that snapshot's id). */
  itemFor(code: string): CachedItem | null;
  /** A department's name in the catalogue in use ('' when unknown; cached). */
  departmentName(code: string): string;
  /** The sub-centres of the catalogue in use (cached). */
  subCenters(): SubCenter[];
  /** Every office of the catalogue in use (cached; 本级不办理 guides to another level's office). */
  offices(): Office[];
  /** Device office/window settings changed (enrolment). */
  placementChanged(): void;
  searchIndex(): SearchIndex;
  catalogueChanged(): void;
  handlers: HandlerTable;
  dispatch: Dispatch;
  close(): void;
}

export interface CachedItem {
  item: Item;
  json: string;
  /** sha256 of json: the item_snapshots key. */
  snapshotId: string;
  /** Set once a committed case stored the snapshot, so later cases skip the lookup. */
  snapshotStored: boolean;
}

const USAGE_FLUSH_MS = 5_000;

export const DEVICE_OFFICE = 'device.officeCode';
export const DEVICE_WINDOW = 'device.windowCode';

/**
 * A file is either a real or a practice database, for life: a practice file opened as real
 * (or the reverse) is refused. In a practice file the outbox drops every insert and the
 * staging cursor follows every new event, so no practice event is ever queued or waiting.
 */
function guardRole(db: Db, practice: boolean): void {
  const want = practice ? 'practice' : 'real';
  const role = getSetting(db, 'db.role');
  if (role && role !== want) {
    db.close();
    throw new AppError('precondition_failed', practice ? '该数据库是真实业务库，不能用于练习模式' : '该数据库是练习库，不能用于真实业务');
  }
  if (!role) setSetting(db, 'db.role', want);
  if (practice) buildPracticeWall(db);
}

export function createWorkstation(opts: WorkstationOptions): Workstation {
  const db = openDatabase(opts.dbPath);
  guardRole(db, opts.practice ?? false);
  if (opts.seedDemo !== false) seedFirstStart(db);
  let index: SearchIndex | null = null;
  // Search runs on every keystroke: keep what it needs in memory, not in SQL round trips.
  let placement: { office: Office; window: Window } | null = null;
  let usage: Map<string, number> | null = null;
  let picks = new Map<string, { uses: number; last: string }>();
  let picksWindow = '';
  let flushTimer: NodeJS.Timeout | null = null;
  const items = new Map<string, CachedItem>();
  let calendar: WorkCalendar | null = null;
  let departments: Map<string, string> | null = null;
  let subCenters: SubCenter[] | null = null;
  let offices: Office[] | null = null;
  let catalogueVersion: number | null = null;

  const office = (): Office => (placement ??= place()).office;
  const window = (): Window => (placement ??= place()).window;
  const place = () => ({ office: findOffice(), window: findWindow() });
  const findOffice = (): Office => {
    const code = getSetting(db, DEVICE_OFFICE);
    const found = listOffices(db).find((o) => o.code === code);
    if (!found) throw new AppError('precondition_failed', '本机尚未设置所属中心，请联系管理员');
    return found;
  };
  const findWindow = (): Window => {
    const o = findOffice();
    const code = getSetting(db, DEVICE_WINDOW);
    const found = listWindows(db).find((w) => w.officeCode === o.code && w.code === code);
    if (!found) throw new AppError('precondition_failed', '本机尚未设置窗口，请联系管理员');
    return found;
  };

  const ws: Workstation = {
    db,
    session: { clerk: null },
    practice: opts.practice ?? false,
    now: opts.now ?? (() => new Date()),
    calendar: () => (calendar ??= currentCalendar(db)),
    calendarChanged: () => {
      calendar = null;
    },
    catalogueVersion: () => (catalogueVersion ??= catalogueMeta(db)?.version ?? 0),
    office,
    window,
    windowKey: () => `${office().code}/${window().code}`,
    usage: () => (usage ??= itemUsage(db, ws.windowKey())),
    noteItemUse: (code) => {
      const u = ws.usage();
      u.set(code, (u.get(code) ?? 0) + 1);
      if (picksWindow !== ws.windowKey()) ws.flushItemUse();
      picksWindow = ws.windowKey();
      picks.set(code, { uses: (picks.get(code)?.uses ?? 0) + 1, last: ws.now().toISOString() });
      flushTimer ??= setTimeout(() => ws.flushItemUse(), USAGE_FLUSH_MS).unref();
    },
    flushItemUse: () => {
      if (flushTimer) clearTimeout(flushTimer);
      flushTimer = null;
      if (!picks.size || !db.open) return;
      const batch = picks;
      picks = new Map();
      try {
        tx(db, () => recordItemUses(db, picksWindow, batch));
      } catch {
        // Ranking data only (a full disk, say): the counts stay in memory for this run.
      }
    },
    searchIndex: () => {
      index ??= createSearchIndex(
        listSearchSources(db).map((s) => ({
          code: s.code,
          name: s.name,
          keywords: JSON.parse(s.keywords) as string[],
          departmentName: s.departmentName,
          immediateTier: s.immediateTier,
          subCenterCode: s.subCenterCode,
          levels: JSON.parse(s.levels) as Level[],
          initials: s.initials,
          pinyin: s.pinyin,
        })),
      );
      return index;
    },
    itemFor: (code) => {
      let hit = items.get(code);
      if (!hit) {
        const item = getItem(db, code);
        if (!item) return null;
        const json = JSON.stringify(item);
        items.set(code, (hit = { item, json, snapshotId: snapshotIdOf(json), snapshotStored: false }));
      }
      return hit;
    },
    departmentName: (code) => (departments ??= new Map(listDepartments(db).map((d) => [d.code, d.name]))).get(code) ?? '',
    subCenters: () => (subCenters ??= listSubCenters(db)),
    offices: () => (offices ??= listOffices(db)),
    catalogueChanged: () => {
      items.clear();
      departments = null;
      subCenters = null;
      offices = null;
      catalogueVersion = null;
      index = null;
      placement = null;
    },
    placementChanged: () => {
      ws.flushItemUse();
      placement = null;
      usage = null;
    },
    handlers: undefined as unknown as HandlerTable,
    dispatch: undefined as unknown as Dispatch,
    close: () => {
      ws.flushItemUse();
      db.close();
    },
  };

  const ports: PrintPorts = {
    pdf: opts.printing?.pdf ?? null,
    printToDevice: opts.printing?.printToDevice,
    // The app passes Electron's list; elsewhere (preview, plain Node) CUPS is asked.
    listPrinters: opts.printing?.listPrinters ?? cupsPrinters,
    // Practice copies never land among real ones.
    archiveDir: (opts.printing?.archiveDir ?? path.join(opts.dbPath === ':memory:' ? '.' : path.dirname(opts.dbPath), 'archive')) + (ws.practice ? '-practice' : ''),
  };
  ws.handlers = {
    'app.context': () => {
      const meta = catalogueMeta(db);
      return {
        office: office(),
        window: window(),
        clerk: ws.session.clerk,
        catalogueVersion: meta?.version ?? 0,
        itemCount: itemCount(db),
        practice: ws.practice,
      };
    },
    ...sessionHandlers(ws),
    ...catalogueHandlers(ws),
    ...practiceHandlers(ws),
    ...nudgeSyncAfter(ws, caseHandlers(ws)),
    ...draftHandlers(ws),
    ...nudgeSyncAfter(ws, pageHandlers(ws)),
    ...nudgeSyncAfter(ws, ratingHandlers(ws)),
    ...syncHandlers(ws),
    ...calendarHandlers(ws),
    ...noticeHandlers(ws, ports),
    ...statsHandlers(ws, ports),
    ...ratingFormHandlers(ws, ports),
  };
  // The practice file is never enrolled (it never syncs); the real one is once sync_state has its row.
  ws.dispatch = createDispatcher(ws.handlers, ws.session, { practice: ws.practice, enrolled: () => !ws.practice && isEnrolled(ws.db), onError: opts.onError });
  return ws;
}
