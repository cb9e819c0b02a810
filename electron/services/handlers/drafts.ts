// 草稿 channels: the renderer autosaves the intake being typed (debounced), asks for it after a
// reload or the next sign-in, and discards it when the clerk chooses to. Each save is one
// transaction; the decision deletes the draft in its own (services/intake.ts).
import { AppError } from '../../../shared/errors';
import { DraftContent, type SavedDraft } from '../../../shared/domain/intakeDraft';
import { tx } from '../../store/db';
import { deleteDraft, getDraft, intakeDecided, putDraft, type DraftKey } from '../../store/drafts';
import type { Workstation } from '../workstation';
import type { HandlerTable } from '../dispatch';

type DraftDeps = Pick<Workstation, 'db' | 'now' | 'session' | 'window' | 'itemFor'>;

export function draftHandlers(ws: DraftDeps): Pick<HandlerTable, 'draft.save' | 'draft.current' | 'draft.discard'> {
  const keyOf = (): DraftKey => {
    const clerk = ws.session.clerk;
    if (!clerk) throw new AppError('unauthenticated', '请先登录');
    return { windowCode: ws.window().code, staffNo: clerk.staffNo };
  };
  return {
    'draft.save': ({ itemCode, startedAt, content }) => {
      const key = keyOf();
      const item = ws.itemFor(itemCode);
      if (!item) throw new AppError('not_found', `目录中没有实施编码为 ${itemCode} 的事项`);
      const savedAt = ws.now().toISOString();
      return tx(ws.db, () => {
        // A save that arrives after its intake was decided is dropped, not turned into a new draft.
        if (intakeDecided(ws.db, key.staffNo, startedAt)) return { saved: false, savedAt };
        putDraft(ws.db, key, { itemCode, startedAt, content: JSON.stringify(content), savedAt });
        return { saved: true, savedAt };
      });
    },
    'draft.current': (): SavedDraft | null => {
      const row = getDraft(ws.db, keyOf());
      if (!row) return null;
      const item = ws.itemFor(row.itemCode);
      const content = DraftContent.safeParse(JSON.parse(row.content));
      // A draft whose item left the catalogue, or written by another version, cannot be shown: it stays on disk.
      if (!item || !content.success) return null;
      return { itemCode: row.itemCode, itemName: item.item.name, startedAt: row.startedAt, savedAt: row.savedAt, content: content.data };
    },
    'draft.discard': ({ startedAt }) => {
      const key = keyOf();
      tx(ws.db, () => deleteDraft(ws.db, key, startedAt));
      return { ok: true as const };
    },
  };
}
