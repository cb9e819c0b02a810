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
