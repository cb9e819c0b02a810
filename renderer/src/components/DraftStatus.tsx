// Where the clerk sees that what they typed is safe on disk (草稿), or that the last save failed.
import { useAutosaveState, type AutosaveStatus } from '../intake/useDraftAutosave';

const hhmmss = (iso: string) => new Date(iso).toLocaleTimeString('zh-CN', { hour12: false });

export function DraftStatus({ status }: { status: AutosaveStatus }) {
  const state = useAutosaveState(status);
  if (state.kind === 'idle') return null;
  if (state.kind === 'failed') {
    return (
      <span className="draft-status failed" role="alert" data-testid="draft-status" data-state="failed">
        草稿未能保存：{state.message}
      </span>
    );
  }
  return (
    <span className="draft-status" data-testid="draft-status" data-state={state.kind}>
      {state.kind === 'pending' ? '正在保存草稿…' : `草稿已保存 ${hhmmss(state.at)}`}
    </span>
  );
}
