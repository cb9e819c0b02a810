// The document camera (高拍仪): most present themselves as a standard UVC camera. The device is
// chosen once per window and remembered (by id, and by name should the id change after a
// replug); the stream asks for the camera's full resolution.
const KEY = 'yichuang.camera';

export interface Camera {
  deviceId: string;
  label: string;
}

export function rememberedCamera(): Camera | null {
  try {
    const v = JSON.parse(localStorage.getItem(KEY) ?? 'null');
    return v && typeof v.deviceId === 'string' ? (v as Camera) : null;
  } catch {
    return null;
  }
}
export const rememberCamera = (c: Camera) => localStorage.setItem(KEY, JSON.stringify(c));
export const forgetCamera = () => localStorage.removeItem(KEY);

export async function listCameras(): Promise<Camera[]> {
  if (!navigator.mediaDevices?.enumerateDevices) return [];
  const all = await navigator.mediaDevices.enumerateDevices();
  return all.filter((d) => d.kind === 'videoinput').map((d, i) => ({ deviceId: d.deviceId, label: d.label || `摄像头 ${i + 1}` }));
}

/** The remembered camera if it is still there (by id, else by name), or the only one; null: the clerk chooses. */
export function pickCamera(cameras: readonly Camera[]): Camera | null {
  const known = rememberedCamera();
  if (known) {
    const same = cameras.find((c) => c.deviceId === known.deviceId) ?? cameras.find((c) => c.label === known.label);
    if (same) return same;
  }
  return cameras.length === 1 ? cameras[0] : null;
}

export async function openCamera(c: Camera | null): Promise<MediaStream> {
  if (!navigator.mediaDevices?.getUserMedia) throw new Error('本机不支持摄像头');
  return navigator.mediaDevices.getUserMedia({
    audio: false,
    video: { ...(c?.deviceId ? { deviceId: { exact: c.deviceId } } : {}), width: { ideal: 3264 }, height: { ideal: 2448 } },
  });
}

export function cameraError(e: unknown): string {
  const name = (e as { name?: string })?.name;
  if (name === 'NotAllowedError' || name === 'SecurityError') return '摄像头未获准使用，请联系管理员检查设置';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return '未找到高拍仪（摄像头），请检查连接后重试';
  if (name === 'NotReadableError') return '高拍仪正被其他程序占用，请关闭该程序后重试';
  return `无法打开高拍仪：${(e as Error)?.message ?? String(e)}`;
}
