import { addPage, attachDraftToCase, discardDraft, listPages, readPage, removePage } from '../pages';
import { reuseOffers, reusePages } from '../pageReuse';
import { retentionView, setRetention } from '../pageRetention';
import type { Workstation } from '../workstation';
import type { HandlerTable } from '../dispatch';

type PageChannels =
  | 'pages.add' | 'pages.list' | 'pages.get' | 'pages.remove' | 'pages.discardDraft' | 'pages.attach'
  | 'pages.reuseOffers' | 'pages.reuse' | 'pages.retention' | 'pages.setRetention';

export function pageHandlers(ws: Workstation): Pick<HandlerTable, PageChannels> {
  return {
    'pages.add': (input) => addPage(ws, input),
    'pages.list': (of) => ({ pages: listPages(ws.db, of) }),
    'pages.get': ({ pageId }) => readPage(ws.db, pageId),
    'pages.remove': ({ pageId }) => {
      removePage(ws.db, pageId);
      return { ok: true as const };
    },
    'pages.discardDraft': ({ draftId }) => ({ removed: discardDraft(ws.db, draftId) }),
    'pages.attach': ({ caseId, draftId, supplement }) => ({ attached: attachDraftToCase(ws, caseId, draftId, supplement) }),
    'pages.reuseOffers': (ask) => ({ offers: reuseOffers(ws, ask) }),
    'pages.reuse': (ask) => ({ pages: reusePages(ws, ask) }),
    'pages.retention': () => retentionView(ws.db),
    'pages.setRetention': ({ purgeAfterDays }) => setRetention(ws.db, purgeAfterDays, ws.now()),
  };
}
