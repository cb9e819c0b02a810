// The shell's hardening, checked with plain objects in place of Electron.
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, hardenContents, hardenSession, isAppUrl, ratingScreenWindowOptions, windowOptions } from '../../electron/main/security';
import { isTrustedSender, serveContract } from '../../electron/main/ipc';
import { IPC_CHANNEL } from '../../shared/contract';

const appRoot = 'file:///opt/yichuang/resources/app/dist/renderer/';

describe('BrowserWindow options', () => {
  it('isolates and sandboxes the renderer with no Node', () => {
    const wp = windowOptions('/x/preload.cjs').webPreferences!;
    expect(wp).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
    expect(wp.nodeIntegrationInSubFrames).toBe(false);
    expect(wp.preload).toBe('/x/preload.cjs');
  });

  it('gives the 评价器 window the same hardened preferences, full screen on its display', () => {
    const o = ratingScreenWindowOptions('/x/preload.cjs', { x: 1920, y: 0, width: 1024, height: 600 });
    expect(o.webPreferences).toEqual(windowOptions('/x/preload.cjs').webPreferences);
    expect(o).toMatchObject({ x: 1920, y: 0, width: 1024, height: 600, fullscreen: true, show: false });
    expect(o.minWidth).toBeUndefined(); // a 1024×600 评价器 is below the clerk window's minimum
  });
});

describe('navigation and new windows', () => {
  function fakeContents() {
    const listeners: Record<string, (e: { preventDefault(): void }, url?: string) => void> = {};
    let openHandler: ((d: { url: string }) => { action: string }) | null = null;
    return {
      listeners,
      open: (url: string) => openHandler!({ url }),
      setWindowOpenHandler: (h: (d: { url: string }) => { action: 'deny' }) => (openHandler = h),
      on: (event: string, l: (e: { preventDefault(): void }, url?: string) => void) => (listeners[event] = l),
    };
  }
  const fire = (l: (e: { preventDefault(): void }, url?: string) => void, url?: string) => {
    let prevented = false;
    l({ preventDefault: () => (prevented = true) }, url);
    return prevented;
  };

  it('denies window.open for every URL', () => {
    const c = fakeContents();
    hardenContents(c as never, appRoot);
    expect(c.open('https://example.com').action).toBe('deny');
    expect(c.open(appRoot + 'index.html').action).toBe('deny');
  });

  it('blocks navigation and redirects away from the bundled pages', () => {
    const c = fakeContents();
    hardenContents(c as never, appRoot);
    expect(fire(c.listeners['will-navigate'], 'https://evil.example/')).toBe(true);
    expect(fire(c.listeners['will-navigate'], 'file:///etc/passwd')).toBe(true);
    expect(fire(c.listeners['will-redirect'], 'http://127.0.0.1:9/')).toBe(true);
    expect(fire(c.listeners['will-navigate'], appRoot + 'index.html#/case')).toBe(false);
    expect(fire(c.listeners['will-attach-webview'])).toBe(true);
  });

  it('recognises only URLs under the app root', () => {
    expect(isAppUrl(appRoot + 'index.html', appRoot)).toBe(true);
    expect(isAppUrl('file:///opt/yichuang/resources/app/dist/other.html', appRoot)).toBe(false);
    expect(isAppUrl('not a url', appRoot)).toBe(false);
  });
});

describe('session', () => {
  it("grants only the camera, only to the app's own top-level pages; denies everything else; sets the CSP header", () => {
    type Details = { requestingUrl?: string; isMainFrame?: boolean; mediaTypes?: string[]; mediaType?: string };
    let request: ((wc: unknown, p: string, cb: (g: boolean) => void, d?: Details) => void) | null = null;
    let check: ((wc: unknown, p: string, origin?: string, d?: Details) => boolean) | null = null;
    let headers: ((d: { responseHeaders?: Record<string, string[] | string> }, cb: (r: { responseHeaders: Record<string, string[] | string> }) => void) => void) | null = null;
    hardenSession({
      setPermissionRequestHandler: (h) => (request = h),
      setPermissionCheckHandler: (h) => (check = h),
      webRequest: { onHeadersReceived: (l) => (headers = l) },
    }, appRoot);
    const asked = (p: string, d?: Details) => {
      let granted: boolean | null = null;
      request!(null, p, (g) => (granted = g), d);
      return granted;
    };
    const app = appRoot + 'index.html';
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      expect(asked(p)).toBe(false);
      expect(check!(null, p)).toBe(false);
    }
    for (const p of ['geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      expect(asked(p, { requestingUrl: app, isMainFrame: true, mediaTypes: ['video'] })).toBe(false);
      expect(check!(null, p, 'file:///', { requestingUrl: app, isMainFrame: true, mediaType: 'video' })).toBe(false);
    }
    // The camera: the app's top frame yes; the microphone, another page or a frame no.
    expect(asked('media', { requestingUrl: app, isMainFrame: true, mediaTypes: ['video'] })).toBe(true);
    expect(check!(null, 'media', 'file:///', { requestingUrl: app, isMainFrame: true, mediaType: 'video' })).toBe(true);
    expect(asked('media', { requestingUrl: app, isMainFrame: true, mediaTypes: ['video', 'audio'] })).toBe(false);
    expect(asked('media', { requestingUrl: app, isMainFrame: true, mediaTypes: ['audio'] })).toBe(false);
    expect(check!(null, 'media', 'file:///', { requestingUrl: app, isMainFrame: true, mediaType: 'audio' })).toBe(false);
    expect(asked('media', { requestingUrl: 'https://evil.example/', isMainFrame: true, mediaTypes: ['video'] })).toBe(false);
    expect(asked('media', { requestingUrl: 'file:///opt/yichuang/resources/app/dist/other.html', isMainFrame: true, mediaTypes: ['video'] })).toBe(false);
    expect(asked('media', { requestingUrl: app, isMainFrame: false, mediaTypes: ['video'] })).toBe(false);
    let out: Record<string, string[] | string> = {};
    headers!({ responseHeaders: { 'X-A': ['1'] } }, (r) => (out = r.responseHeaders));
    expect(out['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
  });
});

describe('IPC', () => {
  it('serves the contract only to the app top frame', async () => {
    let listener: ((event: { senderFrame: { url: string; parent: unknown } | null }, ...args: unknown[]) => Promise<unknown>) | null = null;
    const calls: unknown[] = [];
    serveContract(
      { handle: (ch, l) => { expect(ch).toBe(IPC_CHANNEL); listener = l; } },
      async (channel, input) => { calls.push([channel, input]); return { ok: true, value: 'served' }; },
      appRoot,
    );
    const top = { senderFrame: { url: appRoot + 'index.html', parent: null } };
    expect(await listener!(top, 'app.context', {})).toEqual({ ok: true, value: 'served' });
    const foreign = { senderFrame: { url: 'https://evil.example/', parent: null } };
    expect(await listener!(foreign, 'app.context', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const subframe = { senderFrame: { url: appRoot + 'index.html', parent: {} } };
    expect(await listener!(subframe, 'app.context', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await listener!({ senderFrame: null }, 'app.context', {})).toMatchObject({ ok: false });
    expect(calls).toHaveLength(1);
    expect(isTrustedSender(top, appRoot)).toBe(true);
  });
});
