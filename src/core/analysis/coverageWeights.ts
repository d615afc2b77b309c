import type { Feature, Geometry, GeoJsonProperties } from 'geojson';
import { parseNumber } from '../model/normalize';

/** Households and population per community, the weights of the coverage rates. */
export interface CoverageWeights {
  /** households (0 when unknown) */
  households: Float64Array;
  /** population: properties.population, else households × personsPerHousehold (0 when both unknown) */
  population: Float64Array;
  /** 1 when the population is estimated from households */
  populationEstimated: Uint8Array;
  /** 1 when neither population nor households is known (weight 0) */
  weightUnknown: Uint8Array;
}

export interface CoverageWeightOptions {
  /** Persons per household for a missing population. @default 2.8 */
  personsPerHousehold?: number;
  /** Property holding households. @default 'households' */
  householdsField?: string;
  /** Property holding population. @default 'population' */
  populationField?: string;
}

/**
 * Reads the weights of every community (DESIGN §3): population when given, else households × 2.8
 * (configurable) marked as estimated. Numbers in strings ("1,200", "约800户") are accepted; negative
 * values count as unknown.
 */
export function coverageWeights(
  communities: { features: ReadonlyArray<Feature<Geometry | null, GeoJsonProperties> | null | undefined> },
  options: CoverageWeightOptions = {},
): CoverageWeights {
  const pph = options.personsPerHousehold ?? 2.8;
  const hf = options.householdsField ?? 'households';
  const pf = options.populationField ?? 'population';
  const n = communities.features.length;
  const households = new Float64Array(n);
  const population = new Float64Array(n);
  const populationEstimated = new Uint8Array(n);
  const weightUnknown = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const p = communities.features[i]?.properties ?? {};
    const hh = nonNegative(parseNumber(p[hf]));
    const pop = nonNegative(parseNumber(p[pf]));
    households[i] = hh ?? 0;
    if (pop !== null) {
      population[i] = pop;
      // normalizeLayer (src/core/model) fills population from households and says so
      if (p.population_estimated === true) populationEstimated[i] = 1;
    }
    else if (hh !== null) {
      population[i] = hh * pph;
      populationEstimated[i] = 1;
    } else weightUnknown[i] = 1;
  }
  return { households, population, populationEstimated, weightUnknown };
}

function nonNegative(x: number | null): number | null {
  return x !== null && x >= 0 ? x : null;
}
