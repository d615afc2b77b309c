import type { StudyAreaResult } from '../studyArea/types';
import { countedMandatory } from '../analysis/compliance/missingMandatory';

/** Communities, households and residents. */
export interface DiffTotals {
  communities: number;
  households: number;
  population: number;
}

/** One category's change: who is newly covered, who lost coverage. */
export interface CategoryDiff {
  id: string;
  gained: DiffTotals;
  lost: DiffTotals;
  /** communities newly covered / no longer covered (indexes) */
  gainedCommunities: number[];
  lostCommunities: number[];
}

/** One level's change: communities that now meet / no longer meet all its (counted) mandatory categories. */
export interface LevelDiff {
  id: string;
  nowComplete: DiffTotals;
  noLongerComplete: DiffTotals;
  /** mean completeness (population-weighted) before and after */
  meanCompletenessBefore: number | null;
  meanCompletenessAfter: number | null;
}

/** Before/after of a scenario against the baseline (or of two scenarios); communities in the same order. */
export interface ScenarioDiff {
  communityCount: number;
  categories: CategoryDiff[];
  levels: LevelDiff[];
  /** per community: +1 gains coverage of some category and loses none, −1 loses and gains none, 2 both, 0 unchanged */
  change: Int8Array;
  /** communities whose coverage of some category changed */
  changedCommunities: number;
  parking: { gapBefore: number; gapAfter: number };
  /** per community score after − before (NaN where a side has no score) */
  scoreDelta: Float64Array;
  /** park coverage (communities within a qualifying park) gained / lost, when both sides have parks */
  parks: { gained: DiffTotals; lost: DiffTotals } | null;
}

const zero = (): DiffTotals => ({ communities: 0, households: 0, population: 0 });

function add(t: DiffTotals, c: number, r: StudyAreaResult): void {
  t.communities++;
  t.households += r.weights.households[c] || 0;
  t.population += r.weights.population[c] || 0;
}

function meanCompleteness(r: StudyAreaResult, l: number): number | null {
  const C = r.coverage.communityCount;
  let num = 0, den = 0;
  for (let c = 0; c < C; c++) {
    const v = r.coverage.levelCompleteness[l * C + c];
    const w = r.weights.population[c] || 0;
    if (Number.isFinite(v) && w > 0) {
      num += v * w;
      den += w;
    }
  }
  return den > 0 ? num / den : null;
}

/**
 * What a scenario changes (issue 11): per category the communities, households and residents newly
 * covered or no longer covered; per level those that now meet (or no longer meet) all its counted
 * mandatory categories; the parking gap, renovation scores and park coverage. Weights are the
 * `after` side's (a scenario does not change households). Both results must cover the same
 * communities in the same order, and the same rule set.
 */
export function scenarioDiff(before: StudyAreaResult, after: StudyAreaResult): ScenarioDiff {
  const a = before.coverage, b = after.coverage;
  const C = a.communityCount;
  if (b.communityCount !== C) throw new Error(`scenarioDiff: ${C} communities before, ${b.communityCount} after`);
  if (a.categoryIds.join() !== b.categoryIds.join()) throw new Error('scenarioDiff: the two results use different rule sets');
  const change = new Int8Array(C);
  const gainedAny = new Uint8Array(C), lostAny = new Uint8Array(C);
  const categories: CategoryDiff[] = a.categoryIds.map((id, k) => {
    const d: CategoryDiff = { id, gained: zero(), lost: zero(), gainedCommunities: [], lostCommunities: [] };
    for (let c = 0; c < C; c++) {
      const x = a.ok[k * C + c], y = b.ok[k * C + c];
      if (!x && y) {
        add(d.gained, c, after);
        d.gainedCommunities.push(c);
        gainedAny[c] = 1;
      } else if (x && !y) {
        add(d.lost, c, after);
        d.lostCommunities.push(c);
        lostAny[c] = 1;
      }
    }
    return d;
  });
  let changedCommunities = 0;
  for (let c = 0; c < C; c++) {
    change[c] = gainedAny[c] && lostAny[c] ? 2 : gainedAny[c] ? 1 : lostAny[c] ? -1 : 0;
    if (change[c]) changedCommunities++;
  }
  const levels: LevelDiff[] = a.levelIds.map((id, l) => {
    const stA = a.stats.levels.find((x) => x.id === id);
    const stB = b.stats.levels.find((x) => x.id === id);
    const ks = (st: typeof stA) => (st ? countedMandatory(st).map((k) => a.categoryIds.indexOf(k)).filter((k) => k >= 0) : []);
    const kA = ks(stA), kB = ks(stB);
    const d: LevelDiff = { id, nowComplete: zero(), noLongerComplete: zero(), meanCompletenessBefore: meanCompleteness(before, l), meanCompletenessAfter: meanCompleteness(after, l) };
    if (kA.length === 0 && kB.length === 0) return d;
    for (let c = 0; c < C; c++) {
      const was = kA.length > 0 && kA.every((k) => a.ok[k * C + c]);
      const is = kB.length > 0 && kB.every((k) => b.ok[k * C + c]);
      if (!was && is) add(d.nowComplete, c, after);
      else if (was && !is) add(d.noLongerComplete, c, after);
    }
    return d;
  });
  const sum = (g: Float64Array) => g.reduce((s, v) => s + (Number.isFinite(v) ? v : 0), 0);
  const scoreDelta = Float64Array.from({ length: C }, (_, c) => after.renovation.score[c] - before.renovation.score[c]);
  let parks: ScenarioDiff['parks'] = null;
  if (before.parks && after.parks && before.parks.communityCount === C && after.parks.communityCount === C) {
    parks = { gained: zero(), lost: zero() };
    for (let c = 0; c < C; c++) {
      if (!before.parks.ok[c] && after.parks.ok[c]) add(parks.gained, c, after);
      else if (before.parks.ok[c] && !after.parks.ok[c]) add(parks.lost, c, after);
    }
  }
  return {
    communityCount: C,
    categories,
    levels,
    change,
    changedCommunities,
    parking: { gapBefore: sum(before.parking.gap), gapAfter: sum(after.parking.gap) },
    scoreDelta,
    parks,
  };
}
