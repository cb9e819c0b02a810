// 文书预览与打印: the notice exactly as it will be printed, in a sandboxed frame (the HTML is
// complete and self-contained: fonts and QR code inside, no scripts). 打印 archives a PDF
// copy with the case and sends it to the printer set for this window and kind.
import { useEffect, useState, useRef } from 'react';
import { Alert, Button, Modal, Segmented, Spin } from 'antd';
import { NOTICE_TITLE, type NoticeKind } from '../../../shared/notice/model';
import type { NoticeLayout } from '../../../shared/notice/render';
import { invoke } from '../api';
import { ErrorAlert } from './ErrorAlert';
import { PrinterSettings } from './PrinterSettings';

const LAYOUT_LABEL: Record<NoticeLayout, string> = { A4: 'A4', A5: 'A5', thermal80: '80mm 热敏' };

export interface NoticePreviewProps {
  caseId: string;
  caseNumber: string;
  /** The kind shown first; the case's other kinds are offered as tabs. */
  kind: NoticeKind;
  onClose: () => void;
}

export function NoticePreview({ caseId, caseNumber, kind: firstKind, onClose }: NoticePreviewProps) {
  const [kinds, setKinds] = useState<NoticeKind[]>([firstKind]);
  const [kind, setKind] = useState<NoticeKind>(firstKind);
  const [layout, setLayout] = useState<NoticeLayout>('A4');
  // The HTML with what it was rendered for, so the frame never shows one kind labelled as another.
  const [rendered, setRendered] = useState<{ kind: NoticeKind; layout: NoticeLayout; html: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [printing, setPrinting] = useState(false);
  const [settingPrinters, setSettingPrinters] = useState(false);
  const [printed, setPrinted] = useState<{ message: string; archivedPath: string; printedTo: string | null } | null>(null);

  useEffect(() => {
    invoke('notice.kinds', { caseId }).then((r) => setKinds(r.kinds), setError);
  }, [caseId]);

  useEffect(() => {
    let live = true;
    setRendered(null);
    setPrinted(null);
    setError(null);
    invoke('notice.render', { caseId, kind, layout }).then(
      (r) => live && setRendered({ kind, layout, html: r.html }),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [caseId, kind, layout]);

  const current = rendered && rendered.kind === kind && rendered.layout === layout ? rendered : null;
  // Keyboard: once the notice is on screen 打印 has the focus (Enter prints, Esc closes).
  // A notice rendered before the dialog's opening motion ends has no button to focus yet,
  // and the dialog then puts the focus on its close button: focus again when it is open.
  const printButton = useRef<HTMLButtonElement>(null);
  const ready = current !== null;
  const focusPrint = () => printButton.current?.focus();
  useEffect(() => {
    if (ready) focusPrint();
  }, [ready]);

  const print = async () => {
    setPrinting(true);
    setError(null);
    try {
      setPrinted(await invoke('notice.print', { caseId, kind, layout }));
    } catch (e) {
      setError(e);
    } finally {
      setPrinting(false);
    }
  };

  return (
    <Modal
      open
      width={980}
      centered
      title={
        <span>
          {NOTICE_TITLE[kind]} · <span className="case-number-inline">{caseNumber}</span>
        </span>
      }
      onCancel={onClose}
      afterOpenChange={(open) => open && ready && focusPrint()}
      footer={
        <div className="notice-footer">
          <Segmented<NoticeLayout>
            aria-label="纸张"
            data-testid="notice-layout"
            value={layout}
            onChange={setLayout}
            options={(Object.keys(LAYOUT_LABEL) as NoticeLayout[]).map((l) => ({ value: l, label: LAYOUT_LABEL[l] }))}
          />
          <span className="notice-footer-gap" />
          <Button onClick={() => setSettingPrinters(true)} data-testid="printer-settings-open">打印机设置</Button>
          <Button onClick={onClose}>关闭</Button>
          <Button ref={printButton} type="primary" size="large" loading={printing} disabled={!current} onClick={print} data-testid="notice-print">
            打印
          </Button>
        </div>
      }
      data-testid="notice-preview"
    >
      <div className="notice-kinds" data-testid="notice-kinds">
        {kinds.map((k) => (
          <Button key={k} type={k === kind ? 'primary' : 'default'} onClick={() => setKind(k)} data-testid={`notice-kind-${k}`} aria-pressed={k === kind}>
            {NOTICE_TITLE[k]}
          </Button>
        ))}
      </div>
      <ErrorAlert error={error} testId="notice-error" />
      {printed && (
        <Alert
          type={printed.printedTo ? 'success' : 'info'}
          showIcon
          data-testid="print-result"
          data-archived-path={printed.archivedPath}
          title={printed.message}
          description={<span className="archive-path">PDF 存档：{printed.archivedPath}</span>}
          style={{ marginBottom: 8 }}
        />
      )}
      {settingPrinters && <PrinterSettings onClose={() => setSettingPrinters(false)} />}
      <div className={`notice-frame-wrap layout-${layout}`}>
        {current ? (
          // sandbox="": no scripts, no same-origin access; the notice needs neither.
          <iframe
            key={`${current.kind}/${current.layout}`}
            className="notice-frame"
            title={`${NOTICE_TITLE[current.kind]}预览`}
            sandbox=""
            srcDoc={current.html}
            data-testid="notice-frame"
            data-kind={current.kind}
            data-layout={current.layout}
          />
        ) : (
          !error && <Spin description="正在生成文书…" />
        )}
      </div>
    </Modal>
  );
}
