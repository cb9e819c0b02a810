// The contract's view of scanned pages: what the renderer sends (the compressed image, base64)
// and what it is shown back. The page's type and pixel size are read from the bytes.
import { z } from 'zod';
import { ColourMode, MAX_PAGE_BYTES, PageContentType } from './page';

const Id = z.string().min(1).max(64);
/** The renderer's id for the intake (or 补正) being taken in: its pages wait under it. */
export const DraftId = Id;

export const PageView = z.object({
  pageId: z.string(),
  materialId: z.string(),
  sha256: z.string(),
  bytes: z.number().int(),
  contentType: PageContentType,
  width: z.number().int(),
  height: z.number().int(),
  colour: ColourMode,
  takenAt: z.string(),
  caseId: z.string().nullable(),
  reusedFromCaseId: z.string().nullable(),
  /** 已归档到中心: the centre confirmed it and the local copy was purged (the record stays). */
  archived: z.boolean(),
});
export type PageView = z.infer<typeof PageView>;

export const AddPageInput = z
  .object({
    draftId: DraftId,
    materialId: Id,
    colour: ColourMode,
    dataBase64: z.string().min(1, '扫描页为空').max(Math.ceil(MAX_PAGE_BYTES / 3) * 4, `单页不能超过 ${MAX_PAGE_BYTES / 1024 / 1024} MB`),
  })
  .strict();
export type AddPageInput = z.input<typeof AddPageInput>;

export const PagesOf = z.union([z.object({ draftId: DraftId }).strict(), z.object({ caseId: Id }).strict()]);

/** A page's bytes; null once the local copy was purged (已归档到中心). */
export const PageBytes = z.object({ contentType: z.string(), dataBase64: z.string().nullable(), archived: z.boolean() });

/** 本机扫描件保留: purge local copies N days after the centre confirmed them (null: keep them). */
export const MAX_RETENTION_DAYS = 3650;
export const PurgeAfterDays = z.number().int().min(1, '至少保留 1 天').max(MAX_RETENTION_DAYS, `最多保留 ${MAX_RETENTION_DAYS} 天`).nullable();
export const RetentionView = z.object({
  purgeAfterDays: PurgeAfterDays,
  /** Bytes of page copies this file still holds, and pages already archived at the centre. */
  localBytes: z.number().int(),
  archivedPages: z.number().int(),
  /** Set by a change: how many copies the change purged at once. */
  purged: z.number().int().optional(),
});
export type RetentionView = z.infer<typeof RetentionView>;

/**
 * 共性材料: the applicant's pages of one reusable material from their newest earlier case
 * that has any, offered with the date they were scanned.
 */
export const ReuseOffer = z.object({
  materialId: z.string(),
  fromCaseId: z.string(),
  caseNumber: z.string(),
  itemName: z.string(),
  scannedAt: z.string(),
  pages: z.array(PageView),
});
export type ReuseOffer = z.infer<typeof ReuseOffer>;
export const ReuseOffersInput = z
  .object({ itemCode: z.string().min(1).max(64), applicantKey: z.string().trim().min(1).max(64), draftId: DraftId })
  .strict();
export const ReuseInput = ReuseOffersInput.extend({ materialId: Id, fromCaseId: Id }).strict();
