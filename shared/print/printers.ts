// Which printer prints which notice at a window: a system printer (through Electron) or a raw
// ESC/POS thermal printer on the network. Pure schema, shared by the contract and the store.
import { z } from 'zod';
import { NoticeKind } from '../notice/model';
import { NOTICE_LAYOUTS } from '../notice/render';

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
