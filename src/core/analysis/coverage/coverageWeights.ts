import type { Feature, Geometry, GeoJsonProperties } from 'geojson';
import { area as turfArea } from '@turf/turf';
import { communityPopulation } from '../../model/communityPopulation';
import type { DefaultOverrides } from '../../rules/defaults';

/** Households and population per community, the weights of the coverage rates. */
export interface CoverageWeights {
  /** households (0 when unknown) */
  households: Float64Array;
  /** population: the stated one, else estimated from households (core/model communityPopulation; 0 when both unknown) */
  population: Float64Array;
  /** 1 when the population is estimated from households */
  populationEstimated: Uint8Array;
  /** 1 when neither population nor households is known (weight 0) */
  weightUnknown: Uint8Array;
  /**
   * residential area in m² (polygons; 0 for points), read only when no community has households or
   * population — the rates then fall back to shares of communities and of area (issue 15); else all 0
   */
  area: Float64Array;
}

/**
 * Reads the weights of every community (DESIGN §3) from the canonical `households` and
 * `population` through communityPopulation, the one rule of the estimate. Numbers in strings
 * ("1,200", "约800户") are accepted; negative values count as unknown.
 */
export function coverageWeights(
  communities: { features: ReadonlyArray<Feature<Geometry | null, GeoJsonProperties> | null | undefined> },
  rules?: DefaultOverrides | null,
): CoverageWeights {
  const n = communities.features.length;
  const households = new Float64Array(n);
  const population = new Float64Array(n);
  const populationEstimated = new Uint8Array(n);
  const weightUnknown = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const w = communityPopulation(communities.features[i]?.properties, rules);
    households[i] = w.households ?? 0;
    if (w.population === null) weightUnknown[i] = 1;
    else population[i] = w.population;
    if (w.estimated) populationEstimated[i] = 1;
  }
  const area = new Float64Array(n);
  if (n > 0 && weightUnknown.every((u) => u === 1)) {
    for (let i = 0; i < n; i++) {
      const g = communities.features[i]?.geometry;
      if (g && (g.type === 'Polygon' || g.type === 'MultiPolygon')) area[i] = turfArea(g);
    }
  }
  return { households, population, populationEstimated, weightUnknown, area };
}
