// Where 引导 sends an applicant for an item this office's level does not handle
// (shared/engine/levelRedirect.ts), over random office trees.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { levelRedirect, redirectDecisionLabel } from '../../shared/engine/levelRedirect';
import { LEVELS, type Level, type Office } from '../../shared/domain/catalogue';
import { demoCatalogue } from '../../shared/demo/catalogue';

const office = (code: string, level: Level, parentCode: string | null): Office => ({ code, name: `${code}中心`, level, address: `${code}路1号`, phone: '', parentCode });

/** A tree: one city, counties under it, townships under counties, villages under townships. */
const tree = fc.array(fc.array(fc.integer({ min: 0, max: 2 }), { maxLength: 3 }), { minLength: 1, maxLength: 4 }).map((counties) => {
  const out: Office[] = [office('100000', 'city', null)];
  counties.forEach((towns, c) => {
    const cc = `10010${c}`;
    out.push(office(cc, 'county', '100000'));
    towns.forEach((villages, t) => {
      const tc = `${cc}00${t}`;
      out.push(office(tc, 'township', cc));
      for (let v = 0; v < villages; v++) out.push(office(`${tc}00${v}`, 'village', tc));
    });
  });
  return out;
});

describe('levelRedirect', () => {
  it('null when handled here or at a sub-centre; otherwise every place it names handles the item, nearest first', () => {
    fc.assert(
      fc.property(tree, fc.subarray([...LEVELS], { minLength: 1 }), fc.nat(), (offices, levels, pick) => {
        const here = offices[pick % offices.length];
        const r = levelRedirect({ levels, subCenterCode: null }, here, offices);
        if (levels.includes(here.level)) return r === null;
        if (levelRedirect({ levels, subCenterCode: 'CRJ' }, here, offices) !== null) return false;
        if (!offices.some((o) => levels.includes(o.level))) return r === null;
        if (!r || r.places.length === 0) return false;
        const named = r.places.map((p) => offices.find((o) => o.name === p.name)!);
        // The dialog's words name where the applicant goes: the one office, or the level of several.
        const label = redirectDecisionLabel(r)!;
        if (!label.startsWith('引导至') || label.includes('分中心')) return false;
        if (r.places.length === 1 && label !== `引导至${r.places[0].name}`) return false;
        return named.every((o) => levels.includes(o.level)) && new Set(named.map((o) => o.level)).size === 1;
      }),
    );
  });

  it('prefers the nearest office above: a township sends a county item to its own county', () => {
    const offices = demoCatalogue.offices;
    const town = offices.find((o) => o.level === 'township')!;
    const r = levelRedirect({ levels: ['county'], subCenterCode: null }, town, offices)!;
    expect(r.places).toEqual([expect.objectContaining({ name: offices.find((o) => o.code === town.parentCode)!.name })]);
    expect(redirectDecisionLabel(r)).toBe(`引导至${offices.find((o) => o.code === town.parentCode)!.name}`);
    expect(redirectDecisionLabel(null)).toBeNull();
  });
});
