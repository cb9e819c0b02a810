// The renderer's only way to the workstation: the contract, through `window.yichuang`
// (the preload in the app, the HTTP bridge in preview/E2E). Errors arrive as typed values.
import type { Channel, In, Out } from '../../shared/contract';
import type { AppErrorShape, Envelope } from '../../shared/errors';

declare global {
  interface Window {
    yichuang?: { invoke(channel: string, input?: unknown): Promise<Envelope<unknown>> };
  }
}

export class ApiError extends Error {
  readonly code: AppErrorShape['code'];
  readonly details: AppErrorShape['details'];
  constructor(shape: AppErrorShape) {
    super(shape.message);
    this.code = shape.code;
    this.details = shape.details;
  }
}

export async function invoke<C extends Channel>(channel: C, input: In<C>): Promise<Out<C>> {
  const bridge = window.yichuang;
  if (!bridge) throw new ApiError({ code: 'internal', message: '未连接到工作站服务，请重新启动一窗' });
  let envelope: Envelope<unknown>;
  try {
    envelope = await bridge.invoke(channel, input);
  } catch {
    throw new ApiError({ code: 'internal', message: '与工作站服务的连接中断，请重试' });
  }
  if (!envelope.ok) throw new ApiError(envelope.error);
  for (const listener of listeners) listener(channel, input, envelope.value);
  return envelope.value as Out<C>;
}

type InvokeListener = (channel: Channel, input: unknown, value: unknown) => void;
const listeners = new Set<InvokeListener>();

/** Follows successful calls made by other screens (practice mode scores the case the clerk just decided there). */
export function onInvoked(listener: InvokeListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
