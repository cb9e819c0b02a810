// Printer choice per window and per notice kind, stored as one value in a key-value table.
import { describe, expect, it } from 'vitest';
import { PRINTER_SETTINGS_KEY, loadPrinterSettings, printerFor, setPrinter } from '../../electron/print/settings';
import type { KeyValue } from '../../electron/print/settings';

const memoryKv = (): KeyValue & { data: Map<string, string> } => {
  const data = new Map<string, string>();
  return { data, get: (k) => data.get(k) ?? null, set: (k, v) => void data.set(k, v) };
};

describe('printer settings', () => {
  it('a kind-specific printer wins over the window default; other windows are unaffected', () => {
    const kv = memoryKv();
    setPrinter(kv, '03', 'default', { type: 'system', deviceName: 'HP LaserJet 1020', layout: 'A4' });
    setPrinter(kv, '03', 'materialReceipt', { type: 'escpos', host: '192.168.1.50', port: 9100, layout: 'thermal80' });
    const s = loadPrinterSettings(kv);
    expect(printerFor(s, '03', 'acceptance')).toEqual({ type: 'system', deviceName: 'HP LaserJet 1020', layout: 'A4' });
    expect(printerFor(s, '03', 'materialReceipt')).toEqual({ type: 'escpos', host: '192.168.1.50', port: 9100, layout: 'thermal80' });
    expect(printerFor(s, '04', 'acceptance')).toBeNull();
    setPrinter(kv, '03', 'materialReceipt', null);
    expect(printerFor(loadPrinterSettings(kv), '03', 'materialReceipt')?.type).toBe('system');
  });

  it('a damaged stored value means "no printer chosen", never a crash', () => {
    const kv = memoryKv();
    kv.set(PRINTER_SETTINGS_KEY, '{not json');
    expect(loadPrinterSettings(kv)).toEqual({});
    kv.set(PRINTER_SETTINGS_KEY, JSON.stringify({ '03': { default: { type: 'fax' } } }));
    expect(loadPrinterSettings(kv)).toEqual({});
  });

  it('rejects an invalid choice before storing it', () => {
    const kv = memoryKv();
    expect(() => setPrinter(kv, '03', 'acceptance', { type: 'escpos', host: '', port: 9100, layout: 'thermal80' })).toThrow();
    expect(kv.data.size).toBe(0);
  });
});
