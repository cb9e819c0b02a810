import type { Migration } from './index';

// An event's reference to its case may be checked at the end of the push's writes instead of
// row by row (still immediate by default for every other writer): the usual batch writes its
// events before taking the device's cursor and its cases after (server/sync/push.ts), so two
// batches of one window overlap their writes instead of queueing whole behind the cursor.
export const m009: Migration = {
  version: 9,
  name: 'deferrable-event-case',
  sql: `ALTER TABLE case_events ALTER CONSTRAINT case_events_case_id_fkey DEFERRABLE INITIALLY IMMEDIATE;`,
};
