import { addPage, attachDraftToCase, discardDraft, listPages, readPage, removePage } from '../pages';
import type { Workstation } from '../workstation';
import type { HandlerTable } from '../dispatch';

type PageChannels = 'pages.add' | 'pages.list' | 'pages.get' | 'pages.remove' | 'pages.discardDraft' | 'pages.attach';

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
  };
}
