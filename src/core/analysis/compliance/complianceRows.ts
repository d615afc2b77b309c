import type { Feature, Geometry, GeoJsonProperties } from 'geojson';
import { featureLabel } from '../../model/featureLabel';
import { builtYear as readBuiltYear, isOld as isOldRule } from '../../model/oldCommunity';
import type { CoverageWeights } from '../coverage/coverageWeights';
import { missingMandatory, type MissingMandatory, type MissingMandatoryCoverage } from './missingMandatory';

type Features = { features: ReadonlyArray<Feature<Geometry | null, GeoJsonProperties> | null | undefined> };

export interface ComplianceRowsInput {
  /** the communities the analysis ran on (same order) */
  communities: Features;
  coverage: MissingMandatoryCoverage & { unreachableCommunities?: ReadonlyArray<{ index: number }> };
  /** households and population as the analysis read them */
  weights: Pick<CoverageWeights, 'households' | 'population' | 'populationEstimated'>;
  /** the rule set's old_before_year (which communities are old: core/model isOld) */
  oldBeforeYear: number;
  /** the levels shown, in display order (e.g. 5min, 10min, 15min) */
  levelIds: readonly string[];
}

/**
 * The 达标/缺项 table in columns (index = community): attributes plus the missing mandatory
 * categories per level. Distances and ✓/✗ of each cell are read from the coverage result itself.
 */
export interface ComplianceRows extends MissingMandatory {
  /** properties.name, else properties.id, else "#<index + 1>" */
  names: string[];
  /** NaN when unknown */
  builtYear: Float64Array;
  /** 1 when old (core/model isOld) */
  isOld: Uint8Array;
  households: Float64Array;
  population: Float64Array;
  populationEstimated: Uint8Array;
  /** 1 when the analysis could not place the community (no geometry, beyond maxSnap...) */
  unreachable: Uint8Array;
}

/**
 * Builds the compliance table's columns from a coverage result (DESIGN §4: levels are not nested,
 * each level's own mandatory categories). O(communities × mandatory categories).
 */
export function complianceRows(input: ComplianceRowsInput): ComplianceRows {
  const feats = input.communities.features;
  const C = input.coverage.communityCount;
  if (feats.length !== C) throw new Error(`complianceRows: ${feats.length} communities given, the coverage result has ${C}`);
  const names: string[] = new Array(C);
  const builtYear = new Float64Array(C);
  const isOld = new Uint8Array(C);
  for (let c = 0; c < C; c++) {
    const p = feats[c]?.properties ?? {};
    names[c] = featureLabel(p, c);
    builtYear[c] = readBuiltYear(p) ?? NaN;
    isOld[c] = isOldRule(p, { old_before_year: input.oldBeforeYear }) ? 1 : 0;
  }
  const unreachable = new Uint8Array(C);
  for (const u of input.coverage.unreachableCommunities ?? []) if (u.index >= 0 && u.index < C) unreachable[u.index] = 1;
  return {
    ...missingMandatory(input.coverage, input.levelIds),
    names,
    builtYear,
    isOld,
    households: Float64Array.from(input.weights.households),
    population: Float64Array.from(input.weights.population),
    populationEstimated: Uint8Array.from(input.weights.populationEstimated),
    unreachable,
  };
}

/** Old communities missing at least one mandatory category of the counted levels. */
export function countOldWithGaps(rows: Pick<ComplianceRows, 'isOld' | 'total'>): number {
  let n = 0;
  for (let c = 0; c < rows.isOld.length; c++) if (rows.isOld[c] && rows.total[c] > 0) n++;
  return n;
}
