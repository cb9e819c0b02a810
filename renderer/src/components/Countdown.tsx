// 立等可取 countdown (超时预警): green while in time, amber from 80 % of the tier used, red once over.
import type { ImmediateTier } from '../../../shared/domain/catalogue';
import { TIER_LABEL } from '../../../shared/domain/catalogue';
import { countdown } from '../cases/clock';

export function Countdown({ dueAt, tier, nowMs }: { dueAt: string; tier: ImmediateTier; nowMs: number }) {
  const c = countdown(dueAt, tier, nowMs);
  return (
    <span className={`countdown clock-${c.tone}`} data-testid="countdown" data-tone={c.tone} role="timer" aria-label={`${TIER_LABEL[tier]} ${c.text}`}>
      <span className="countdown-tier">{TIER_LABEL[tier]}</span>
      <span className="countdown-text">{c.text}</span>
      {c.tone !== 'ok' && <span className="countdown-flag">{c.tone === 'over' ? '已超时' : '即将超时'}</span>}
    </span>
  );
}
