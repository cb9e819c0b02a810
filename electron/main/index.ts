// The thin Electron shell: one hardened window (plus the 评价器 on a second display), the
// contract over IPC, printing through Electron's Chromium, the device token in safeStorage,
// and the embedded central server.
// Everything it wires lives in electron/services and runs (and is tested) under Node.
import { app, BrowserWindow, ipcMain, safeStorage, session } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createHost } from '../services/host';
import { startEmbeddedSync } from '../services/embeddedSync';
import type { EmbeddedServer } from '../services/embeddedServer';
import { safeStorageBox } from '../sync/secretBox';
import { hardenContents, hardenSession, windowOptions } from './security';
import { serveContract } from './ipc';
import { electronPdfRenderer, listPrinters, printToDevice } from './printing';
import { keepRatingScreen } from './ratingWindow';

const appDir = path.join(__dirname, '..', '..');
const rendererDir = path.join(__dirname, '..', 'renderer');
const appRoot = pathToFileURL(rendererDir + path.sep).href;

app.enableSandbox();
if (!app.requestSingleInstanceLock()) app.quit();

app.whenReady().then(() => {
  hardenSession(session.defaultSession, appRoot);
  app.on('web-contents-created', (_e, contents) => hardenContents(contents, appRoot));

  const userData = app.getPath('userData');
  const dbPath = process.env.YICHUANG_DB ?? path.join(userData, 'yichuang.db');
  const host = createHost({
    dbPath,
    practiceDbPath: dbPath.replace(/\.db$/, '') + '-practice.db',
    printing: { pdf: electronPdfRenderer, printToDevice, listPrinters, archiveDir: path.join(userData, 'archive') },
    sync: { secretBox: safeStorage.isEncryptionAvailable() ? safeStorageBox(safeStorage) : undefined, deviceName: `一窗 ${app.getVersion()}`, appVersion: app.getVersion() },
    onError: (e) => console.error(e),
  });
  serveContract(ipcMain, host.dispatch, appRoot);

  // No central server configured: run the embedded one (the app's own binary as Node) so
  // sync works out of the box. YICHUANG_NO_EMBEDDED_SERVER=1 for windows enrolled elsewhere.
  let embedded: EmbeddedServer | null = null;
  if (!process.env.YICHUANG_NO_EMBEDDED_SERVER) {
    const unpacked = appDir.replace(/app\.asar$/, 'app.asar.unpacked');
    startEmbeddedSync(host, {
      command: [process.execPath, path.join(unpacked, 'dist', 'server', 'cli.mjs')],
      env: { ELECTRON_RUN_AS_NODE: '1' },
      cwd: unpacked,
      dataDir: path.join(userData, 'server'),
    }).then(
      (s) => (embedded = s),
      (e) => console.error('内置中心服务器未启动：', e),
    );
  }
  app.on('will-quit', () => {
    void embedded?.stop();
    host.close();
  });

  const win = new BrowserWindow(windowOptions(path.join(__dirname, 'preload.cjs')));
  win.once('ready-to-show', () => win.show());
  void win.loadFile(path.join(rendererDir, 'index.html'));
  // 评价器 on a second display, when there is one.
  keepRatingScreen(path.join(__dirname, 'preload.cjs'), path.join(rendererDir, 'index.html'), win);
});

app.on('window-all-closed', () => app.quit());
