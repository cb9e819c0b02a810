// The thin Electron shell: one hardened window, the contract over IPC, nothing else.
// Everything it wires lives in electron/services and runs (and is tested) under Node.
import { app, BrowserWindow, ipcMain, session } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createHost } from '../services/host';
import { hardenContents, hardenSession, windowOptions } from './security';
import { serveContract } from './ipc';
import { electronPdfRenderer, printToDevice } from './printing';

const rendererDir = path.join(__dirname, '..', 'renderer');
const appRoot = pathToFileURL(rendererDir + path.sep).href;

app.enableSandbox();
if (!app.requestSingleInstanceLock()) app.quit();

app.whenReady().then(() => {
  hardenSession(session.defaultSession);
  app.on('web-contents-created', (_e, contents) => hardenContents(contents, appRoot));

  const dbPath = process.env.YICHUANG_DB ?? path.join(app.getPath('userData'), 'yichuang.db');
  const host = createHost({ dbPath, practiceDbPath: dbPath.replace(/\.db$/, '') + '-practice.db', printing: { pdf: electronPdfRenderer, printToDevice, archiveDir: path.join(app.getPath('userData'), 'archive') }, onError: (e) => console.error(e) });
  serveContract(ipcMain, host.dispatch, appRoot);
  app.on('will-quit', () => host.close());

  const win = new BrowserWindow(windowOptions(path.join(__dirname, 'preload.cjs')));
  win.once('ready-to-show', () => win.show());
  void win.loadFile(path.join(rendererDir, 'index.html'));
});

app.on('window-all-closed', () => app.quit());
