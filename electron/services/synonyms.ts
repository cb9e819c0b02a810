// The synonym list the search box uses: the catalogue's (replaced with each catalogue) plus the
// window's own additions (settings, kept across catalogue updates), cached per search index so
// a keystroke never reads SQLite.
import type { Workstation } from './workstation';
import type { SearchIndex } from '../../shared/search/index';
import { Synonyms, type Synonym } from '../../shared/search/synonyms';
import { catalogueSynonyms } from '../store/catalogue';
import { getSetting, setSetting } from '../store/settings';

const LOCAL = 'search.synonyms.local';
const cache = new WeakMap<SearchIndex, Synonym[]>();

export function localSynonyms(ws: Pick<Workstation, 'db'>): Synonym[] {
  const raw = getSetting(ws.db, LOCAL);
  const parsed = raw ? Synonyms.safeParse(JSON.parse(raw)) : null;
  return parsed?.success ? parsed.data : [];
}

export function saveLocalSynonyms(ws: Pick<Workstation, 'db' | 'searchIndex'>, synonyms: Synonym[]): void {
  setSetting(ws.db, LOCAL, JSON.stringify(synonyms));
  cache.delete(ws.searchIndex());
}

export function synonymsFor(ws: Pick<Workstation, 'db' | 'searchIndex'>): Synonym[] {
  const index = ws.searchIndex();
  let list = cache.get(index);
  if (!list) cache.set(index, (list = [...catalogueSynonyms(ws.db), ...localSynonyms(ws)]));
  return list;
}
