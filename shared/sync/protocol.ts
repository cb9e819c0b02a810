// The wire protocol between a window's sync client and the central server (docs/architecture.md §5).
// One zod schema per request/response: the server validates with them, the OpenAPI
// document is generated from them, and the sync client parses replies with them.
//
// Rules the client must follow (see server/README.md for the walkthrough):
// - Every call except enrolment sends `Authorization: Bearer <deviceToken>`.
// - Push: the outbox is numbered 1,2,3… per device. Send entries in order, oldest
//   unacknowledged first, consecutive numbers, at most MAX_BATCH per call. The reply's
//   `appliedThrough` is the last number the server holds (applied OR permanently rejected);
//   drop everything ≤ it from the outbox. Resending an acknowledged batch is harmless.
//   A batch that starts after a gap gets 409 `seq_gap` with the number expected. A client may keep
//   two batches in flight: one that overtook its predecessor waits for it (up to 3 s) first.
// - Pull: keep `nextCursor` after every page and pass it as `after` next time.
// - Catalogue: ask with `sinceVersion` = the version held; apply the delta in one
//   transaction or replace with the full catalogue.
// - Bodies may be sent gzip-compressed (`Content-Encoding: gzip`); replies are gzip'd
//   when `Accept-Encoding: gzip` is sent.
import { z } from 'zod';
import { Catalogue, Department, Item, Office, SubCenter, Window } from '../domain/catalogue';
import { Clerk } from '../domain/clerk';
import { RatingReason } from '../domain/ratingReasons';
import { Synonyms } from '../search/synonyms';
import { Instant } from '../domain/storable';
import { BACK_OFFICE_EVENT_TYPES, REVIEW_STATUSES, WINDOW_EVENT_TYPES, WindowEventBody, type WindowEventType } from '../domain/caseEvents';
import { PASSWORD_HASH_PATTERN } from '../auth/passwordHash';

export const PROTOCOL_VERSION = 1;
/** Path prefix of every device route. */
export const SYNC_PREFIX = '/sync/v1';

// ---- limits -------------------------------------------------------------------------
export const MAX_BATCH = 500;
export const MAX_BODY_BYTES = 2 * 1024 * 1024;
/** One event's payload, serialized as JSON (UTF-8 bytes). */
export const MAX_PAYLOAD_BYTES = 64 * 1024;
/** deviceTime later than server time + this is refused (per entry, not fatal). */
export const MAX_FUTURE_SKEW_MS = 5 * 60 * 1000;
export const MAX_PULL_LIMIT = 500;
export const DEFAULT_PULL_LIMIT = 100;

// ---- primitives ---------------------------------------------------------------------
export const Uuid7 = z.uuid({ version: 'v7', message: '应为 UUIDv7' });
/** A real moment with an offset, within what a timestamptz column stores (see shared/domain/storable.ts). */
export const IsoTime = Instant;
/** Device outbox number: 1, 2, 3 … */
export const Seq = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
/** Server sequence used as a pull cursor; 0 = from the beginning. */
export const Cursor = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
/** Random id of the server's database; changes when the data is replaced (restore,
 * new install). A client seeing a different serverId must not trust its cursors. */
export const ServerId = z.string().min(1).max(64);

