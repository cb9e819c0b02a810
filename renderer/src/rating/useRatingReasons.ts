// The window's 好差评 reasons (the centre's list from the catalogue, else the national one),
// loaded once per screen; both rating screens and the paper entry choose from it.
import { useEffect, useState } from 'react';
import type { RatingReason } from '../../../shared/domain/ratingReasons';
import { invoke } from '../api';

export function useRatingReasons(): { reasons: RatingReason[] | null; error: unknown } {
  const [reasons, setReasons] = useState<RatingReason[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    invoke('rating.reasons', {}).then((r) => setReasons(r.reasons), setError);
  }, []);
  return { reasons, error };
}

/** Toggles one code in a choice list, keeping the list's order of choosing. */
export const toggleCode = (chosen: readonly string[], code: string): string[] => (chosen.includes(code) ? chosen.filter((c) => c !== code) : [...chosen, code]);
