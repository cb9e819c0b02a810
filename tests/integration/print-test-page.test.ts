// 打印测试页 through the handler table: refused plainly without a printer; to a network ESC/POS
// printer (a real TCP listener on 127.0.0.1 stands in for the printer) the bytes carry the
// page in GB18030; a system printer where the host has none (preview) says so; an unreachable
// printer is named. `lpstat -e` output is read into printer names.
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { testWorkstation } from '../helpers/workstation';
import type { Workstation } from '../../electron/services/workstation';
import type { Envelope } from '../../shared/errors';
import { parseLpstat } from '../../electron/print/systemPrinters';

async function call<T = unknown>(ws: Workstation, channel: string, input: unknown): Promise<T> {
  const r = (await ws.dispatch(channel, input)) as Envelope<T>;
  if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code });
  return r.value;
}
async function fail(ws: Workstation, channel: string, input: unknown) {
  const r = await ws.dispatch(channel, input);
  if (r.ok) throw new Error(`expected ${channel} to fail`);
  return r.error;
}

describe('打印测试页', () => {
  it('needs a printer; reaches a network thermal printer with the page in Chinese', async () => {
    const ws = testWorkstation();
    expect((await fail(ws, 'print.testPage', { kind: 'default' })).message).toBe('请先设置默认打印机');
    const received: Buffer[] = [];
    const printer = net.createServer((sock) => sock.on('data', (d) => received.push(d)));
    await new Promise<void>((r) => printer.listen(0, '127.0.0.1', r));
    const port = (printer.address() as net.AddressInfo).port;
    await call(ws, 'print.setPrinter', { kind: 'default', choice: { type: 'escpos', host: '127.0.0.1', port } });
    const r = await call<{ printedTo: string; message: string }>(ws, 'print.testPage', { kind: 'acceptance' }); // falls back to the default
    expect(r).toEqual({ printedTo: `127.0.0.1:${port}`, message: `测试页已发送到热敏打印机 127.0.0.1:${port}` });
    await new Promise<void>((res) => printer.close(() => res()));
    const text = iconv.decode(Buffer.concat(received), 'gb18030');
    expect(text).toContain('打印测试页');
    expect(text).toContain('1号无差别综合窗口');
    expect(text).toContain('中文字体测试');

    // The printer is gone now: named in the message.
    expect((await fail(ws, 'print.testPage', { kind: 'default' })).message).toContain(`127.0.0.1:${port}`);
    ws.close();
  });

  it('a system printer where the host has none (the browser preview) is said plainly', async () => {
    const ws = testWorkstation();
    await call(ws, 'print.setPrinter', { kind: 'default', choice: { type: 'system', deviceName: 'HP LaserJet', layout: 'A4' } });
    expect((await fail(ws, 'print.testPage', { kind: 'default' })).message).toContain('本环境没有系统打印机');
    ws.close();
  });

  it('reads CUPS printer names from lpstat -e', () => {
    expect(parseLpstat('HP_LaserJet_M1136\nEPSON_TM-T82\n\nHP_LaserJet_M1136\n')).toEqual(['HP_LaserJet_M1136', 'EPSON_TM-T82']);
    expect(parseLpstat('lpstat: No destinations added.\n')).toEqual([]);
  });
});
