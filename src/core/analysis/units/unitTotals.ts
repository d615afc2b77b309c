import type { CoverageResult } from '../coverage/runCoverage';
import type { CoverageWeights } from '../coverage/coverageWeights';
import { headlineMeasure } from '../coverage/coverageStats';

/** One administrative unit's figures (a 街道 / 乡镇, or a 社区 / 村 within it). */
export interface UnitTotals {
  /** the unit's name as the data write it; '' for communities without one */
  unit: string;
  /** the 街道 a 社区 belongs to (unit tables by 社区), else '' */
  parent: string;
  communities: number;
  households: number;
  population: number;
  /** communities without households or population */
  weightUnknown: number;
  /** per category id: covered communities, households and population */
  categories: Record<string, { communities: number; households: number; population: number }>;
  /** per level id: communities meeting all counted mandatory categories, and their households and population */
  levels: Record<string, { communities: number; households: number; population: number }>;
  /** Σ parking gap (spaces), when parking was analysed */
  parkingGap: number;
  /** communities short of at least one counted mandatory category (any level) */
  withGaps: number;
}

/** A rate within a unit by the area's headline measure (population, else communities). */
export function unitRate(u: UnitTotals, covered: { communities: number; population: number }, measure: 'population' | 'communities'): number | null {
  if (measure === 'population') return u.population > 0 ? covered.population / u.population : null;
  return u.communities > 0 ? covered.communities / u.communities : null;
}

/**
 * The coverage, level completion, gaps and parking per administrative unit (issue 12; DESIGN §4
 * Administrative units): communities grouped by their `subdistrict` (街道 / 乡镇), or by
 * `neighborhood` (社区 / 村) within it; rates are weighted like the area's (headlineMeasure), so a
 * unit table adds up to the study area. Communities without a unit form the '' row.
 */
export function unitTotals(
  units: readonly (string | null | undefined)[],
  coverage: CoverageResult,
  weights: CoverageWeights,
  options: { parents?: readonly (string | null | undefined)[]; parkingGap?: ArrayLike<number> | null } = {},
): { rows: UnitTotals[]; measure: 'population' | 'communities' } {
  const C = coverage.communityCount;
  const by = new Map<string, UnitTotals>();
  const key = (c: number) => `${options.parents ? String(options.parents[c] ?? '').trim() : ''}\u0000${String(units[c] ?? '').trim()}`;
  const complete = coverage.stats.levels.map((l) => coverage.levelIds.indexOf(l.id));
  for (let c = 0; c < C; c++) {
    const k = key(c);
    let u = by.get(k);
    if (!u) {
      const [parent, unit] = k.split('\u0000');
      by.set(k, (u = { unit, parent, communities: 0, households: 0, population: 0, weightUnknown: 0, categories: {}, levels: {}, parkingGap: 0, withGaps: 0 }));
    }
    const hh = weights.households[c], pop = weights.population[c];
    u.communities++;
    u.households += hh;
    u.population += pop;
    u.weightUnknown += weights.weightUnknown[c];
    coverage.categoryIds.forEach((id, k2) => {
      const t = (u!.categories[id] ??= { communities: 0, households: 0, population: 0 });
      if (coverage.ok[k2 * C + c]) {
        t.communities++;
        t.households += hh;
        t.population += pop;
      }
    });
    let gap = false;
    coverage.stats.levels.forEach((l, i) => {
      const share = coverage.levelCompleteness[complete[i] * C + c];
      const t = (u!.levels[l.id] ??= { communities: 0, households: 0, population: 0 });
      if (share === 1) {
        t.communities++;
        t.households += hh;
        t.population += pop;
      } else if (Number.isFinite(share)) gap = true;
    });
    if (gap) u.withGaps++;
    const pg = options.parkingGap?.[c];
    if (pg !== undefined && Number.isFinite(pg) && pg > 0) u.parkingGap += pg;
  }
  const rows = [...by.values()].sort((a, b) => (a.parent === b.parent ? 0 : a.parent < b.parent ? -1 : 1) || (a.unit === '' ? 1 : b.unit === '' ? -1 : a.unit.localeCompare(b.unit, 'zh')));
  return { rows, measure: headlineMeasure(coverage.stats.totals) };
}
