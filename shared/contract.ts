// The one API contract between the renderer and the workstation's Node side.
// Main serves it over IPC, the preload exposes exactly `invoke(channel, input)`, and the
// preview/E2E harness serves the same handler table over HTTP. Add a channel here and the
// type system tells you where the handler is missing.
import { z } from 'zod';
import { CHANNEL_NAMES } from './ipc';
import { NoticeKind } from './notice/model';
import { NOTICE_LAYOUTS } from './notice/render';
import { PrinterChoice, WindowPrinters } from './print/printers';
import { Catalogue, Item, ImmediateTier, Level, Office, SubCenter, Window, Department } from './domain/catalogue';
import { Clerk, StaffNo, type Role } from './domain/clerk';
import { CaseDetail, CaseSummary, DecideInput, DeliverInput, RatingLevel, RatingRequest } from './domain/case';
import { BadRatingLine } from './stats/badRatings';
import { MAX_RATING_REASONS, RatingReason } from './domain/ratingReasons';
import { Scenario } from './practice/scenario';
import { AttemptView, CreateSessionInput, TraineeView, CurrentAttemptOutput, DeskCard, FinishInput, FinishOutput, PackSummary, ResultsInput, ScenarioSummary, SessionView, TraineeResultRow } from './practice/api';
import { HeldUpload, SyncEnrolInput, SyncStatusView } from './sync/clientStatus';
import { Answers, Marks } from './domain/checklist';
import { IntakeTerms } from './domain/intakeTerms';
import { SaveDraftInput, SavedDraft } from './domain/intakeDraft';
import { WindowDeadlines } from './domain/timeliness';
import { AddPageInput, DraftId, PageBytes, PageView, PagesOf, PurgeAfterDays, ReuseInput, ReuseOffer, ReuseOffersInput, RetentionView } from './scans/api';
import { Synonyms } from './search/synonyms';
import { HandoverLine, WINDOW_EXPORTS, WINDOW_PERIODS, WindowDashboard } from './stats/window';

const RatingReasonCodes = z.array(z.string().min(1).max(20)).max(MAX_RATING_REASONS, `评价原因最多选择 ${MAX_RATING_REASONS} 项`).default([]);
const Empty = z.object({}).strict();
const Ok = z.object({ ok: z.literal(true) });

export const ItemSummary = z.object({
  code: z.string(),
  name: z.string(),
  departmentName: z.string(),
  immediateTier: ImmediateTier.nullable(),
  subCenterCode: z.string().nullable(),
  levels: z.array(Level),
  /** How the query matched: shown as a hint next to the hit. */
  matchedBy: z.enum(['name', 'keyword', 'initials', 'pinyin', 'code']),
});
export type ItemSummary = z.infer<typeof ItemSummary>;

export const WorkstationContext = z.object({
  office: Office,
  window: Window,
  clerk: Clerk.nullable(),
  catalogueVersion: z.number().int(),
  itemCount: z.number().int(),
  practice: z.boolean(),
});
export type WorkstationContext = z.infer<typeof WorkstationContext>;

export const ItemDetail = z.object({
  item: Item,
  department: Department,
  subCenter: SubCenter.nullable(),
  /** Whether the item may be handled at this office's level. */
  handledHere: z.boolean(),
});
export type ItemDetail = z.infer<typeof ItemDetail>;

/**
 * Who may call a channel, enforced by the dispatcher before any handler runs: 'public' (no
 * sign-in), 'signedIn', or the roles listed (with the Chinese refusal `forbidden`). A rule that
 * depends on whether this window is enrolled with a central server names both sides
 * (`{ notEnrolled, enrolled }`): a first enrolment may come before any account exists, moving an
 * enrolled window is a supervisor's decision.
 * `practiceOnly`: answered only by the practice workstation (else 请先进入练习模式).
 * `trainerDesk`: see ChannelSpec.
 */
