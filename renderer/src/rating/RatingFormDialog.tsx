// The paper 政务服务评价表 of one case, exactly as it prints (A4), and 打印, which archives a
// PDF copy in the case's folder and sends it to the window's default printer.
import { useEffect, useState } from 'react';
import { Alert, Button, Modal, Spin } from 'antd';
import { invoke } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';

export function RatingFormDialog({ caseId, caseNumber, onClose }: { caseId: string; caseNumber: string; onClose: () => void }) {
  const [html, setHtml] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [printing, setPrinting] = useState(false);
  const [printed, setPrinted] = useState<string | null>(null);
  useEffect(() => {
    invoke('rating.paperForm', { caseId }).then((r) => setHtml(r.html), setError);
  }, [caseId]);
  const print = async () => {
    setPrinting(true);
    setError(null);
    try {
      const r = await invoke('rating.printPaperForm', { caseId });
      setPrinted(`${r.message}：${r.archivedPath}`);
    } catch (e) {
      setError(e);
    } finally {
      setPrinting(false);
    }
  };
  return (
    <Modal
      open
      width={860}
      title={`纸质评价表 · ${caseNumber}`}
      onCancel={onClose}
      data-testid="rating-form-dialog"
      footer={
        <>
          <Button onClick={onClose}>关闭</Button>
          <Button type="primary" loading={printing} disabled={!html} onClick={print} data-testid="rating-form-print">
            打印
          </Button>
        </>
      }
    >
      {printed && <Alert type="success" showIcon title={printed} data-testid="rating-form-printed" style={{ marginBottom: 8 }} />}
      <ErrorAlert error={error} testId="rating-form-error" />
      {html ? (
        // sandbox="": no scripts, no same-origin access; the form needs neither.
        <iframe title="纸质评价表" className="handover-frame" sandbox="" srcDoc={html} data-testid="rating-form-frame" />
      ) : (
        !error && <Spin />
      )}
    </Modal>
  );
}
