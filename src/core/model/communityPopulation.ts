import { estimatePopulation, personsPerHousehold, type DefaultOverrides } from '../rules/defaults';
import { parseNumber } from './parseNumber';

type Props = Readonly<Record<string, unknown>> | null | undefined;

/** A community's households and population as every reader takes them. */
export interface CommunityPopulation {
  /** null when unknown (absent, unreadable or negative) */
  households: number | null;
  /** the stated population, else estimated from households; null when both are unknown */
  population: number | null;
  /** true when `population` is the estimate */
  estimated: boolean;
}

function nonNegative(x: number | null): number | null {
  return x !== null && x >= 0 ? x : null;
}

/**
 * Households and population of one community (DESIGN §3) — the one rule, read by the analysis
 * weights, the card, the hover card and the exports: the stated population, else households ×
 * the rule set's persons per household (estimatePopulation), marked estimated. A population an
 * earlier version stored as estimated (`population_estimated: true`) is estimated again, so it
 * follows the rule set in force.
 */
export function communityPopulation(props: Props, rules?: DefaultOverrides | null): CommunityPopulation {
  const households = nonNegative(parseNumber(props?.households));
  const stated = nonNegative(parseNumber(props?.population));
  const storedEstimate = props?.population_estimated === true && households !== null;
  if (stated !== null && !storedEstimate) return { households, population: stated, estimated: false };
  if (households !== null) return { households, population: estimatePopulation(households, personsPerHousehold(rules)), estimated: true };
  return { households, population: null, estimated: false };
}

/**
 * A community's share of residents aged 60 and over (properties.elderly_share): 0–1, values in
 * (1, 100] read as percent; null when absent or unreadable. The one reader: the renovation score's
 * elderly indicator and the per-elderly norms' demand (DESIGN §4) both use it.
 */
export function elderlyShare(props: Props): number | null {
  const e = parseNumber(props?.elderly_share);
  if (e !== null && e >= 0 && e <= 1) return e;
  if (e !== null && e > 1 && e <= 100) return e / 100;
  return null;
}