// ---- errors -------------------------------------------------------------------------
/** Stable machine codes of HTTP-level errors; `message` is Chinese for the clerk. */
export const API_ERROR_CODES = [
  'invalid_input', // 400 body/query fails the schema (details locate every issue)
  'malformed_json', // 400 body is not JSON
  'bad_encoding', // 400 gzip body cannot be decompressed
  'empty_body', // 400
  'token_missing', // 401 no Bearer token
  'token_invalid', // 401 unknown token
  'device_revoked', // 401 token of a revoked device
  'enrol_code_invalid', // 401 unknown enrolment code
  'device_mismatch', // 403 body deviceId is not the token's device
  'unauthenticated', // 401 back-office call without a staff session
  'session_expired', // 401 the staff session timed out (idle) or was ended
  'bad_credentials', // 401 wrong 工号 or password
  'forbidden', // 403 the signed-in role may not do this
  'csrf_invalid', // 403 a back-office write without this session's X-CSRF-Token
  'host_invalid', // 403 a Host header this server does not answer to (DNS rebinding, foreign proxies)
  'origin_invalid', // 403 a state-changing request from a foreign Origin
  'password_change_required', // 403 the account must set a new password first
  'account_locked', // 423 too many failed sign-ins (Retry-After)
  'not_found', // 404
  'no_catalogue', // 404 nothing published yet
  'seq_gap', // 409 push does not continue where the server is (see `expectedSeq`)
  'enrol_code_used', // 409
  'conflict', // 409
  'claimed_by_other', // 409 another reviewer holds the case (认领)
  'claim_required', // 409 claim the case before deciding
  'page_unknown', // 404 no case of this device names the page (push its events first)
  'offset_mismatch', // 409 a page chunk that does not continue where the server is (see `held`)
  'page_invalid', // 422 an uploaded page whose bytes are not its sha256 or not an image (the partial is dropped)
  'enrol_code_expired', // 410
  'body_too_large', // 413
  'unsupported_media_type', // 415 not application/json, or unknown Content-Encoding
  'rate_limited', // 429 with Retry-After (seconds)
  'internal', // 500
] as const;
export const ApiErrorCode = z.enum(API_ERROR_CODES);
export type ApiErrorCode = z.infer<typeof ApiErrorCode>;
export const ApiError = z.object({
  code: ApiErrorCode,
  message: z.string(),
  details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  /** Only with `seq_gap`: the outbox number the server expects next. */
  expectedSeq: z.number().int().optional(),
  /** Only with `offset_mismatch`: the bytes of the page the server holds. */
  held: z.number().int().optional(),
});
export type ApiError = z.infer<typeof ApiError>;

// ---- enrolment ----------------------------------------------------------------------
/** One-time code printed by `npm run server -- enrol-code`; dashes/spaces/case ignored. */
export const EnrolRequest = z.object({
  code: z.string().trim().min(8).max(40),
  deviceName: z.string().trim().min(1).max(60),
  appVersion: z.string().trim().max(40).optional(),
}).strict();
export type EnrolRequest = z.infer<typeof EnrolRequest>;
export const EnrolResponse = z.object({
  deviceId: z.uuid(),
  /** Shown once; the server keeps only its sha256. Store it protected (safeStorage). */
  deviceToken: z.string().min(20),
  office: Office,
  window: Window,
  serverId: ServerId,
  serverTime: IsoTime,
});
export type EnrolResponse = z.infer<typeof EnrolResponse>;

export const DeviceInfo = z.object({
  deviceId: z.uuid(),
  officeCode: z.string(),
  windowCode: z.string(),
  /** Last outbox number the server holds for this device (0 = none). */
  appliedThrough: z.number().int().min(0),
  serverId: ServerId,
  serverTime: IsoTime,
});
export type DeviceInfo = z.infer<typeof DeviceInfo>;

// ---- push (up: case events) ---------------------------------------------------------
/** The window's own event types (the union in shared/domain/events.ts is the one list). */
export const CASE_EVENT_TYPES = WINDOW_EVENT_TYPES;
export const CaseEventType = z.enum(WINDOW_EVENT_TYPES);
export type CaseEventType = WindowEventType;

const jsonBytes = (v: unknown) => new TextEncoder().encode(JSON.stringify(v)).length;

/** sha256 hex of an event's chain link (shared/sync/chain.ts). */
export const ChainHash = z.string().regex(/^[0-9a-f]{64}$/, '应为 64 位十六进制 sha256');

const ENTRY_ENVELOPE = {
  seq: Seq,
  /** Event id, UUIDv7 made on the device; a repeat of a stored id with the same content is skipped. */
  id: Uuid7,
  caseId: Uuid7,
  /** Device clock when the event happened: audit only, never used for ordering. */
  deviceTime: IsoTime,
  /** 工号 of the clerk who recorded the event (audit trail). */
  staffNo: z.string().max(20).nullable().optional(),
  /** This event's link in the window's hash chain, and the link before it (null: the first). Absent from windows older than the chain. */
  hash: ChainHash.optional(),
  prevHash: ChainHash.nullable().optional(),
};

/**
 * One outbox entry: the envelope and one typed window event. Every entry this schema
 * accepts can be stored by the server (bounded text, numbers and dates within the columns').
 */
