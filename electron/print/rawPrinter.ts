// Sends raw bytes (ESC/POS) to a network printer's raw port (JetDirect, usually 9100).
// Fails with a Chinese message the clerk can act on, never a bare socket error.
import net from 'node:net';
import { AppError } from '../../shared/errors';

export interface RawPrinterTarget {
  host: string;
  port?: number;
  /** Connect and idle timeout in milliseconds. */
  timeoutMs?: number;
}

const REASON: Record<string, string> = {
  ECONNREFUSED: '连接被拒绝',
  EHOSTUNREACH: '网络不可达',
  ENETUNREACH: '网络不可达',
  ENOTFOUND: '找不到该地址',
  EAI_AGAIN: '地址解析失败',
  ECONNRESET: '连接被打印机断开',
  EPIPE: '连接被打印机断开',
  ETIMEDOUT: '连接超时',
};

export function sendRaw(target: RawPrinterTarget, bytes: Uint8Array): Promise<void> {
  const port = target.port ?? 9100;
  const timeoutMs = target.timeoutMs ?? 5000;
  const where = `${target.host}:${port}`;
  return new Promise<void>((resolve, reject) => {
    let connected = false;
    let finished = false;
    let settled = false;
    const fail = (reason: string) => {
      if (settled) return;
      settled = true;
      socket.destroy();
      reject(
        connected
          ? new AppError('precondition_failed', `打印机 ${where} 发送中断（${reason}），本张未打印完整。请检查打印机是否缺纸、卡纸或断电后重新打印。`)
          : new AppError('precondition_failed', `打印机 ${where} 无法连接（${reason}）。请检查打印机电源、网线和 IP 地址设置，或在打印设置中更换打印机。`),
      );
    };
    const socket = net.createConnection({ host: target.host, port });
    socket.setTimeout(timeoutMs);
    socket.on('timeout', () => {
      // Every byte was handed over but the printer keeps the link open: that is success.
      if (finished && !settled) {
        settled = true;
        socket.destroy();
        resolve();
      } else fail(connected ? '打印机无响应' : '连接超时');
    });
    socket.on('error', (err: NodeJS.ErrnoException) => fail(REASON[err.code ?? ''] ?? err.code ?? '网络错误'));
    socket.on('connect', () => {
      connected = true;
      socket.end(bytes, () => {
        finished = true;
      });
    });
    // 'close' after a clean end means every byte was handed to the printer's TCP stack.
    socket.on('close', (hadError) => {
      if (settled || hadError) return;
      settled = true;
      if (connected) resolve();
      else reject(new AppError('precondition_failed', `打印机 ${where} 无法连接（连接被关闭）。`));
    });
  });
}
