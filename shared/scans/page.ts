// A page (扫描页): one scanned image of one material, content-addressed by the sha256 of its
// bytes. The same schema describes a page on the window, in the case.pagesAttached event and
// on the server. Pure: the bytes are handled by the workstation store and the server's blob
// store; here live only their description, the limits and the byte sniffing both sides use.
import { z } from 'zod';
import { Instant, Int32 } from '../domain/storable';

export const PAGE_CONTENT_TYPES = ['image/jpeg', 'image/webp', 'image/png'] as const;
export const PageContentType = z.enum(PAGE_CONTENT_TYPES);
export type PageContentType = z.infer<typeof PageContentType>;

/** Grey for text documents (smaller), colour where a red seal or a photo must stay visible. */
export const COLOUR_MODES = ['grey', 'colour'] as const;
export const ColourMode = z.enum(COLOUR_MODES);
export type ColourMode = z.infer<typeof ColourMode>;
export const COLOUR_MODE_LABEL: Record<ColourMode, string> = { grey: '灰度', colour: '彩色' };

/** One stored page: far above a compressed A4 page (~40 KB), far below what would hurt a link. */
export const MAX_PAGE_BYTES = 4 * 1024 * 1024;
/** Pages of one case, and their bytes together (a thick 营业执照 file plus its attachments). */
export const MAX_PAGES_PER_CASE = 300;
export const MAX_CASE_BYTES = 64 * 1024 * 1024;
/** Pixels on the longer side: 300 dpi A4 is 3508. */
export const MAX_PAGE_SIDE = 6000;

export const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, '应为 64 位十六进制 sha256');

/** A page as the case's events carry it (no bytes). */
export const PageRef = z.looseObject({
  pageId: z.string().min(1).max(64),
  materialId: z.string().min(1).max(64),
  sha256: Sha256Hex,
  bytes: z.number().int().min(1).max(MAX_PAGE_BYTES),
  contentType: PageContentType,
  width: z.number().int().min(1).max(MAX_PAGE_SIDE),
  height: z.number().int().min(1).max(MAX_PAGE_SIDE),
  colour: ColourMode,
  takenAt: Instant,
  /** 共性材料: the page was scanned for an earlier case of the same applicant and reused here. */
  reusedFromCaseId: z.string().min(1).max(64).optional(),
});
export type PageRef = z.output<typeof PageRef>;

export const PagesAttachedPayload = z
  .looseObject({ pages: z.array(PageRef).min(1).max(MAX_PAGES_PER_CASE), supplement: z.boolean().optional() })
  .refine((p) => new Set(p.pages.map((x) => x.pageId)).size === p.pages.length, { message: '扫描页重复', path: ['pages'] });

/** What the bytes are, read from their first bytes (never from a name or a client's word). */
export function sniffImageType(b: Uint8Array): PageContentType | null {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length >= 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47 && b[4] === 0x0d && b[5] === 0x0a && b[6] === 0x1a && b[7] === 0x0a) return 'image/png';
  if (b.length >= 12 && String.fromCharCode(b[0], b[1], b[2], b[3]) === 'RIFF' && String.fromCharCode(b[8], b[9], b[10], b[11]) === 'WEBP') return 'image/webp';
  return null;
}

/** Integers that fit the server's columns. */
export const PageCount = Int32;
