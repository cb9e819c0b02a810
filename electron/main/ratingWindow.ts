// 评价器: while a second display is attached, a second hardened window shows the applicant-facing
// rating screen (the same renderer at index.html#rating-screen, the same preload and contract)
// full screen on it. Electron cannot start in CI: the screen itself is proven in the browser
// (tests/e2e/rating-screen.test.ts); this wiring is only type-checked.
import { BrowserWindow, screen } from 'electron';
import { ratingScreenWindowOptions } from './security';

export function keepRatingScreen(preloadPath: string, indexHtml: string, main: BrowserWindow): void {
  let win: BrowserWindow | null = null;
  let onDisplay: number | null = null;
  const follow = () => {
    const displays = screen.getAllDisplays();
    const primary = screen.getPrimaryDisplay();
    const external = displays.length > 1 ? displays.find((d) => d.id !== primary.id) : undefined;
    if (win && external?.id === onDisplay) return;
    win?.destroy();
    win = null;
    if (!external || main.isDestroyed()) return;
    const w = new BrowserWindow(ratingScreenWindowOptions(preloadPath, external.bounds));
    win = w;
    onDisplay = external.id;
    // Shown without focus: the clerk's window keeps the keyboard (barcode scanner, F4).
    w.once('ready-to-show', () => w.showInactive());
    w.on('closed', () => {
      if (win === w) win = null;
    });
    void w.loadFile(indexHtml, { hash: 'rating-screen' });
  };
  follow();
  screen.on('display-added', follow);
  screen.on('display-removed', follow);
  // Closing the clerk's window ends the app, the 评价器 included.
  main.on('closed', () => win?.destroy());
}
