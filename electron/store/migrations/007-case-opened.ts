import type { Migration } from './index';

// The window's figures measure 立等可取 from the case's opening (the clerk began the intake) to
// 办结 (docs/statistics.md): the cases row keeps that moment beside the decision's, taken for
// older cases from their case.opened event.
export const m007: Migration = {
  version: 7,
  name: 'case-opened',
  sql: `
ALTER TABLE cases ADD COLUMN opened_at TEXT;
UPDATE cases SET opened_at = (SELECT device_time FROM case_events e WHERE e.case_id = cases.id AND e.type = 'case.opened');
`,
};
