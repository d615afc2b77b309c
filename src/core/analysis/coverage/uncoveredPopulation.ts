import { countedMandatory, type MissingMandatoryCoverage } from '../compliance/missingMandatory';

/** What is uncovered: one category, or a level (not all of its mandatory categories met). */
export type GapTarget = { category: string } | { level: string };

/**
 * Residents per community who are not served, for the gap map: the community's population when it
 * is not covered for the category, or (level) when it misses at least one of that level's own
 * counted mandatory categories (no-data ones only when the policy counts them); 0 otherwise. A level without mandatory categories leaves no one uncovered.
 * An unknown category or level gives null.
 *
 * @param population residents per community (ctx.weights.population)
 */
export function uncoveredPopulation(
  coverage: MissingMandatoryCoverage,
  population: ArrayLike<number>,
  target: GapTarget,
): Float64Array | null {
  const C = coverage.communityCount;
  const out = new Float64Array(C);
  if ('category' in target) {
    const k = coverage.categoryIds.indexOf(target.category);
    if (k < 0) return null;
    for (let c = 0, base = k * C; c < C; c++) if (!coverage.ok[base + c]) out[c] = population[c];
    return out;
  }
  const st = coverage.stats.levels.find((l) => l.id === target.level);
  if (!st) return null;
  const ks = countedMandatory(st).map((id) => coverage.categoryIds.indexOf(id)).filter((k) => k >= 0);
  for (let c = 0; c < C; c++) {
    for (const k of ks) {
      if (!coverage.ok[k * C + c]) {
        out[c] = population[c];
        break;
      }
    }
  }
  return out;
}
