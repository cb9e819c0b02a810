// 补正 and 终止 of a 容缺受理 case: one question each, opening with the keyboard on 确认 so Enter
// confirms (docs/architecture.md §12, Keyboard). The note of a 补正 is optional; a 终止 needs its
// reason, which starts as the one the rules allow it for (the deadline passed without the
// material), editable with Shift+Tab, so Enter alone confirms the usual case too.
import { useEffect, useState } from 'react';
import { Input, Modal, type ButtonProps } from 'antd';
import { ErrorAlert } from './ErrorAlert';

export type FollowUp = 'supplement' | 'terminate';

/** The reason a 终止 is offered for: the 补正期限 passed without the deferred materials. */
export const DEFAULT_TERMINATE_REASON = '补正期限届满，申请人未补交容缺材料';

export function FollowUpDialog({ type, busy, error, onCancel, onConfirm }: { type: FollowUp; busy: boolean; error: unknown; onCancel: () => void; onConfirm: (text: string) => void }) {
  const [text, setText] = useState(type === 'terminate' ? DEFAULT_TERMINATE_REASON : '');
  const focusOk = () => document.querySelector<HTMLButtonElement>('[data-testid=case-dialog-ok]')?.focus();
  // With motion reduced the dialog is open at once; otherwise again once it has opened.
  useEffect(() => {
    const t = window.setTimeout(focusOk);
    return () => window.clearTimeout(t);
  }, []);
  const supplement = type === 'supplement';
  const blank = !supplement && !text.trim();
  return (
    <Modal
      open
      title={supplement ? '记录补正' : '终止办理'}
      onCancel={onCancel}
      okText={supplement ? '确认已补正' : '确认终止'}
      okButtonProps={{ danger: !supplement, loading: busy, disabled: blank, 'data-testid': 'case-dialog-ok' } as ButtonProps}
      onOk={() => onConfirm(text)}
      afterOpenChange={(open) => open && focusOk()}
      data-testid="case-dialog"
    >
      <p>{supplement ? '申请人已补交全部容缺材料。可注明补交情况：' : '申请人在补正期限内未补交容缺材料。终止原因（可修改）：'}</p>
      <Input.TextArea
        maxLength={500}
        autoSize={{ minRows: 2, maxRows: 5 }}
        value={text}
        onChange={(e) => setText(e.target.value)}
        data-testid="case-dialog-text"
        placeholder={supplement ? '如：已补交规章制度目录清单原件' : '如：逾期未补交容缺材料'}
      />
      <ErrorAlert error={error} />
    </Modal>
  );
}
