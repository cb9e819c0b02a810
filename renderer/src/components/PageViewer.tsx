// One material's pages, large: previous/next, zoom; on a page not yet saved with a case,
// rotate and crop (drag a frame) and save the corrected page, or delete it.
import { useEffect, useRef, useState, type PointerEvent } from 'react';
import { Alert, Button, Modal, Space } from 'antd';
import type { PageView } from '../../../shared/scans/api';
import { invoke } from '../api';
import { drawPage, type Crop, type Rotation } from '../scans/compress';
import { ARCHIVED_TEXT, loadImage, pageUrl, storePage } from '../scans/pageStore';
import { forgetOriginal, originalOf } from '../scans/straighten';

interface Props {
  pages: PageView[];
  start: number;
  materialName: string;
  /** Set for pages of a draft: they may still be edited or deleted. */
  draftId: string | null;
  onChanged: () => void;
  onClose: () => void;
}

export function PageViewer({ pages, start, materialName, draftId, onChanged, onClose }: Props) {
  const [i, setI] = useState(Math.min(start, pages.length - 1));
  const page = pages[i];
  const [img, setImg] = useState<HTMLImageElement | null>(null);
  const [rotation, setRotation] = useState<Rotation>(0);
  const [crop, setCrop] = useState<Crop | null>(null);
  const [zoom, setZoom] = useState(1);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [archived, setArchived] = useState(false);
  const canvas = useRef<HTMLCanvasElement>(null);
  const drag = useRef<{ x: number; y: number } | null>(null);
  const editable = draftId !== null && page?.caseId === null;

  useEffect(() => {
    setImg(null);
    setRotation(0);
    setCrop(null);
    // The list says a page was purged (its bytes may still sit in this session's cache).
    setArchived(!!page?.archived);
    if (page && !page.archived)
      pageUrl(page.pageId)
        .then((url) => (url === null ? (setArchived(true), null) : loadImage(url)))
        .then(setImg, (e: Error) => setError(e.message));
  }, [page]);

  useEffect(() => {
    const c = canvas.current;
    if (!c || !img) return;
    const shown = drawPage(img, { rotation, crop: null }, 1100);
    c.width = shown.width;
    c.height = shown.height;
    const g = c.getContext('2d')!;
    g.drawImage(shown, 0, 0);
    if (crop) {
      g.fillStyle = 'rgba(0,0,0,0.35)';
      g.fillRect(0, 0, c.width, c.height);
      g.drawImage(shown, crop.x * c.width, crop.y * c.height, crop.w * c.width, crop.h * c.height, crop.x * c.width, crop.y * c.height, crop.w * c.width, crop.h * c.height);
      g.strokeStyle = '#1f5fa8';
      g.lineWidth = 3;
      g.strokeRect(crop.x * c.width, crop.y * c.height, crop.w * c.width, crop.h * c.height);
    }
  }, [img, rotation, crop]);

  const at = (e: PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    return { x: Math.min(1, Math.max(0, (e.clientX - r.left) / r.width)), y: Math.min(1, Math.max(0, (e.clientY - r.top) / r.height)) };
  };
  const onDown = (e: PointerEvent<HTMLCanvasElement>) => {
    if (!editable) return;
    drag.current = at(e);
    e.currentTarget.setPointerCapture(e.pointerId);
  };
  const onMove = (e: PointerEvent<HTMLCanvasElement>) => {
    if (!drag.current) return;
    const p = at(e);
    const s = drag.current;
    setCrop({ x: Math.min(s.x, p.x), y: Math.min(s.y, p.y), w: Math.abs(p.x - s.x), h: Math.abs(p.y - s.y) });
  };
  const onUp = () => {
    drag.current = null;
    setCrop((c) => (c && c.w > 0.03 && c.h > 0.03 ? c : null));
  };

  const save = async () => {
    if (!img || !draftId) return;
    setBusy(true);
    setError(null);
    try {
      await storePage(draftId, page.materialId, img, { rotation, crop }, page.colour);
      await invoke('pages.remove', { pageId: page.pageId });
      onChanged();
      onClose();
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  };
  // 恢复原图: the frame as the camera took it replaces the automatically straightened page.
  const original = editable ? originalOf(page.pageId) : undefined;
  const restore = async () => {
    if (!original || !draftId) return;
    setBusy(true);
    setError(null);
    try {
      await storePage(draftId, page.materialId, original, { rotation: 0, crop: null }, page.colour);
      await invoke('pages.remove', { pageId: page.pageId });
      forgetOriginal(page.pageId);
      onChanged();
      onClose();
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  };
  const remove = async () => {
    setBusy(true);
    try {
      await invoke('pages.remove', { pageId: page.pageId });
      onChanged();
      onClose();
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  };

  if (!page) return null;
  return (
    <Modal
      open
      width={900}
      title={`${materialName} · 第 ${i + 1} / ${pages.length} 页`}
      onCancel={onClose}
      footer={
        <Space wrap>
          <Button disabled={i === 0} onClick={() => setI(i - 1)}>上一页</Button>
          <Button disabled={i === pages.length - 1} onClick={() => setI(i + 1)}>下一页</Button>
          <Button onClick={() => setZoom((z) => Math.max(0.5, z / 1.25))}>缩小</Button>
          <Button onClick={() => setZoom((z) => Math.min(4, z * 1.25))}>放大</Button>
          <Button onClick={() => setRotation(((rotation + 270) % 360) as Rotation)} data-testid="page-rotate-left">向左旋转</Button>
          <Button onClick={() => setRotation(((rotation + 90) % 360) as Rotation)} data-testid="page-rotate-right">向右旋转</Button>
          {editable && (
            <>
              {original && <Button onClick={() => void restore()} disabled={busy} data-testid="page-restore">恢复原图</Button>}
              <Button danger onClick={() => void remove()} disabled={busy} data-testid="page-delete">删除本页</Button>
              <Button type="primary" onClick={() => void save()} loading={busy} disabled={rotation === 0 && !crop} data-testid="page-save">
                保存修改
              </Button>
            </>
          )}
        </Space>
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} />}
      {archived && (
        <Alert type="info" showIcon data-testid="page-archived" title={ARCHIVED_TEXT}
          description="中心已确认保存本页，本机副本已按值班长的保留设置清理；需要查看请到后台审批系统。" style={{ marginBottom: 8 }} />
      )}
      {editable && <div className="muted-hint">在图上拖动可框选裁剪范围；旋转、裁剪后点“保存修改”。</div>}
      {original && <div className="muted-hint" data-testid="page-straightened">本页已自动找边校正；不满意可点“恢复原图”。</div>}
      <div className="page-viewer" hidden={archived}>
        <canvas
          ref={canvas}
          data-testid="page-canvas"
          style={{ width: `${zoom * 100}%`, cursor: editable ? 'crosshair' : 'default' }}
          onPointerDown={onDown}
          onPointerMove={onMove}
          onPointerUp={onUp}
        />
      </div>
    </Modal>
  );
}
