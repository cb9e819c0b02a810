// What a clerk typed, folded the way the index is: full-width → half-width, lower case,
// no spaces or apostrophes (shi pin / xi'an), then sorted into one query kind.
import { foldText } from './keys';

export type QueryKind = 'text' | 'letters' | 'code';

export interface Query {
  text: string;
  kind: QueryKind;
}

export function parseQuery(raw: string): Query {
  const text = foldText(raw).replace(/[\s'’‘·]+/g, '');
  if (/^[a-z]+$/.test(text)) return { text, kind: 'letters' };
  if (/^[0-9a-z]+$/.test(text)) return { text, kind: 'code' };
  return { text, kind: 'text' };
}
