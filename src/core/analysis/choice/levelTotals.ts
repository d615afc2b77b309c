import type { FacilityChoiceResult } from './facilityChoice';

/** Places needed and short per life-circle level, over its categories with a norm. */
export interface ChoiceLevelTotals {
  levelId: string;
  /** categories of the level with a norm */
  categories: string[];
  /** Σ places the norms ask for */
  needed: number;
  /** Σ places gap */
  gap: number;
  /** communities short of places in at least one of them */
  communitiesShort: number;
}

/**
 * The 2SFCA places gap aggregated per level (DESIGN §4; issue 13): sums over the level's categories
 * that have a norm (categories of `levelOf`), and the communities short in any of them. Levels
 * without a normed category are left out.
 */
export function choiceLevelTotals(choice: FacilityChoiceResult, levelOf: ReadonlyMap<string, string>): ChoiceLevelTotals[] {
  const C = choice.communityCount;
  const by = new Map<string, ChoiceLevelTotals & { short: Uint8Array }>();
  choice.categoryIds.forEach((id, k) => {
    const s = choice.supply[k];
    const level = levelOf.get(id);
    if (!s || !level || !Number.isFinite(s.needed)) return;
    let t = by.get(level);
    if (!t) by.set(level, (t = { levelId: level, categories: [], needed: 0, gap: 0, communitiesShort: 0, short: new Uint8Array(C) }));
    t.categories.push(id);
    t.needed += s.needed;
    t.gap += s.gap;
    for (let c = 0; c < C; c++) if (choice.placesGap[k * C + c] > 0) t.short[c] = 1;
  });
  return [...by.values()].map(({ short, ...t }) => ({ ...t, communitiesShort: short.reduce((a, x) => a + x, 0) }));
}

/** Places needed and short per administrative unit (街道) and category with a norm (issue 13). */
export interface ChoiceUnitTotals {
  unit: string;
  categories: Record<string, { needed: number; gap: number; communitiesShort: number }>;
}

/**
 * The 2SFCA places gap per 街道 (communities' `subdistrict`, '' for none) and category with a norm:
 * Σ places needed (demand) and Σ gap over the unit's communities with a known population.
 */
export function choiceUnitTotals(choice: FacilityChoiceResult, units: readonly (string | null | undefined)[]): ChoiceUnitTotals[] {
  const C = choice.communityCount;
  const by = new Map<string, ChoiceUnitTotals>();
  choice.categoryIds.forEach((id, k) => {
    const s = choice.supply[k];
    if (!s || !Number.isFinite(s.needed)) return;
    for (let c = 0; c < C; c++) {
      const gap = choice.placesGap[k * C + c];
      if (!Number.isFinite(gap)) continue;
      const u = String(units[c] ?? '').trim();
      let row = by.get(u);
      if (!row) by.set(u, (row = { unit: u, categories: {} }));
      const t = (row.categories[id] ??= { needed: 0, gap: 0, communitiesShort: 0 });
      t.needed += choice.placesNeeded[k * C + c];
      t.gap += gap;
      if (gap > 0) t.communitiesShort++;
    }
  });
  return [...by.values()].sort((a, b) => (a.unit === '' ? 1 : b.unit === '' ? -1 : a.unit.localeCompare(b.unit, 'zh')));
}
