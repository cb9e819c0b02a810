// Display labels and colours the screens share. Domain labels live in shared/domain; these
// are purely presentational.
import type { ImmediateTier } from '../../shared/domain/catalogue';
import type { ItemSummary } from '../../shared/contract';

export const TIER_COLOR: Record<ImmediateTier, string> = { within30: 'green', within60: 'cyan', within120: 'blue' };

export const MATCHED_BY_LABEL: Record<ItemSummary['matchedBy'], string> = {
  name: '名称',
  keyword: '俗称',
  initials: '拼音首字母',
  pinyin: '全拼',
  code: '实施编码',
};

/** '0 个工作日' reads oddly at a window: 0 means done on the spot. */
export function workingDays(days: number): string {
  return days === 0 ? '当场办结' : `${days} 个工作日`;
}
