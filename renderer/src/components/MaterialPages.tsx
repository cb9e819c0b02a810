// The scans of one material on the checklist: grey or colour, 高拍仪 or files (picked or
// dropped on the row; JPG, PNG, PDF pages), thumbnails that open the page viewer.
import { useEffect, useRef, useState, type DragEvent } from 'react';
import { Button, Segmented } from 'antd';
import type { PageView, ReuseOffer } from '../../../shared/scans/api';
import { COLOUR_MODE_LABEL, type ColourMode } from '../../../shared/scans/page';
import { NO_EDIT } from '../scans/compress';
import { ACCEPTED_FILES, filePages } from '../scans/sources';
import { ARCHIVED_TEXT, defaultColour, pageUrl, storePage } from '../scans/pageStore';
import { CameraDialog } from './CameraDialog';
import { PageViewer } from './PageViewer';
import { scannedDay } from '../scans/useReuseOffers';

interface Props {
  /** Where new pages go; null: read only (a case's stored pages). */
  draftId: string | null;
  materialId: string;
  materialName: string;
  pages: PageView[];
  onChanged: () => void;
  /** 共性材料: the same applicant's pages of this material from an earlier case, and taking them over. */
  reuse?: { offer: ReuseOffer; take: () => Promise<unknown> } | null;
}

function Thumb({ page, onOpen }: { page: PageView; onOpen: () => void }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    if (!page.archived) pageUrl(page.pageId).then((u) => live && setUrl(u), () => {});
    return () => {
      live = false;
    };
  }, [page.pageId, page.archived]);
  return (
    <button type="button" tabIndex={-1} className="page-thumb" onClick={onOpen} title={`${Math.round(page.bytes / 1024)} KB`} data-testid="page-thumb">
      {page.archived ? <span className="page-archived">{ARCHIVED_TEXT}</span> : url ? <img src={url} alt="扫描页" /> : <span>…</span>}
    </button>
  );
}

export function MaterialPages({ draftId, materialId, materialName, pages, onChanged, reuse }: Props) {
  const [colour, setColour] = useState<ColourMode>(() => defaultColour(materialName));
  const [camera, setCamera] = useState(false);
  const [viewing, setViewing] = useState<number | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const importFiles = async (files: File[]) => {
    if (!draftId || !files.length) return;
    setError(null);
    try {
      for await (const p of filePages(files)) {
        setBusy(`正在导入 ${p.label}…`);
        await storePage(draftId, materialId, p.image, NO_EDIT, colour);
        onChanged();
      }
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(null);
    }
  };
  const onDrop = (e: DragEvent) => {
    if (!draftId) return;
    e.preventDefault();
    setOver(false);
    void importFiles([...e.dataTransfer.files]);
  };

  return (
    <div
      className={`material-pages${over ? ' drop-over' : ''}`}
      data-testid={`pages-${materialId}`}
      onDragOver={(e) => {
        if (!draftId) return;
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      {draftId && (
        <>
          <Segmented size="small" value={colour} onChange={(v) => setColour(v as ColourMode)}
            options={(['grey', 'colour'] as const).map((m) => ({ value: m, label: COLOUR_MODE_LABEL[m] }))} />
          <Button size="small" tabIndex={-1} onClick={() => setCamera(true)} data-testid={`camera-${materialId}`}>高拍仪拍摄</Button>
          <Button size="small" tabIndex={-1} onClick={() => input.current?.click()} disabled={!!busy}>导入文件</Button>
          <input ref={input} type="file" multiple hidden accept={ACCEPTED_FILES} data-testid={`file-${materialId}`}
            onChange={(e) => { void importFiles([...(e.target.files ?? [])]); e.target.value = ''; }} />
        </>
      )}
      <span className="page-count" data-testid="page-count">{pages.length ? `已扫描 ${pages.length} 页` : draftId ? '未扫描（可将文件拖到此处）' : '无扫描件'}</span>
      {reuse && draftId && (
        <span className="page-reuse" data-testid={`reuse-${materialId}`}>
          共性材料：该申请人 {scannedDay(reuse.offer.scannedAt)} 办理「{reuse.offer.itemName}」时扫描过 {reuse.offer.pages.length} 页
          <Button size="small" type="link" tabIndex={-1} disabled={!!busy} data-testid={`reuse-take-${materialId}`}
            onClick={() => {
              setError(null);
              reuse.take().then(onChanged, (e: Error) => setError(e.message));
            }}>
            复用
          </Button>
        </span>
      )}
      {busy && <span className="muted-hint">{busy}</span>}
      {error && <span className="material-reason" data-testid="pages-error">{error}</span>}
      <div className="page-thumbs">
        {pages.map((p, i) => <Thumb key={p.pageId} page={p} onOpen={() => setViewing(i)} />)}
      </div>
      {camera && draftId && (
        <CameraDialog draftId={draftId} materialId={materialId} materialName={materialName} colour={colour} onTaken={onChanged} onClose={() => setCamera(false)} />
      )}
      {viewing !== null && (
        <PageViewer pages={pages} start={viewing} materialName={materialName} draftId={draftId} onChanged={onChanged} onClose={() => setViewing(null)} />
      )}
    </div>
  );
}
