import { Tag } from 'antd';
import { TIER_LABEL, type ImmediateTier } from '../../../shared/domain/catalogue';
import { TIER_COLOR } from '../labels';

/** 极速办 / 快速办 / 高效办 badge; nothing for items without a 立等可取 tier. */
export function TierTag({ tier }: { tier: ImmediateTier | null }) {
  if (!tier) return null;
  return (
    <Tag color={TIER_COLOR[tier]} data-testid="tier-tag">
      {TIER_LABEL[tier]}
    </Tag>
  );
}
