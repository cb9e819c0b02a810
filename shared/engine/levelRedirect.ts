// 本级不办理: an item this office's level does not handle (身份证补领 at the city centre, a
// city-only permit at a township) is not refused for that alone: the clerk guides (引导) the
// applicant to the level that handles it. Where: the nearest office above this one whose level
// handles the item, else the offices below it at the nearest such level (the applicant goes to
// the one of their 户籍所在地 or 居住地), else any office of such a level in the catalogue.
import type { Item, Office } from '../domain/catalogue';
import { LEVEL_LABEL, LEVELS } from '../domain/catalogue';

export interface RedirectPlace {
  name: string;
  address: string;
  phone: string;
}

export interface LevelRedirect {
  /** One line for the dialog and the notice: where the applicant goes. */
  name: string;
  address: string;
  phone: string;
  hours: string;
  /** Each office the applicant may go to (one, or those of their district). */
  places: RedirectPlace[];
  /** Why: 「本中心（市级）不办理本事项」. */
  reason: string;
  /** Short destination for a title or a button: 「沈阳市政务服务中心」, 「区县政务服务中心」. */
  target: string;
}

/** The 引导 decision's words where it is a 本级不办理 redirect (「引导至区县政务服务中心」), else the generic label. */
export function redirectDecisionLabel(r: Pick<LevelRedirect, 'target'> | null | undefined): string | null {
  return r ? `引导至${r.target}` : null;
}

/** At most this many places are listed (a notice has one page). */
export const MAX_REDIRECT_PLACES = 12;

const place = (o: Office): RedirectPlace => ({ name: o.name, address: o.address, phone: o.phone });

export function levelRedirect(item: Pick<Item, 'levels' | 'subCenterCode'>, here: Office, offices: readonly Office[]): LevelRedirect | null {
  if (item.subCenterCode !== null || item.levels.includes(here.level) || item.levels.length === 0) return null;
  const handles = (o: Office) => item.levels.includes(o.level);
  const byCode = new Map(offices.map((o) => [o.code, o]));
  const reason = `本中心（${LEVEL_LABEL[here.level]}）不办理本事项`;

  // Up: the nearest ancestor that handles it.
  const seen = new Set<string>([here.code]);
  for (let p = here.parentCode ? byCode.get(here.parentCode) : undefined; p && !seen.has(p.code); p = p.parentCode ? byCode.get(p.parentCode) : undefined) {
    seen.add(p.code);
    if (handles(p)) return { name: p.name, address: p.address, phone: p.phone, hours: '', places: [place(p)], reason, target: p.name };
  }
  // Down: the shallowest descendants that handle it.
  let layer = offices.filter((o) => o.parentCode === here.code);
  const visited = new Set<string>([here.code]);
  while (layer.length) {
    const found = layer.filter(handles);
    if (found.length) return many(found, reason);
    for (const o of layer) visited.add(o.code);
    layer = offices.filter((o) => o.parentCode !== null && visited.has(o.parentCode) && !visited.has(o.code));
  }
  // Elsewhere in the tree: the offices of the one handling level nearest this office's (a list
  // of mixed levels would name no single kind of place).
  const anywhere = offices.filter(handles);
  if (!anywhere.length) return null;
  const distance = (o: Office) => Math.abs(LEVELS.indexOf(o.level) - LEVELS.indexOf(here.level));
  const nearest = anywhere.reduce((a, b) => (distance(b) < distance(a) ? b : a));
  return many(anywhere.filter((o) => o.level === nearest.level), reason);
}

function many(found: Office[], reason: string): LevelRedirect {
  const places = found.slice(0, MAX_REDIRECT_PLACES).map(place);
  if (places.length === 1) return { ...places[0], hours: '', places, reason, target: places[0].name };
  const level = LEVEL_LABEL[found[0].level].replace(/级$/, '');
  return { name: `申请人户籍所在地或居住地的${level}政务服务中心`, address: '见下列各中心地址', phone: '', hours: '', places, reason, target: `${level}政务服务中心` };
}
