// 立等可取 countdown (超时预警): green while in time, amber from 80 % of the tier used, red once over,
// grey and still while a 需补正 waits for the applicant.
import type { ImmediateTier } from '../../../shared/domain/catalogue';
import { TIER_LABEL } from '../../../shared/domain/catalogue';
import { countdown } from '../cases/clock';

export function Countdown({ dueAt, tier, nowMs, pausedAt = null }: { dueAt: string; tier: ImmediateTier; nowMs: number; pausedAt?: string | null }) {
  const c = countdown(dueAt, tier, nowMs, pausedAt);
  return (
    <span className={`countdown clock-${c.tone}`} data-testid="countdown" data-tone={c.tone} role="timer" aria-label={`${TIER_LABEL[tier]} ${c.text}`}>
      <span className="countdown-tier">{TIER_LABEL[tier]}</span>
      <span className="countdown-text">{c.text}</span>
      {c.tone !== 'ok' && <span className="countdown-flag">{c.tone === 'paused' ? '暂停计时·待补正' : c.tone === 'over' ? '已超时' : '即将超时'}</span>}
    </span>
  );
}
