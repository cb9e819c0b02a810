// The 立等可取 clock of a case: time left against its tier, on the server's clock. The queue
// learns the server time once per refresh and ticks locally from the offset, so a PC whose
// own clock is wrong still shows the true countdown.
import { TIER_MINUTES, type ImmediateTier } from '../../../shared/domain/catalogue';
import { immediateClock } from '../../../shared/domain/supplementClock';

export type ClockTone = 'ok' | 'warn' | 'over' | 'paused';

/** Share of the tier time after which the countdown turns amber (超时预警). */
export const WARN_SHARE = 0.8;

export interface Countdown {
  tone: ClockTone;
  /** '12:34' left, or '超时 03:10'. */
  text: string;
  remainingSeconds: number;
}

export function mmss(totalSeconds: number): string {
  const s = Math.abs(Math.trunc(totalSeconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${String(m).padStart(2, '0')}:${sec}`;
}

/** `pausedAt`: a 需补正 stops the clock (shared/domain/supplementClock.ts); what is left stays as it was. */
export function countdown(dueAt: string, tier: ImmediateTier, nowMs: number, pausedAt: string | null = null): Countdown {
  const total = TIER_MINUTES[tier] * 60;
  const clock = immediateClock({ tier, dueAt, clockPausedAt: pausedAt }, new Date(nowMs))!;
  const remaining = Math.floor(clock.remainingMs / 1000);
  if (clock.paused) return { tone: 'paused', text: `${remaining < 0 ? '超时' : '剩余'} ${mmss(Math.abs(remaining))}`, remainingSeconds: remaining };
  if (remaining < 0) return { tone: 'over', text: `超时 ${mmss(-remaining)}`, remainingSeconds: remaining };
  const tone: ClockTone = total - remaining >= WARN_SHARE * total ? 'warn' : 'ok';
  return { tone, text: `剩余 ${mmss(remaining)}`, remainingSeconds: remaining };
}

/** Elapsed time of a finished 立等可取 case and whether it kept within its tier. */
export function elapsedText(elapsedSeconds: number, tier: ImmediateTier | null): { text: string; within: boolean } {
  const within = tier ? elapsedSeconds <= TIER_MINUTES[tier] * 60 : true;
  return { text: `用时 ${mmss(elapsedSeconds)}`, within };
}

/** Milliseconds to add to Date.now() to get the server's time. */
export const serverOffset = (serverNowIso: string): number => Date.parse(serverNowIso) - Date.now();
