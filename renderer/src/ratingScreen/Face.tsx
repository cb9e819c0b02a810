// A plain face per rating level (no emoji font needed): the mouth bends from a wide smile to a
// frown, so the five buttons read at a glance from across the counter.
import type { RatingLevel } from '../../../shared/domain/case';

const MOUTH: Record<RatingLevel, string> = {
  verySatisfied: 'M30 58 Q50 82 70 58',
  satisfied: 'M32 62 Q50 74 68 62',
  basicallySatisfied: 'M33 66 L67 66',
  dissatisfied: 'M32 70 Q50 60 68 70',
  veryDissatisfied: 'M30 74 Q50 54 70 74',
};

export function Face({ level }: { level: RatingLevel }) {
  return (
    <svg viewBox="0 0 100 100" aria-hidden="true" className="rs-face">
      <circle cx="50" cy="50" r="44" fill="none" stroke="currentColor" strokeWidth="6" />
      <circle cx="36" cy="40" r="5.5" fill="currentColor" />
      <circle cx="64" cy="40" r="5.5" fill="currentColor" />
      <path d={MOUTH[level]} fill="none" stroke="currentColor" strokeWidth="6" strokeLinecap="round" />
    </svg>
  );
}
