import type { FeatureCollection, Geometry } from 'geojson';
import type { StudyAreaResult } from '../studyArea/types';
import { headlineMeasure } from '../analysis/coverage/coverageStats';
import { isOld } from '../model/oldCommunity';
import { subdistrictOf } from '../model/adminUnit';
import type { RuleSet } from '../rules/types';

type FC = FeatureCollection<Geometry | null, Record<string, unknown> | null>;

/**
 * An indicator a target or a snapshot follows (issue 14), written as text so tables can hold it:
 * `coverage:<category id>` (share covered), `complete:<level id>` (share meeting all mandatory
 * categories of the level), `completeness:<level id>` (mean share of them met), `park` (share
 * within a qualifying park), `parking_gap` (spaces short), `old_with_gaps` (old communities missing
 * a mandatory category). Shares are of residents (else of communities, headlineMeasure), 0–100.
 */
export type IndicatorId = string;

/** Whose figure: the whole area, old communities only, or one 街道 (communities' `subdistrict`). */
export type IndicatorScope = 'all' | 'old' | `subdistrict:${string}`;

/** Whether a larger value is better (shares) or worse (gaps). */
export function higherIsBetter(id: IndicatorId): boolean {
  return !(id === 'parking_gap' || id === 'old_with_gaps');
}

/** The indicators this rule set offers: every category, every level, park, parking, old communities with gaps. */
export function indicatorIds(rules: RuleSet): IndicatorId[] {
  return [
    ...rules.levels.flatMap((l) => [`complete:${l.id}`, `completeness:${l.id}`]),
    ...rules.categories.map((c) => `coverage:${c.id}`),
    'park', 'parking_gap', 'old_with_gaps',
  ];
}

/** The scopes a figure can be given for: the whole area, old communities, each 街道 named in the data. */
export function indicatorScopes(communities: FC): IndicatorScope[] {
  const units = new Set<string>();
  for (const f of communities.features) {
    const u = subdistrictOf(f?.properties);
    if (u) units.add(u);
  }
  return ['all', 'old', ...[...units].map((u) => `subdistrict:${u}` as const)];
}

/**
 * The value of an indicator for a scope, from one analysis result (null when it cannot be said:
 * an unknown category or level, nothing in the scope). Weighted like the area's rates.
 */
export function indicatorValue(id: IndicatorId, scope: IndicatorScope, result: StudyAreaResult, communities: FC, rules: RuleSet): number | null {
  return indicatorValues([id], scope, result, communities, rules)[id];
}

/** Several indicators for one scope; who is in the scope is decided once. */
export function indicatorValues(ids: readonly IndicatorId[], scope: IndicatorScope, result: StudyAreaResult, communities: FC, rules: RuleSet): Record<IndicatorId, number | null> {
  const C = result.coverage.communityCount;
  const feats = communities.features;
  const unit = scope.startsWith('subdistrict:') ? scope.slice('subdistrict:'.length) : null;
  const mask = new Uint8Array(C);
  for (let c = 0; c < C; c++) {
    const p = feats[c]?.properties;
    mask[c] = scope === 'all' ? 1 : scope === 'old' ? (isOld(p, rules) ? 1 : 0) : subdistrictOf(p) === unit ? 1 : 0;
  }
  return Object.fromEntries(ids.map((id) => [id, valueIn(id, mask, result, feats, rules)]));
}

function valueIn(id: IndicatorId, mask: Uint8Array, result: StudyAreaResult, feats: FC['features'], rules: RuleSet): number | null {
  const { coverage, weights, parks, parking } = result;
  const C = coverage.communityCount;
  const inScope = (c: number) => mask[c] === 1;
  const byPopulation = headlineMeasure(coverage.stats.totals) === 'population';
  const w = (c: number) => (byPopulation ? weights.population[c] : 1);
  const share = (met: (c: number) => number): number | null => {
    let num = 0, den = 0;
    for (let c = 0; c < C; c++) {
      if (!inScope(c)) continue;
      const x = met(c);
      if (!Number.isFinite(x)) continue;
      num += w(c) * x;
      den += w(c);
    }
    return den > 0 ? Math.round((num / den) * 100_000) / 1000 : null;
  };
  const [kind, arg] = id.split(':');
  if (kind === 'coverage') {
    const k = coverage.categoryIds.indexOf(arg);
    return k < 0 ? null : share((c) => coverage.ok[k * C + c]);
  }
  if (kind === 'complete' || kind === 'completeness') {
    const l = coverage.levelIds.indexOf(arg);
    if (l < 0) return null;
    return share((c) => {
      const v = coverage.levelCompleteness[l * C + c];
      return kind === 'complete' ? (Number.isFinite(v) ? (v === 1 ? 1 : 0) : NaN) : v;
    });
  }
  if (id === 'park') return parks ? share((c) => parks.ok[c]) : null;
  if (id === 'parking_gap') {
    let gap = 0, any = false;
    for (let c = 0; c < C; c++) if (inScope(c)) {
      any = true;
      if (parking.gap[c] > 0) gap += parking.gap[c];
    }
    return any ? Math.round(gap * 10) / 10 : null;
  }
  if (id === 'old_with_gaps') {
    let n = 0;
    for (let c = 0; c < C; c++) {
      if (!inScope(c) || !isOld(feats[c]?.properties, rules)) continue;
      for (let l = 0; l < coverage.levelIds.length; l++) {
        const v = coverage.levelCompleteness[l * C + c];
        if (Number.isFinite(v) && v < 1) {
          n++;
          break;
        }
      }
    }
    return n;
  }
  return null;
}
