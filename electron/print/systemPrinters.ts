// The operating system's printers where the host cannot tell (the browser preview, a plain
// Node host): CUPS's `lpstat -e` on Linux desktops (UOS, Kylin) and macOS. Electron's own list
// (getPrintersAsync) is used in the app; on a machine without CUPS this answers none.
import { execFile } from 'node:child_process';

/** Printer (destination) names, one per line of `lpstat -e`. */
export function parseLpstat(stdout: string): string[] {
  return [...new Set(stdout.split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !/\s/.test(l)))];
}

export function cupsPrinters(): Promise<string[]> {
  return new Promise((resolve) => {
    execFile('lpstat', ['-e'], { timeout: 3000, windowsHide: true }, (err, stdout) => resolve(err ? [] : parseLpstat(String(stdout))));
  });
}
