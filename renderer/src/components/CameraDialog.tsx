// The document camera (高拍仪) for one material: live preview, 空格 or Enter takes a page,
// several in a row; the camera is chosen once per window and remembered. The pages are stored
// as they are taken (a crash loses none).
import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Button, Checkbox, Modal, Radio, Select, Space } from 'antd';
import type { ColourMode } from '../../../shared/scans/page';
import { COLOUR_MODE_LABEL } from '../../../shared/scans/page';
import { cameraError, forgetCamera, listCameras, openCamera, pickCamera, rememberCamera, type Camera } from '../scans/camera';
import { storePage } from '../scans/pageStore';
import { rememberOriginal, straightenFrame } from '../scans/straighten';
import type { Rotation } from '../scans/compress';

interface Props {
  draftId: string;
  materialId: string;
  materialName: string;
  colour: ColourMode;
  onTaken: () => void;
  onClose: () => void;
}

export function CameraDialog({ draftId, materialId, materialName, colour, onTaken, onClose }: Props) {
  const video = useRef<HTMLVideoElement>(null);
  const stream = useRef<MediaStream | null>(null);
  const [choices, setChoices] = useState<Camera[] | null>(null);
  const [camera, setCamera] = useState<Camera | null>(null);
  const [live, setLive] = useState(false);
  const [rotation, setRotation] = useState<Rotation>(0);
  const [taken, setTaken] = useState(0);
  const [straightened, setStraightened] = useState(0);
  // 自动找边校正: on unless the clerk turned it off at this window.
  const [auto, setAuto] = useState(() => localStorage.getItem('yc.scans.autoStraighten') !== 'off');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const stop = () => {
    stream.current?.getTracks().forEach((t) => t.stop());
    stream.current = null;
    setLive(false);
  };

  const start = useCallback(async (c: Camera | null) => {
    stop();
    setError(null);
    try {
      const s = await openCamera(c);
      stream.current = s;
      const track = s.getVideoTracks()[0];
      const settings = track?.getSettings() ?? {};
      // Remember what was opened, by id and name (labels are only readable once permitted).
      const opened = { deviceId: settings.deviceId ?? c?.deviceId ?? '', label: track?.label || c?.label || '摄像头' };
      if (opened.deviceId) rememberCamera(opened);
      setCamera(opened);
      if (video.current) {
        video.current.srcObject = s;
        await video.current.play().catch(() => {});
      }
      setLive(true);
    } catch (e) {
      setError(cameraError(e));
    }
  }, []);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      const cams = await listCameras().catch(() => []);
      if (cancelled) return;
      const chosen = pickCamera(cams);
      if (!chosen && cams.length > 1) setChoices(cams);
      else await start(chosen);
    })();
    return () => {
      cancelled = true;
      stop();
    };
  }, [start]);

  const capture = useCallback(async () => {
    const v = video.current;
    if (!v || !live || busy || !v.videoWidth) return;
    setBusy(true);
    setError(null);
    try {
      const frame = auto ? straightenFrame(v) : null;
      const stored = await storePage(draftId, materialId, frame?.page ?? v, { rotation, crop: null }, colour);
      if (frame?.page) {
        rememberOriginal(stored.pageId, frame.original);
        setStraightened((n) => n + 1);
      }
      setTaken((n) => n + 1);
      onTaken();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }, [draftId, materialId, rotation, colour, live, busy, onTaken, auto]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.key === ' ' || e.key === 'Enter') && !(e.target instanceof HTMLInputElement)) {
        e.preventDefault();
        void capture();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [capture]);

  return (
    <Modal
      open
      title={`高拍仪拍摄：${materialName}（${COLOUR_MODE_LABEL[colour]}）`}
      width={820}
      onCancel={onClose}
      footer={[
        <span key="n" className="camera-taken" data-testid="camera-taken">本次已拍 {taken} 页</span>,
        <span key="s" className="camera-straightened" data-testid="camera-straightened">{straightened ? `已自动校正 ${straightened} 页` : ''}</span>,
        <Checkbox key="auto" checked={auto} data-testid="camera-auto-straighten"
          onChange={(e) => {
            setAuto(e.target.checked);
            localStorage.setItem('yc.scans.autoStraighten', e.target.checked ? 'on' : 'off');
          }}>
          自动找边校正
        </Checkbox>,
        <Button key="close" onClick={onClose} data-testid="camera-close">完成</Button>,
        <Button key="take" type="primary" loading={busy} disabled={!live} onClick={() => void capture()} data-testid="camera-capture">
          拍摄（空格）
        </Button>,
      ]}
    >
      {choices && !live && (
        <Space style={{ marginBottom: 12 }}>
          请选择本窗口使用的高拍仪：
          <Select
            style={{ width: 320 }}
            data-testid="camera-choose"
            placeholder="选择摄像头"
            options={choices.map((c) => ({ value: c.deviceId, label: c.label }))}
            onChange={(id) => void start(choices.find((c) => c.deviceId === id) ?? null)}
          />
        </Space>
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="camera-error" />}
      <div className="camera-preview">
        <video ref={video} muted playsInline data-testid="camera-video" style={{ transform: `rotate(${rotation}deg)` }} />
      </div>
      <Space style={{ marginTop: 8 }} wrap>
        <span>方向：</span>
        <Radio.Group value={rotation} onChange={(e) => setRotation(e.target.value)} optionType="button" size="small"
          options={[0, 90, 180, 270].map((r) => ({ value: r, label: r === 0 ? '不旋转' : `旋转 ${r}°` }))} />
        {camera && <span className="muted-hint">当前：{camera.label}</span>}
        <Button size="small" type="link" onClick={async () => { forgetCamera(); stop(); setChoices(await listCameras()); }}>
          更换高拍仪
        </Button>
      </Space>
    </Modal>
  );
}
