import type { Migration } from './index';

// 查找办件 across days (electron/store/caseFind.ts): indexes on the applicant's and the agent's
// names and identifiers inside the JSON columns. Expression indexes, so nothing is copied and
// the projection that writes the row stays the only writer; a query must use the very same
// expressions to be served by them (a test keeps the plans on these indexes).
export const m009: Migration = {
  version: 9,
  name: 'case-find',
  sql: `
CREATE INDEX cases_applicant_name ON cases(json_extract(applicant, '$.name'));
CREATE INDEX cases_applicant_legal_rep ON cases(json_extract(applicant, '$.legalRepresentative'));
CREATE INDEX cases_applicant_id ON cases(json_extract(applicant, '$.idNumber'));
CREATE INDEX cases_applicant_credit ON cases(json_extract(applicant, '$.creditCode'));
CREATE INDEX cases_agent_name ON cases(json_extract(agent, '$.name'));
CREATE INDEX cases_agent_id ON cases(json_extract(agent, '$.idNumber'));
`,
};
