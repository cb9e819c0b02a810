import { addPage, attachDraftToCase, discardDraft, listPages, readPage, removePage } from '../pages';
import { reuseOffers, reusePages } from '../pageReuse';
import { retentionView, setRetention } from '../pageRetention';
import type { Workstation } from '../workstation';
import { getCaseRow, getSnapshot } from '../../store/cases';
import { Item } from '../../../shared/domain/catalogue';
import type { HandlerTable } from '../dispatch';

type PageChannels =
  | 'pages.add' | 'pages.list' | 'pages.get' | 'pages.remove' | 'pages.discardDraft' | 'pages.attach'
  | 'pages.reuseOffers' | 'pages.reuse' | 'pages.retention' | 'pages.setRetention';

type PageDeps = Pick<Workstation, 'db' | 'now' | 'session'>;

export function pageHandlers(ws: PageDeps): Pick<HandlerTable, PageChannels> {
  return {
    'pages.add': (input) => addPage(ws, input),
    'pages.list': (of) => ({ pages: listPages(ws.db, of) }),
    'pages.get': ({ pageId }) => readPage(ws.db, pageId),
    'pages.remove': ({ pageId }) => {
      removePage(ws.db, pageId);
      return { ok: true as const };
    },
    'pages.discardDraft': ({ draftId }) => ({ removed: discardDraft(ws.db, draftId) }),
    'pages.attach': ({ caseId, draftId, supplement }) => ({ attached: attachDraftToCase(ws, caseId, draftId, supplement, materialNames(ws, caseId)) }),
    'pages.reuseOffers': (ask) => ({ offers: reuseOffers(ws, ask) }),
    'pages.reuse': (ask) => ({ pages: reusePages(ws, ask) }),
    'pages.retention': () => retentionView(ws.db),
    'pages.setRetention': ({ purgeAfterDays }) => setRetention(ws.db, purgeAfterDays, ws.now()),
  };
}

/** Material names as the case's item snapshot has them (for messages naming what is still missing). */
function materialNames(ws: Pick<Workstation, 'db'>, caseId: string): (id: string) => string {
  const row = getCaseRow(ws.db, caseId);
  const item = row ? Item.safeParse(JSON.parse(getSnapshot(ws.db, row.snapshotId))) : null;
  return (id) => (item?.success ? item.data.materials.find((m) => m.id === id)?.name : undefined) ?? id;
}