const withEnvelope = <T extends (typeof WindowEventBody.options)[number]>(o: T) => o.extend(ENTRY_ENVELOPE).strict();
type EntryOption = ReturnType<typeof withEnvelope<(typeof WindowEventBody.options)[number]>>;
/**
 * PushEntry without the size bound of its payload: for a reader that measures the payload's
 * JSON text itself (the server encodes each payload anyway, server/sync/push.ts) and then
 * applies PAYLOAD_TOO_LARGE the same way.
 */
export const PushEntryFields = z.discriminatedUnion('type', WindowEventBody.options.map(withEnvelope) as [EntryOption, ...EntryOption[]]);
export const PAYLOAD_TOO_LARGE = { message: `事件内容超过 ${MAX_PAYLOAD_BYTES / 1024} KB`, path: ['payload'] };
// Measured on the entry as given, before zod copies it: the copy leaves out `__proto__` keys,
// which the server stores (and counts) like any other key.
export const PushEntry = z.preprocess((e, ctx) => {
  const payload = e && typeof e === 'object' ? (e as { payload?: unknown }).payload : undefined;
  if (payload !== undefined && jsonBytes(payload) > MAX_PAYLOAD_BYTES) ctx.addIssue({ code: 'custom', input: e, ...PAYLOAD_TOO_LARGE });
  return e;
}, PushEntryFields);
export type PushEntry = WindowEventBody & {
  seq: number; id: string; caseId: string; deviceTime: string; staffNo?: string | null; hash?: string; prevHash?: string | null;
};

export const PushRequest = z.object({
  deviceId: z.uuid(),
  batch: z.array(PushEntry).min(1).max(MAX_BATCH),
}).strict();
export type PushRequest = z.infer<typeof PushRequest>;
/** What the server accepts at the envelope level (see PushRequest). */
export const PushEnvelope = z.object({
  deviceId: z.uuid(),
  batch: z
    .array(z.looseObject({ seq: Seq }))
    .min(1, '批次不能为空')
    .max(MAX_BATCH, `每批最多 ${MAX_BATCH} 条`)
    .refine((b) => b.every((e, i) => i === 0 || e.seq === b[i - 1].seq + 1), { message: '批次内编号必须连续递增' }),
}).strict();

export const PUSH_REJECT_CODES = [
  'invalid_event', // entry fails PushEntry or its type's payload minimum
  'future_time', // deviceTime > server time + 5 min
  'foreign_case', // case belongs to another office
  'case_not_found', // event for a case never opened on the server
  'case_already_opened', // second case.opened for the same case
  'event_id_conflict', // event id already used by another device or case, or with other content
  'invalid_transition', // the event cannot follow the case's state (e.g. 办结 of a refused case)
  'storage_failed', // the database refused this entry (recorded and acknowledged; the rest is applied)
] as const;
export const PushRejectCode = z.enum(PUSH_REJECT_CODES);
export type PushRejectCode = z.infer<typeof PushRejectCode>;
export const PushRejection = z.object({ seq: Seq, code: PushRejectCode, message: z.string() });
export type PushRejection = z.infer<typeof PushRejection>;

export const PushResponse = z.object({
  /** Drop outbox entries ≤ this: they are applied or permanently rejected. */
  appliedThrough: z.number().int().min(0),
  /** Permanently refused entries of this batch (also when the batch is replayed). */
  rejected: z.array(PushRejection),
  /** Entries newly stored by this call (0 on a replay). */
  applied: z.number().int().min(0),
  serverTime: IsoTime,
});
export type PushResponse = z.infer<typeof PushResponse>;

// ---- pull (down: back-office status) ------------------------------------------------
export { REVIEW_STATUSES };
export const ReviewStatus = z.enum(REVIEW_STATUSES);
export type ReviewStatus = z.infer<typeof ReviewStatus>;
export const REVIEW_STATUS_LABEL: Record<ReviewStatus, string> = {
  reviewing: '受理审查中',
  approved: '准予',
  rejected: '不予许可',
  needsSupplement: '需补正',
  readyForPickup: '待取件',
};

export const StatusEvent = z.object({
  /** Server sequence: order and cursor. */
  serverSeq: z.number().int().min(1),
  id: z.uuid(),
  caseId: z.uuid(),
  caseNumber: z.string().nullable(),
  /** The back-office event (shared/domain/caseEvents.ts BackOfficeEventBody); record it as {type, payload}. */
  type: z.enum(BACK_OFFICE_EVENT_TYPES).default('review.status'),
  /** The typed payload, exactly as the window records it (checked by the window with BackOfficeEventBody). */
  payload: z.record(z.string(), z.unknown()).optional(),
  /** review.status only (kept for older windows): the status, reason, 备注 and who decided. */
  status: ReviewStatus.nullable(),
  /** Required for rejected / needsSupplement: shown to the applicant. */
  reason: z.string().nullable(),
  note: z.string().nullable(),
  /** Name of the signed-in staff member who did it. */
  decidedBy: z.string(),
  decidedAt: IsoTime,
});
export type StatusEvent = z.infer<typeof StatusEvent>;

