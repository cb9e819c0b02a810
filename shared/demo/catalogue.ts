// The demo catalogue shipped with the app: a Shenyang-like city's service items, built from
// the public 办事指南 facts in the project reference. Pure data; validated by Catalogue.parse
// in tests/unit/demo-catalogue.test.ts.
import { CATALOGUE_SCHEMA_VERSION, type Catalogue } from '../domain/catalogue';
import { departments } from './departments';
import { civilAffairsItems } from './items/civil-affairs';
import { constructionItems } from './items/construction';
import { disabledPersonsItems } from './items/disabled-persons';
import { healthItems } from './items/health';
import { humanResourcesItems } from './items/human-resources';
import { marketItems } from './items/market';
import { medicalInsuranceItems } from './items/medical-insurance';
import { otherServiceItems } from './items/other-services';
import { publicSecurityItems } from './items/public-security';
import { realEstateItems } from './items/real-estate';
import { justiceItems } from './items/justice';
import { transportItems } from './items/transport';
import { offices, windows } from './offices';
import { subCenters } from './sub-centers';
import { demoSynonyms } from './synonyms';

export const demoCatalogue: Catalogue = {
  schemaVersion: CATALOGUE_SCHEMA_VERSION,
  version: 1,
  publishedAt: '2026-01-05T09:00:00+08:00',
  departments,
  subCenters,
  offices,
  windows,
  synonyms: demoSynonyms,
  items: [
    ...marketItems,
    ...transportItems,
    ...publicSecurityItems,
    ...justiceItems,
    ...healthItems,
    ...civilAffairsItems,
    ...humanResourcesItems,
    ...disabledPersonsItems,
    ...constructionItems,
    ...medicalInsuranceItems,
    ...realEstateItems,
    ...otherServiceItems,
  ],
};
