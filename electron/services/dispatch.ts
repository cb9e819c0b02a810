// One entry point for every contract call, whoever carries it (IPC in the app, HTTP in the
// preview/E2E harness): check the channel, normalise the input's text (shared/text), enforce
// the channel's declared access, validate the input, run the handler, validate the output,
// and turn any failure into a typed Envelope. Handlers never check sign-in or roles.
import { contract, HOST_CHANNELS, isChannel, type Access, type Channel, type ChannelSpec, type In, type Out, type RoleAccess, type WorkstationChannel } from '../../shared/contract';
import { AppError, toErrorShape, type Envelope } from '../../shared/errors';
import { normalizeDeep, TEXT_ISSUE_MESSAGE } from '../../shared/text/normalize';
import { ROLE_LABEL } from '../../shared/domain/clerk';
import type { Session } from './session';

export type Handler<C extends Channel> = (input: z_output<C>) => Out<C> | Promise<Out<C>>;
type z_output<C extends Channel> = import('zod').output<(typeof contract)[C]['input']>;
export type HandlerTable = { [C in WorkstationChannel]: Handler<C> };

export type Dispatch = (channel: unknown, input: unknown) => Promise<Envelope<unknown>>;

export interface DispatchOptions {
  /** The practice workstation answers practice-only channels; the real one refuses them. */
  practice: boolean;
  /** Whether this window is enrolled with a central server now (for access that depends on it). */
  enrolled: () => boolean;
  onError?: (err: unknown) => void;
}

/** Free text as the handlers may see it: normalised, or refused with the field named. */
export function normalizedInput(input: unknown): unknown {
  const { value, issues } = normalizeDeep(input ?? {}, 'refuse');
  if (issues.length) {
    throw new AppError('invalid_input', TEXT_ISSUE_MESSAGE[issues[0].kind], issues.map((i) => ({ path: i.path, message: TEXT_ISSUE_MESSAGE[i.kind] })));
  }
  return value;
}

/** The rule that applies now: an enrolment-dependent one is read at the call, not when built. */
const accessNow = (access: Access, opts: DispatchOptions): RoleAccess =>
  typeof access === 'object' && 'enrolled' in access ? (opts.enrolled() ? access.enrolled : access.notEnrolled) : access;

function checkAccess(spec: ChannelSpec, session: Session, opts: DispatchOptions): void {
  if (spec.practiceOnly && !opts.practice) throw new AppError('precondition_failed', '练习功能只能在练习模式中使用，请先进入练习模式');
  const access = accessNow(spec.access, opts);
  if (access === 'public') return;
  const clerk = session.clerk;
  if (!clerk) throw new AppError('unauthenticated', '请先登录');
  if (access !== 'signedIn' && !access.includes(clerk.role)) {
    throw new AppError('forbidden', spec.forbidden ?? `此操作须由${access.map((r) => ROLE_LABEL[r]).join('或')}办理`);
  }
}

export function createDispatcher(handlers: HandlerTable, session: Session, opts: DispatchOptions): Dispatch {
  return async (channel, input) => {
    try {
      if (!isChannel(channel) || (HOST_CHANNELS as readonly string[]).includes(channel)) throw new AppError('not_found', '未知的操作');
      const spec: ChannelSpec = contract[channel];
      checkAccess(spec, session, opts);
      const parsed = spec.input.parse(normalizedInput(input));
      const value = await (handlers[channel as WorkstationChannel] as Handler<WorkstationChannel>)(parsed as never);
      return { ok: true, value: spec.output.parse(value) };
    } catch (err) {
      const shape = toErrorShape(err);
      if (shape.code === 'internal') opts.onError?.(err);
      return { ok: false, error: shape };
    }
  };
}

export type { In };
