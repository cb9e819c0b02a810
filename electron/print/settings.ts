// Which printer prints which notice: chosen per window and per notice kind (a window may send
// 受理通知书 to the A4 laser and 材料接收凭证 to the thermal printer). Stored as one JSON value
// through a key-value getter/setter, so it can live in the SQLite `settings` table.
import { z } from 'zod';
import { NoticeKind } from '../../shared/notice/model';
import { NOTICE_LAYOUTS } from '../../shared/notice/render';
import type { NoticeLayout } from '../../shared/notice/render';

export const PrinterChoice = z.discriminatedUnion('type', [
  /** A printer known to the operating system, printed through Electron. */
  z.object({ type: z.literal('system'), deviceName: z.string().trim().min(1).max(200), layout: z.enum(NOTICE_LAYOUTS) }),
  /** A raw ESC/POS thermal printer on the network (port 9100). */
  z.object({
    type: z.literal('escpos'),
    host: z.string().trim().min(1).max(255),
    port: z.number().int().min(1).max(65535).default(9100),
    layout: z.literal('thermal80').default('thermal80'),
  }),
]);
export type PrinterChoice = z.infer<typeof PrinterChoice>;

export const WindowPrinters = z.object({
  default: PrinterChoice.nullable().default(null),
  byKind: z.partialRecord(NoticeKind, PrinterChoice).default({}),
});
export type WindowPrinters = z.infer<typeof WindowPrinters>;

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
