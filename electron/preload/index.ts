// Exposes exactly the contract: one function, channel names checked against the contract.
import { contextBridge, ipcRenderer } from 'electron';
import { IPC_CHANNEL, isChannelName } from '../../shared/ipc';

contextBridge.exposeInMainWorld(
  'yichuang',
  Object.freeze({
    invoke: (channel: string, input?: unknown) => {
      if (!isChannelName(channel)) return Promise.resolve({ ok: false, error: { code: 'not_found', message: '未知的操作' } });
      return ipcRenderer.invoke(IPC_CHANNEL, channel, input ?? {});
    },
  }),
);
