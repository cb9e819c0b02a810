// Which printer prints which notice: chosen per window and per notice kind (a window may send
// 受理通知书 to the A4 laser and 材料接收凭证 to the thermal printer). Stored as one JSON value
// through a key-value getter/setter, so it can live in the SQLite `settings` table.
import { z } from 'zod';
import { PrinterChoice, WindowPrinters } from '../../shared/print/printers';
import type { NoticeLayout } from '../../shared/notice/render';
import type { NoticeKind } from '../../shared/notice/model';

export { PrinterChoice, WindowPrinters } from '../../shared/print/printers';

/** windowCode → printers of that window. */
export const PrinterSettings = z.record(z.string(), WindowPrinters);
export type PrinterSettings = z.infer<typeof PrinterSettings>;

export interface KeyValue {
  get(key: string): string | null | undefined;
  set(key: string, value: string): void;
}

export const PRINTER_SETTINGS_KEY = 'print.printers';

export function loadPrinterSettings(kv: KeyValue): PrinterSettings {
  const raw = kv.get(PRINTER_SETTINGS_KEY);
  if (!raw) return {};
  try {
    const parsed = PrinterSettings.safeParse(JSON.parse(raw));
    // A damaged value must not stop printing: fall back to "ask the clerk" (no choice).
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

/** The printer for a notice kind at a window: the kind's own choice, else the window default. */
export function printerFor(settings: PrinterSettings, windowCode: string, kind: NoticeKind): PrinterChoice | null {
  const w = settings[windowCode];
  return w?.byKind[kind] ?? w?.default ?? null;
}

/** Sets (or with null clears) the printer of a window for one kind or as its default. */
export function setPrinter(kv: KeyValue, windowCode: string, kind: NoticeKind | 'default', choice: PrinterChoice | null): PrinterSettings {
  const settings = loadPrinterSettings(kv);
  const w: WindowPrinters = settings[windowCode] ?? { default: null, byKind: {} };
  const parsed = choice === null ? null : PrinterChoice.parse(choice);
  if (kind === 'default') w.default = parsed;
  else if (parsed) w.byKind[kind] = parsed;
  else delete w.byKind[kind];
  const next = { ...settings, [windowCode]: w };
  kv.set(PRINTER_SETTINGS_KEY, JSON.stringify(next));
  return next;
}

export function layoutOf(choice: PrinterChoice | null, fallback: NoticeLayout = 'A4'): NoticeLayout {
  return choice?.layout ?? fallback;
}
