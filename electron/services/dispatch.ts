// One entry point for every contract call, whoever carries it (IPC in the app, HTTP in the
// preview/E2E harness): check the channel, validate the input, check the sign-in, run the
// handler, validate the output, and turn any failure into a typed Envelope.
import { contract, HOST_CHANNELS, isChannel, type Channel, type In, type Out, type WorkstationChannel } from '../../shared/contract';
import { AppError, toErrorShape, type Envelope } from '../../shared/errors';
import type { Session } from './session';

export type Handler<C extends Channel> = (input: z_output<C>) => Out<C> | Promise<Out<C>>;
type z_output<C extends Channel> = import('zod').output<(typeof contract)[C]['input']>;
export type HandlerTable = { [C in WorkstationChannel]: Handler<C> };

export type Dispatch = (channel: unknown, input: unknown) => Promise<Envelope<unknown>>;

export function createDispatcher(handlers: HandlerTable, session: Session, onError?: (err: unknown) => void): Dispatch {
  return async (channel, input) => {
    try {
      if (!isChannel(channel) || (HOST_CHANNELS as readonly string[]).includes(channel)) throw new AppError('not_found', '未知的操作');
      const spec = contract[channel];
      if (spec.auth && !session.clerk) throw new AppError('unauthenticated', '请先登录');
      const parsed = spec.input.parse(input ?? {});
      const value = await (handlers[channel as WorkstationChannel] as Handler<WorkstationChannel>)(parsed as never);
      return { ok: true, value: spec.output.parse(value) };
    } catch (err) {
      const shape = toErrorShape(err);
      if (shape.code === 'internal') onError?.(err);
      return { ok: false, error: shape };
    }
  };
}

export type { In };