export const PullQuery = z.object({
  after: z.coerce.number().pipe(Cursor).default(0),
  limit: z.coerce.number().pipe(z.number().int().min(1).max(MAX_PULL_LIMIT)).default(DEFAULT_PULL_LIMIT),
}).strict();
export type PullQuery = z.infer<typeof PullQuery>;
export const PullResponse = z.object({
  events: z.array(StatusEvent),
  /** Save after applying this page; equals `after` when the page is empty. */
  nextCursor: Cursor,
  hasMore: z.boolean(),
  serverId: ServerId,
});
export type PullResponse = z.infer<typeof PullResponse>;

// ---- catalogue ----------------------------------------------------------------------
export const CatalogueVersionResponse = z.object({
  version: z.number().int().min(1),
  publishedAt: IsoTime,
});
export type CatalogueVersionResponse = z.infer<typeof CatalogueVersionResponse>;

export const CatalogueQuery = z.object({
  /** Version the client holds; omit or 0 for a first download. */
  sinceVersion: z.coerce.number().pipe(z.number().int().min(0)).default(0),
}).strict();

const changes = <T extends z.ZodType>(s: T) => z.object({ upserted: z.array(s), removed: z.array(z.string()) });
/** Keys in `removed`: item/department/sub-centre/office `code`; windows `officeCode:code`. */
export const CatalogueChanges = z.object({
  departments: changes(Department),
  subCenters: changes(SubCenter),
  offices: changes(Office),
  windows: changes(Window),
  items: changes(Item),
  /** 好差评 reasons: when changed, `upserted` is the whole new list in order (empty: the national list) and `removed` the codes dropped; absent when unchanged or from servers that predate them. */
  ratingReasons: changes(RatingReason).optional(),
  /** 同义词 (shared/search/synonyms.ts): when changed, the whole new list (empty: none); absent when unchanged or from servers that predate them. */
  synonyms: Synonyms.optional(),
});
export type CatalogueChanges = z.infer<typeof CatalogueChanges>;

export const CatalogueResponse = z.discriminatedUnion('kind', [
  /** The client is up to date. */
  z.object({ kind: z.literal('current'), version: z.number().int() }),
  /** Apply `changes` to version `fromVersion` to get `version`. */
  z.object({
    kind: z.literal('delta'),
    fromVersion: z.number().int(),
    version: z.number().int(),
    publishedAt: IsoTime,
    changes: CatalogueChanges,
  }),
  /** Replace everything (first download, or the client's version is unknown here). */
  z.object({ kind: z.literal('full'), catalogue: Catalogue }),
]);
export type CatalogueResponse = z.infer<typeof CatalogueResponse>;

// ---- clerk accounts and window settings ---------------------------------------------
/** `passwordHash` format: `scrypt$<N>$<r>$<p>$<salt b64>$<key b64>`, see shared/auth/passwordHash.ts. */
export { PASSWORD_HASH_PATTERN };
export const ClerkAccount = Clerk.extend({
  passwordHash: z.string().regex(PASSWORD_HASH_PATTERN),
  /** Always true now (only active accounts are sent); kept for clients that filter on it. */
  active: z.boolean(),
  updatedAt: IsoTime,
});
export type ClerkAccount = z.infer<typeof ClerkAccount>;
/** The active clerks of the device's office: the client replaces its cache with this list,
 * so an account that is absent (disabled, moved) is removed from it. */
export const ClerksResponse = z.object({ clerks: z.array(ClerkAccount) });
export type ClerksResponse = z.infer<typeof ClerksResponse>;

export const WindowSettingsResponse = z.object({
  office: Office,
  window: Window,
  /** Free-form settings managed centrally (printer defaults, queue prefixes …). */
  settings: z.record(z.string(), z.unknown()),
});
export type WindowSettingsResponse = z.infer<typeof WindowSettingsResponse>;
