// The status area's 「上次同步 2 分钟前」.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sinceText } from '../../renderer/src/sync/relativeTime';

const AT = Date.parse('2026-05-04T02:00:00Z');
const ago = (ms: number) => sinceText(new Date(AT - ms).toISOString(), AT);

describe('sinceText', () => {
  it('reads like a clerk would say it', () => {
    expect(sinceText(null, AT)).toBe('从未同步');
    expect(ago(0)).toBe('刚刚');
    expect(ago(59_000)).toBe('刚刚');
    expect(ago(60_000)).toBe('1 分钟前');
    expect(ago(2 * 60_000 + 30_000)).toBe('2 分钟前');
    expect(ago(59 * 60_000)).toBe('59 分钟前');
    expect(ago(3 * 3600_000)).toBe('3 小时前');
    expect(ago(8 * 86400_000)).toBe('8 天前');
  });

  it('a time ahead of the screen clock (another machine) reads 刚刚, never a negative age', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 10 * 86400_000 }), (ms) => sinceText(new Date(AT + ms).toISOString(), AT) === '刚刚'));
  });
});
