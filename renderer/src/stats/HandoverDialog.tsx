// 交接班清单: the window's open cases with what each waits for, exactly as it prints (A4), and
// 打印, which archives a PDF copy and sends it to the window's default printer.
import { useEffect, useState } from 'react';
import { Alert, Button, Modal, Spin } from 'antd';
import { invoke } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { ExportButton } from '../components/ExportButton';

export function HandoverDialog({ onClose }: { onClose: () => void }) {
  const [sheet, setSheet] = useState<{ count: number; html: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [printing, setPrinting] = useState(false);
  const [printed, setPrinted] = useState<string | null>(null);
  useEffect(() => {
    invoke('stats.handover', {}).then((r) => setSheet({ count: r.lines.length, html: r.html }), setError);
  }, []);
  const print = async () => {
    setPrinting(true);
    setError(null);
    try {
      const r = await invoke('stats.printHandover', {});
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
      title={sheet ? `交接班清单（未办结 ${sheet.count} 件）` : '交接班清单'}
      onCancel={onClose}
      data-testid="handover-dialog"
      footer={
        <>
          <Button onClick={onClose}>关闭</Button>
          <ExportButton table="handover" onError={setError} testId="handover-export" />
          <Button type="primary" loading={printing} disabled={!sheet} onClick={print} data-testid="handover-print">
            打印
          </Button>
        </>
      }
    >
      {printed && <Alert type="success" showIcon title={printed} data-testid="handover-printed" style={{ marginBottom: 8 }} />}
      <ErrorAlert error={error} testId="handover-error" />
      {sheet ? (
        // sandbox="": no scripts, no same-origin access; the sheet needs neither.
        <iframe title="交接班清单" className="handover-frame" sandbox="" srcDoc={sheet.html} data-testid="handover-frame" />
      ) : (
        !error && <Spin />
      )}
    </Modal>
  );
}
