import type { CoverageTable } from './coverageAttributes';
import { roundDistance } from './coverageAttributes';
import { roundTo } from './workbenchAttributes';

/** What the scenario attributes compare: a StudyAreaResult fits. */
export interface ScenarioSide {
  coverage: CoverageTable;
  renovation: { score: ArrayLike<number> } | null;
}

const CHANGE = { 1: 'gain', [-1]: 'loss', 2: 'both' } as const;

/**
 * A scenario's fields for community c (issue 11), only where something changed: `scenario_change`
 * (gain / loss / both, from scenarioDiff's `change`), and per category whose distance or coverage
 * changed `before_dist_<k>`, `before_ok_<k>`, `delta_dist_<k>` (metres, one decimal; null when a
 * side is unreachable); `before_score` / `delta_score` when the renovation score changed. The
 * scenario's own values are the usual dist_/ok_/score fields.
 */
export function assignScenarioAttributes(out: Record<string, unknown>, before: ScenarioSide, after: ScenarioSide, change: ArrayLike<number>, c: number): void {
  const C = after.coverage.communityCount;
  const ch = change[c] as 1 | -1 | 2 | 0;
  if (ch) out.scenario_change = CHANGE[ch];
  const ids = after.coverage.categoryIds;
  for (let k = 0; k < ids.length; k++) {
    const b = before.coverage.distance[k * C + c], a = after.coverage.distance[k * C + c];
    const bo = before.coverage.ok[k * C + c] === 1, ao = after.coverage.ok[k * C + c] === 1;
    if (roundDistance(b) === roundDistance(a) && bo === ao) continue;
    out[`before_dist_${ids[k]}`] = roundDistance(b);
    out[`before_ok_${ids[k]}`] = bo;
    out[`delta_dist_${ids[k]}`] = Number.isFinite(a) && Number.isFinite(b) ? roundDistance(a - b) : null;
  }
  const sb = before.renovation?.score[c] ?? NaN, sa = after.renovation?.score[c] ?? NaN;
  if (Number.isFinite(sb) || Number.isFinite(sa)) {
    const rb = Number.isFinite(sb) ? roundTo(sb, 1) : null, ra = Number.isFinite(sa) ? roundTo(sa, 1) : null;
    if (rb !== ra) {
      out.before_score = rb;
      out.delta_score = rb !== null && ra !== null ? roundTo(ra - rb, 1) : null;
    }
  }
}
