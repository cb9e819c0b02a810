// Hardening of the Electron shell, written against the few methods it uses so unit tests
// can pass plain objects instead of a live Electron.
import type { BrowserWindowConstructorOptions } from 'electron';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'", // antd injects its CSS-in-JS styles at run time
  "img-src 'self' data: blob:", // scanned pages are shown from blob: URLs
  "media-src 'self' blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:", // pdf.js renders imported PDF pages in a worker
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function windowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1366,
    height: 860,
    minWidth: 1024,
    minHeight: 700,
    title: '一窗 · 综合窗口受理工作站',
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  };
}

/** The 评价器 window: the same hardened preferences, full screen on the applicant-facing display
 * (a small one may be under the clerk window's minimum size). */
export function ratingScreenWindowOptions(preloadPath: string, bounds: { x: number; y: number; width: number; height: number }): BrowserWindowConstructorOptions {
  const { minWidth: _w, minHeight: _h, ...base } = windowOptions(preloadPath);
  return { ...base, ...bounds, title: '一窗 · 评价器', fullscreen: true, autoHideMenuBar: true };
}

/** The app only ever shows its own bundled pages. */
export function isAppUrl(url: string, appRoot: string): boolean {
  try {
    const u = new URL(url);
    const root = new URL(appRoot);
    return u.protocol === root.protocol && u.host === root.host && u.pathname.startsWith(root.pathname);
  } catch {
    return false;
  }
}

interface NavigationEvent {
  preventDefault(): void;
}
export interface HardenableContents {
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
  on(event: 'will-navigate' | 'will-redirect', listener: (event: NavigationEvent, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: NavigationEvent) => void): unknown;
}

export function hardenContents(contents: HardenableContents, appRoot: string): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  const stayInApp = (event: NavigationEvent, url: string) => {
    if (!isAppUrl(url, appRoot)) event.preventDefault();
  };
  contents.on('will-navigate', stayInApp);
  contents.on('will-redirect', stayInApp);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** What Electron tells a permission handler about the request (the parts used here). */
export interface PermissionDetails {
  requestingUrl?: string;
  isMainFrame?: boolean;
  /** Request handler: the devices asked for. */
  mediaTypes?: string[];
  /** Check handler: the device asked about ('unknown' when listing devices). */
  mediaType?: string;
}

export interface HardenableSession {
  setPermissionRequestHandler(handler: (wc: unknown, permission: string, callback: (granted: boolean) => void, details?: PermissionDetails) => void): void;
  setPermissionCheckHandler(handler: (wc: unknown, permission: string, requestingOrigin?: string, details?: PermissionDetails) => boolean): void;
  webRequest: {
    onHeadersReceived(
      listener: (
        details: { responseHeaders?: Record<string, string[] | string> },
        callback: (response: { responseHeaders: Record<string, string[] | string> }) => void,
      ) => void,
    ): void;
  };
}

/**
 * The one permission the workstation grants: the camera (高拍仪, a UVC video device) to the
 * app's own top-level pages. Never the microphone, never another page or a frame.
 */
export function cameraAllowed(permission: string, details: PermissionDetails | undefined, appRoot: string, kind: 'request' | 'check'): boolean {
  if (permission !== 'media' || !details?.requestingUrl || !isAppUrl(details.requestingUrl, appRoot)) return false;
  if (details.isMainFrame === false) return false;
  if (kind === 'request') return !!details.mediaTypes?.length && details.mediaTypes.every((t) => t === 'video');
  // Listing the devices (to remember the chosen one by name) asks about an 'unknown' type.
  return details.mediaType === 'video' || details.mediaType === 'unknown';
}

export function hardenSession(session: HardenableSession, appRoot: string): void {
  // Camera for the app's own pages only; no microphone, geolocation, notifications or anything else.
  session.setPermissionRequestHandler((_wc, permission, callback, details) => callback(cameraAllowed(permission, details, appRoot, 'request')));
  session.setPermissionCheckHandler((_wc, permission, _origin, details) => cameraAllowed(permission, details, appRoot, 'check'));
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
}
