import type { Migration } from './index';

// 好差评 reasons are catalogue data a centre may replace (shared/domain/ratingReasons.ts): they
// arrive with the catalogue and are replaced with it. An empty table means the national list.
export const m011: Migration = {
  version: 11,
  name: 'rating-reasons',
  sql: `
CREATE TABLE rating_reasons (
  position INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  rating_class TEXT NOT NULL CHECK (rating_class IN ('good', 'neutral', 'bad')),
  text TEXT NOT NULL
);
`,
};
