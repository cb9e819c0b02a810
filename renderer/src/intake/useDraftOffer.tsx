// The next start (a reload, or the next sign-in after a crash or 退出) offers the draft this
// clerk left at this window: 继续受理 (the dialog opens on it, Enter) or 放弃草稿.
import { useEffect } from 'react';
import { App as AntApp } from 'antd';
import type { WorkstationContext } from '../../../shared/contract';
import type { SavedDraft } from '../../../shared/domain/intakeDraft';
import { invoke } from '../api';
import { discardDraftPages } from '../scans/draftId';

const hhmm = (iso: string) => new Date(iso).toLocaleString('zh-CN', { hour12: false, month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' });

export function useDraftOffer(context: WorkstationContext, onContinue: (d: SavedDraft) => void): void {
  const { modal } = AntApp.useApp();
  const staffNo = context.clerk?.staffNo;
  useEffect(() => {
    if (!staffNo) return;
    let live = true;
    invoke('draft.current', {}).then(
      (d) => {
        if (!live || !d) return;
        const a = d.content.applicant;
        const who = (a.kind === '自然人' ? a.person.name : a.org.name).trim();
        modal.confirm({
          title: '继续上次未完成的受理？',
          content: (
            <div data-testid="draft-offer">
              {d.itemName}
              {who ? `（${who}）` : ''}，草稿保存于 {hhmm(d.savedAt)}。
            </div>
          ),
          okText: '继续受理',
          cancelText: '放弃草稿',
          keyboard: false, // Esc must not delete it: the clerk chooses
          okButtonProps: { 'data-testid': 'draft-continue' },
          cancelButtonProps: { 'data-testid': 'draft-discard' },
          onOk: () => onContinue(d),
          // Its scans go with it (scans/draftId.ts), as when an intake on screen is dropped.
          onCancel: () => {
            discardDraftPages(d.itemCode);
            return invoke('draft.discard', { startedAt: d.startedAt }).then(() => undefined, () => undefined);
          },
        });
      },
      () => undefined, // no draft offered; it stays on disk
    );
    return () => {
      live = false;
    };
    // Once per sign-in and database (practice keeps its own drafts).
  }, [staffNo, context.practice]);
}