export type RoleAccess = 'public' | 'signedIn' | readonly Role[];
export type Access = RoleAccess | { readonly notEnrolled: RoleAccess; readonly enrolled: RoleAccess };
export interface ChannelSpec {
  input: z.ZodType;
  output: z.ZodType;
  access: Access;
  forbidden?: string;
  practiceOnly?: boolean;
  /** A practice-only channel a trainer may also use outside practice mode: the host answers it
   * from the practice database (练习管理 without entering practice; the real file never sees it). */
  trainerDesk?: boolean;
}
const TRAINER_ONLY = '仅培训师可以使用此功能，请培训师登录后操作';

export const contract = {
  'app.context': { input: Empty, output: WorkstationContext, access: 'public' },
  'session.signIn': {
    input: z.object({ staffNo: StaffNo, password: z.string().min(1, '请输入密码').max(128) }).strict(),
    output: Clerk,
    access: 'public',
  },
  'session.signOut': { input: Empty, output: Ok, access: 'public' },
  'catalogue.search': {
    input: z.object({ query: z.string().max(60), limit: z.number().int().min(1).max(100).default(20) }).strict(),
    output: z.object({ hits: z.array(ItemSummary) }),
    access: 'signedIn',
  },
  'catalogue.item': { input: z.object({ code: z.string().min(1).max(40) }).strict(), output: ItemDetail, access: 'signedIn' },
  // 群众说法 → 目录用词 for the search box: the catalogue's list and this window's additions.
  'catalogue.synonyms': { input: Empty, output: z.object({ catalogue: Synonyms, local: Synonyms }), access: 'signedIn' },
  'catalogue.setSynonyms': {
    input: z.object({ text: z.string().max(100_000) }).strict(),
    output: z.object({ catalogue: Synonyms, local: Synonyms }),
    access: ['supervisor'], forbidden: '只有值班长可以修改同义词',
  },
  'catalogue.export': { input: Empty, output: z.object({ json: z.string() }), access: 'signedIn' },
  // What an import would change (added, changed, removed items), shown before it is applied.
  'catalogue.previewImport': {
    input: z.object({ json: z.string().max(50_000_000) }).strict(),
    output: z.object({
      fromVersion: z.number().int(),
      toVersion: z.number().int(),
      added: z.array(z.object({ code: z.string(), name: z.string() })),
      changed: z.array(z.object({ code: z.string(), name: z.string(), fields: z.array(z.string()) })),
      removed: z.array(z.object({ code: z.string(), name: z.string() })),
      otherChanges: z.array(z.string()),
    }),
    access: ['supervisor'], forbidden: '只有值班长可以导入目录',
  },
  'catalogue.import': {
    input: z.object({ json: z.string().max(50_000_000) }).strict(),
    output: z.object({ version: z.number().int(), itemCount: z.number().int() }),
    access: ['supervisor'], forbidden: '只有值班长可以导入目录',
  },
  // What a decision taken now would record and what blocks each decision (the dialog shows this).
  'case.terms': {
    input: z.object({ itemCode: z.string().min(1).max(40), answers: Answers, marks: Marks }).strict(),
    output: IntakeTerms,
    access: 'signedIn',
  },
  'case.decide': { input: DecideInput, output: z.object({ caseId: z.string(), caseNumber: z.string() }), access: 'signedIn' },
  // 草稿: the intake being typed, autosaved per window and clerk, offered again after a reload or sign-in.
  'draft.save': { input: SaveDraftInput, output: z.object({ saved: z.boolean(), savedAt: z.string() }), access: 'signedIn' },
  'draft.current': { input: Empty, output: SavedDraft.nullable(), access: 'signedIn' },
  'draft.discard': { input: z.object({ startedAt: z.string().max(40).optional() }).strict(), output: Ok, access: 'signedIn' },
  'case.queue': { input: Empty, output: z.object({ cases: z.array(CaseSummary), now: z.string() }), access: 'signedIn' },
  'case.get': { input: z.object({ caseId: z.string().min(1).max(64) }).strict(), output: CaseDetail, access: 'signedIn' },
  // Cases the back office turned 需补正 or 待取件 that no clerk has opened since (the 今日办件 badge).
  'case.alerts': {
    input: Empty,
    output: z.object({ count: z.number().int(), cases: z.array(z.object({ caseId: z.string(), caseNumber: z.string(), reviewStatus: z.enum(['needsSupplement', 'readyForPickup']) })) }),
    access: 'signedIn',
  },
  // 超时预警: this window's cases near or past their promised time, 容缺 supplements falling due.
  'case.deadlines': { input: Empty, output: WindowDeadlines, access: 'signedIn' },
  // 查找办件 across days: a case number, ID number, credit code or name (prefix); newest first.
  'case.find': {
    input: z.object({ query: z.string().max(100) }).strict(),
    output: z.object({ kind: z.enum(['caseNumber', 'idNumber', 'creditCode', 'name']), cases: z.array(CaseSummary), truncated: z.boolean() }),
    access: 'signedIn',
  },
  'case.lookup': {
    input: z.object({ caseNumber: z.string().min(1, '请输入办件编号').max(64) }).strict(),
    output: z.object({ caseId: z.string() }),
    access: 'signedIn',
  },
  'case.complete': { input: z.object({ caseId: z.string() }).strict(), output: CaseSummary, access: 'signedIn' },
  'case.supplement': {
    input: z.object({ caseId: z.string(), note: z.string().trim().max(500).default(''), draftId: DraftId.optional() }).strict(),
    output: CaseSummary,
    access: 'signedIn',
  },
  'case.terminate': {
    input: z.object({ caseId: z.string(), reason: z.string().trim().min(1, '请填写终止原因').max(500) }).strict(),
    output: CaseSummary,
    access: 'signedIn',
  },
  'case.deliver': { input: DeliverInput, output: CaseSummary, access: 'signedIn' },
  'case.rate': {
    input: z
      .object({
        caseId: z.string(),
        level: RatingLevel,
        /** Codes from the centre's 好差评 reasons for the level's class (差评: at least one). */
        reasons: RatingReasonCodes,
        source: z.enum(['screen', 'paper']),
        comment: z.string().trim().max(500).default(''),
        /** Paper only: the date written on the form (not before the visit, not after today). */
        formDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD').optional(),
        /** 纸质评价表编号: required for a paper rating. */
        formNumber: z.string().trim().max(40, '评价表编号不能超过 40 个字符').optional(),
      })
      .strict(),
    output: CaseSummary,
    access: 'signedIn',
  },
  // 评价器 (the applicant-facing second screen, same host and session as the clerk's window):
  // the clerk asks for a rating of one case, the second screen polls what to show and submits
  // the applicant's choice. One request at a time; it ends when rated, cancelled or signed out.
  'rating.request': { input: z.object({ caseId: z.string().min(1).max(64) }).strict(), output: RatingRequest, access: 'signedIn' },
  'rating.pending': { input: Empty, output: RatingRequest.nullable(), access: 'signedIn' },
  'rating.submit': {
    input: z.object({ caseId: z.string().min(1).max(64), level: RatingLevel, reasons: RatingReasonCodes }).strict(),
    output: Ok,
    access: 'signedIn',
  },
  /** The 好差评 reasons this window offers (the centre's list from the catalogue, else the national one). */
  'rating.reasons': { input: Empty, output: z.object({ reasons: z.array(RatingReason) }), access: 'signedIn' },
  /** The paper 评价表 of one case (A4, every level and reason with a box), shown and printed like 交接班. */
  'rating.paperForm': { input: z.object({ caseId: z.string().min(1).max(64) }).strict(), output: z.object({ html: z.string() }), access: 'signedIn' },
  'rating.printPaperForm': {
    input: z.object({ caseId: z.string().min(1).max(64) }).strict(),
    output: z.object({ archivedPath: z.string(), printedTo: z.string().nullable(), message: z.string() }),
    access: 'signedIn',
  },
  /** Without caseId any pending request ends; with it only that case's (a stale dialog cannot end a newer one). */
  'rating.cancel': { input: z.object({ caseId: z.string().min(1).max(64).optional() }).strict(), output: Ok, access: 'signedIn' },
  // Scanned pages (扫描件): taken for a draft, joining a case with its decision or a 补正.
  'pages.add': { input: AddPageInput, output: PageView, access: 'signedIn' },
  'pages.list': { input: PagesOf, output: z.object({ pages: z.array(PageView) }), access: 'signedIn' },
  'pages.get': { input: z.object({ pageId: z.string().min(1).max(64) }).strict(), output: PageBytes, access: 'signedIn' },
  'pages.remove': { input: z.object({ pageId: z.string().min(1).max(64) }).strict(), output: Ok, access: 'signedIn' },
  'pages.discardDraft': { input: z.object({ draftId: DraftId }).strict(), output: z.object({ removed: z.number().int() }), access: 'signedIn' },
  // Pages taken after the decision join the case now (one case.pagesAttached event).
  // supplement: the pages are the applicant's 补正 for what the back office asked (需补正).
  'pages.attach': { input: z.object({ caseId: z.string().min(1).max(64), draftId: DraftId, supplement: z.boolean().default(false) }).strict(), output: z.object({ attached: z.number().int() }), access: 'signedIn' },
  // 共性材料: the same applicant's earlier pages of the item's reusable materials, and taking
  // them over into the draft (the same bytes, no copy; each page records where it came from).
  'pages.reuseOffers': { input: ReuseOffersInput, output: z.object({ offers: z.array(ReuseOffer) }), access: 'signedIn' },
  'pages.reuse': { input: ReuseInput, output: z.object({ pages: z.array(PageView) }), access: 'signedIn' },
  // 本机扫描件保留: local copies of pages the centre confirmed are purged after N days.
  'pages.retention': { input: Empty, output: RetentionView, access: 'signedIn' },
  'pages.setRetention': {
    input: z.object({ purgeAfterDays: PurgeAfterDays }).strict(),
    output: RetentionView,
    access: ['supervisor'], forbidden: '只有值班长可以修改扫描件保留设置',
  },
  'notice.kinds': { input: z.object({ caseId: z.string() }).strict(), output: z.object({ kinds: z.array(NoticeKind) }), access: 'signedIn' },
  'notice.render': {
    input: z.object({ caseId: z.string(), kind: NoticeKind, layout: z.enum(NOTICE_LAYOUTS) }).strict(),
    output: z.object({ html: z.string() }),
    access: 'signedIn',
  },
  'notice.print': {
    input: z.object({ caseId: z.string(), kind: NoticeKind, layout: z.enum(NOTICE_LAYOUTS).nullable().default(null) }).strict(),
    output: z.object({ archivedPath: z.string(), printedTo: z.string().nullable(), message: z.string() }),
    access: 'signedIn',
  },
  // The window's own figures (today, this week) and its 交接班 sheet, offline.
  'stats.window': { input: z.object({ period: z.enum(WINDOW_PERIODS) }).strict(), output: WindowDashboard, access: 'signedIn' },
  /** 本窗口差评 and how the centre's 整改 of each stands (synced down as review.rectification). */
  'stats.badRatings': { input: Empty, output: z.object({ lines: z.array(BadRatingLine) }), access: 'signedIn' },
  'stats.handover': { input: Empty, output: z.object({ lines: z.array(HandoverLine), html: z.string() }), access: 'signedIn' },
  'stats.printHandover': { input: Empty, output: z.object({ archivedPath: z.string(), printedTo: z.string().nullable(), message: z.string() }), access: 'signedIn' },
  // Excel (.xlsx) of a window table, built by the workstation from the same handler results the screen shows.
  'export.xlsx': {
    input: z.object({ table: z.enum(WINDOW_EXPORTS), period: z.enum(WINDOW_PERIODS).default('today') }).strict(),
    output: z.object({ fileName: z.string(), dataBase64: z.string() }),
    access: 'signedIn',
  },
  // Printers of this window, per notice kind (or its default).
  'print.settings': { input: Empty, output: z.object({ printers: WindowPrinters, systemPrinters: z.array(z.string()) }), access: 'signedIn' },
  'print.setPrinter': {
    input: z.object({ kind: z.union([NoticeKind, z.literal('default')]), choice: PrinterChoice.nullable() }).strict(),
    output: z.object({ printers: WindowPrinters, systemPrinters: z.array(z.string()) }),
    access: 'signedIn',
  },
  // 打印测试页 on the printer set for a notice kind (or the default), by the same route as notices.
  'print.testPage': {
    input: z.object({ kind: z.union([NoticeKind, z.literal('default')]) }).strict(),
    output: z.object({ printedTo: z.string(), message: z.string() }),
    access: 'signedIn',
  },
  // Working-day calendar (法定节假日与调休): a newer official schedule can be imported by a supervisor.
  'calendar.status': { input: Empty, output: z.object({ version: z.number().int(), years: z.array(z.number().int()), coversToday: z.boolean() }), access: 'signedIn' },
  'calendar.import': {
    input: z.object({ json: z.string().max(1_000_000) }).strict(),
    output: z.object({ version: z.number().int(), years: z.array(z.number().int()), coversToday: z.boolean() }),
    access: ['supervisor'], forbidden: '只有值班长可以导入节假日日历',
  },
  // Sync with the central server (the practice workstation answers with a fixed 练习模式不同步 status).
  'sync.status': { input: Empty, output: SyncStatusView, access: 'public' },
  'sync.now': { input: Empty, output: SyncStatusView, access: 'public' },
  'sync.enrol': {
    input: SyncEnrolInput, output: SyncStatusView,
    access: { notEnrolled: 'public', enrolled: ['supervisor'] }, forbidden: '本机已登记到中心服务器，重新登记须由值班长操作',
  },
  // Uploads held back because the server kept failing on them, and putting them back in the queue.
  'sync.held': { input: Empty, output: z.object({ held: z.array(HeldUpload) }), access: 'signedIn' },
  'sync.retryHeld': { input: Empty, output: SyncStatusView, access: ['supervisor'], forbidden: '只有值班长可以重新上传被搁置的事件' },
  // Practice mode (练习模式): answered only by the practice workstation; packs, results and
  // class sessions only for a signed-in trainer.
  'practice.scenarios': { input: Empty, output: z.object({ packs: z.array(PackSummary), scenarios: z.array(ScenarioSummary) }), access: 'signedIn', practiceOnly: true, trainerDesk: true },
  'practice.importPack': {
    input: z.object({ json: z.string().max(20_000_000) }).strict(),
    output: z.object({ packId: z.string(), title: z.string(), version: z.number().int(), scenarioCount: z.number().int(), replaced: z.boolean() }),
    access: ['trainer'], practiceOnly: true, trainerDesk: true, forbidden: TRAINER_ONLY,
  },
  'practice.exportPack': { input: z.object({ packId: z.string().min(1).max(40) }).strict(), output: z.object({ json: z.string(), fileName: z.string() }), access: ['trainer'], practiceOnly: true, trainerDesk: true, forbidden: TRAINER_ONLY },
  'practice.start': {
    input: z.object({ packId: z.string().min(1).max(40).default('builtin'), scenarioId: z.string().min(1).max(40) }).strict(),
    output: AttemptView,
    access: 'signedIn', practiceOnly: true,
  },
  'practice.inspect': {
    input: z.object({ attemptId: z.string().min(1).max(64), cardId: z.string().min(1).max(40) }).strict(),
    output: z.object({ cardId: DeskCard.shape.cardId, text: z.string() }),
    access: 'signedIn', practiceOnly: true,
  },
  'practice.finish': { input: FinishInput, output: FinishOutput, access: 'signedIn', practiceOnly: true },
  // The signed-in trainee's latest attempt when it is not yet scored (to resume after signing in again).
  'practice.current': { input: Empty, output: CurrentAttemptOutput, access: 'signedIn', practiceOnly: true },
  'practice.results': { input: ResultsInput, output: z.object({ rows: z.array(TraineeResultRow) }), access: ['trainer'], practiceOnly: true, trainerDesk: true, forbidden: TRAINER_ONLY },
  'practice.resultsCsv': { input: ResultsInput, output: z.object({ csv: z.string(), fileName: z.string() }), access: ['trainer'], practiceOnly: true, trainerDesk: true, forbidden: TRAINER_ONLY },
  'practice.sessions': { input: Empty, output: z.object({ sessions: z.array(SessionView) }), access: 'signedIn', practiceOnly: true, trainerDesk: true },
  'practice.createSession': { input: CreateSessionInput, output: SessionView, access: ['trainer'], practiceOnly: true, trainerDesk: true, forbidden: TRAINER_ONLY },
  'practice.deleteSession': { input: z.object({ id: z.string().min(1).max(64) }).strict(), output: Ok, access: ['trainer'], practiceOnly: true, trainerDesk: true, forbidden: TRAINER_ONLY },
  // Scenarios written in 练习管理 (electron/services/practiceEditor.ts): open, check with a preview, save into an own pack.
  'practice.scenario': {
    input: z.object({ packId: z.string().min(1).max(40), scenarioId: z.string().min(1).max(40) }).strict(),
    output: z.object({ packTitle: z.string(), scenario: Scenario }),
    access: ['trainer'], practiceOnly: true, trainerDesk: true, forbidden: TRAINER_ONLY,
  },
  'practice.previewScenario': {
    input: z.object({ scenario: z.unknown() }).strict(),
    output: z.object({ errors: z.array(z.object({ field: z.string(), message: z.string() })), preview: TraineeView.nullable() }),
    access: ['trainer'], practiceOnly: true, trainerDesk: true, forbidden: TRAINER_ONLY,
  },
  'practice.saveScenario': {
    input: z.object({ packId: z.string().min(1).max(40), packTitle: z.string().trim().min(1).max(60).optional(), scenario: z.unknown(), replaces: z.string().min(1).max(40).optional() }).strict(),
    output: z.object({ packId: z.string(), packTitle: z.string(), scenarioId: z.string(), version: z.number().int(), created: z.boolean() }),
    access: ['trainer'], practiceOnly: true, trainerDesk: true, forbidden: TRAINER_ONLY,
  },
  'practice.deleteScenario': {
    input: z.object({ packId: z.string().min(1).max(40), scenarioId: z.string().min(1).max(40) }).strict(),
    output: z.object({ packId: z.string(), version: z.number().int() }),
    access: ['trainer'], practiceOnly: true, trainerDesk: true, forbidden: TRAINER_ONLY,
  },
  // Served by the host, not by a workstation: they switch which database answers.
  'practice.enter': { input: z.object({ staffNo: StaffNo, password: z.string().min(1, '请输入密码').max(128) }).strict(), output: z.object({ practice: z.boolean() }), access: 'public' },
  'practice.leave': { input: z.object({ staffNo: StaffNo, password: z.string().min(1, '请输入密码').max(128) }).strict(), output: z.object({ practice: z.boolean() }), access: 'public' },
} as const satisfies Record<string, ChannelSpec>;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type In<C extends Channel> = z.input<Contract[C]['input']>;
export type Out<C extends Channel> = z.output<Contract[C]['output']>;
export const CHANNELS = Object.keys(contract) as Channel[];
/** Channels the host answers itself (they choose between the real and practice databases). */
export const HOST_CHANNELS = ['practice.enter', 'practice.leave'] as const;
export type HostChannel = (typeof HOST_CHANNELS)[number];
export type WorkstationChannel = Exclude<Channel, HostChannel>;
export const isChannel = (c: unknown): c is Channel => typeof c === 'string' && Object.hasOwn(contract, c);

export { IPC_CHANNEL } from './ipc';
// Compile-time proof that the preload's channel list is exactly this contract.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _preloadListMatches: Same<Channel, (typeof CHANNEL_NAMES)[number]> = true;
void _preloadListMatches;
export { Catalogue };
