// The renderer's side of stored pages: compress and store one, and show them (data URLs,
// cached per page: a page's bytes never change).
import { invoke } from '../api';
import type { ColourMode } from '../../../shared/scans/page';
import type { PageView } from '../../../shared/scans/api';
import { blobToBase64, compressPage, type PageEdit } from './compress';

export async function storePage(draftId: string, materialId: string, source: Parameters<typeof compressPage>[0], edit: PageEdit, colour: ColourMode): Promise<PageView> {
  const page = await compressPage(source, edit, colour);
  return invoke('pages.add', { draftId, materialId, colour, dataBase64: await blobToBase64(page.blob) });
}

/** Shown where a purged page's image would be: the centre holds it, this window no longer does. */
export const ARCHIVED_TEXT = '已归档到中心';

const urls = new Map<string, Promise<string | null>>();
/** The page as a data URL; null once its local copy was purged (已归档到中心). */
export function pageUrl(pageId: string): Promise<string | null> {
  let u = urls.get(pageId);
  if (!u) {
    u = invoke('pages.get', { pageId }).then((p) => (p.dataBase64 === null ? null : `data:${p.contentType};base64,${p.dataBase64}`));
    u.catch(() => urls.delete(pageId));
    urls.set(pageId, u);
  }
  return u;
}

export async function loadImage(url: string): Promise<HTMLImageElement> {
  const img = new Image();
  img.src = url;
  await img.decode();
  return img;
}

/** A material's default: colour where a seal, a photo or a certificate's colours matter. */
export const defaultColour = (materialName: string): ColourMode =>
  /申请表|申请书|登记表|清单|目录/.test(materialName) ? 'grey' : /身份证|执照|证书|证件|许可证|公章|印章|照片/.test(materialName) ? 'colour' : 'grey';
