// 需补正 at the window: the applicant came back with what the back office asked for. The clerk
// scans each failed material again (高拍仪 or files) and records the supplement: the new pages
// join the case as one case.pagesAttached event marked as a 补正, and go to the centre.
import { useMemo, useState } from 'react';
import { Button } from 'antd';
import type { CaseReview } from '../../../shared/domain/case';
import { invoke } from '../api';
import { draftIdFor, endDraft } from '../scans/draftId';
import { usePages } from '../scans/usePages';
import { MaterialPages } from './MaterialPages';
import { ErrorAlert } from './ErrorAlert';

export function SupplementScans({ caseId, failed, onRecorded }: { caseId: string; failed: CaseReview['failedMaterials']; onRecorded: () => void }) {
  const key = `supplement-${caseId}`;
  const draftId = useMemo(() => draftIdFor(key), [key]);
  const scans = usePages({ draftId });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const record = async () => {
    setBusy(true);
    setError(null);
    try {
      await invoke('pages.attach', { caseId, draftId, supplement: true });
      endDraft(key);
      onRecorded();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="panel supplement-scans" aria-label="补正材料" data-testid="supplement-scans">
      <h3 className="panel-title">补正材料扫描（后台要求补正的 {failed.length} 项）</h3>
      {failed.map((m) => (
        <div key={m.materialId} className="material-row">
          <div className="material-head">
            <span className="material-name">{m.name}</span>
          </div>
          {m.reason && <div className="material-reason">{m.reason}</div>}
          <MaterialPages draftId={draftId} materialId={m.materialId} materialName={m.name} pages={scans.byMaterial(m.materialId)} onChanged={scans.reload} />
        </div>
      ))}
      <ErrorAlert error={error} />
      <Button type="primary" disabled={!scans.pages.length} loading={busy} onClick={() => void record()} data-testid="supplement-record">
        记录补正材料（{scans.pages.length} 页）
      </Button>
    </section>
  );
}
