// Serves the contract over one IPC channel. The sender must be the app's own top frame;
// anything else gets a refusal, never the handler.
import { IPC_CHANNEL } from '../../shared/contract';
import type { Envelope } from '../../shared/errors';
import type { Dispatch } from '../services/dispatch';
import { isAppUrl } from './security';

export interface IpcSenderFrame {
  url: string;
  parent: unknown;
}
export interface IpcInvokeEvent {
  senderFrame: IpcSenderFrame | null;
}
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcInvokeEvent, ...args: unknown[]) => Promise<unknown>): void;
}

export function isTrustedSender(event: IpcInvokeEvent, appRoot: string): boolean {
  const frame = event.senderFrame;
  return !!frame && frame.parent === null && isAppUrl(frame.url, appRoot);
}

export function serveContract(ipcMain: IpcMainLike, dispatch: Dispatch, appRoot: string): void {
  ipcMain.handle(IPC_CHANNEL, async (event, channel, input): Promise<Envelope<unknown>> => {
    if (!isTrustedSender(event, appRoot)) return { ok: false, error: { code: 'forbidden', message: '拒绝来自未知页面的请求' } };
    return dispatch(channel, input);
  });
}
