import { issueDetails } from '../../messages/analysisIssues';
import type { Feature, Geometry, GeoJsonProperties } from 'geojson';
import { parseNumber } from '../../model/normalize';
import { communitiesWithin, type CommunitiesWithin } from '../search/communitiesWithin';
import type { CoverageContext, CoverageMode } from '../coverage/prepareCoverage';
import { parkingLots, type ParkingIssue, type ParkingLotOptions, type ParkingLots } from './parkingLots';

type Features = { features: ReadonlyArray<Feature<Geometry | null, GeoJsonProperties> | null | undefined> };

export interface ParkingSupplyInput {
  /** the community collection the context was prepared from (same order), for own spaces */
  communities: Features;
  /** parking lots: Point or Polygon, properties.spaces, properties.public; none → own spaces only */
  parking?: Features | null;
}

export interface ParkingSupplyOptions extends ParkingLotOptions {
  /** demand in spaces per household @default 1.0 (pass rules.parking.ratio_per_household) */
  ratio?: number;
  /** public lots within this walking distance are shared, metres @default 500 (rules.parking.search_radius_m) */
  searchRadius?: number;
  /** @default ctx.options.mode */
  mode?: CoverageMode;
  /** community property with its own spaces @default 'parking_spaces' */
  ownSpacesField?: string;
}

export interface ParkingTotals {
  demand: number;
  own: number;
  shared: number;
  supply: number;
  /** Σ per-community gaps (surpluses do not offset gaps elsewhere) */
  gap: number;
  communitiesWithGap: number;
  publicLots: number;
  publicSpaces: number;
  /** public spaces no community with demand reaches */
  unusedPublicSpaces: number;
}

/** Parking supply and gap per community in flat arrays (index = community). */
export interface ParkingSupplyResult {
  mode: CoverageMode;
  communityCount: number;
  ratio: number;
  /** metres */
  searchRadius: number;
  /** households × ratio */
  demand: Float64Array;
  /** own spaces (0 when unknown) */
  own: Float64Array;
  /** 1 when the community states its own spaces */
  ownKnown: Uint8Array;
  /** its shares of public lots */
  shared: Float64Array;
  /** own + shared */
  supply: Float64Array;
  /** max(0, demand − supply) */
  gap: Float64Array;
  /** lots with a share > 0 per community: usedOffsets[c] ≤ i < usedOffsets[c+1] */
  usedOffsets: Int32Array;
  usedLot: Int32Array;
  /** spaces taken from the lot */
  usedShare: Float64Array;
  /** walking distance to the lot, metres */
  usedDistance: Float64Array;
  lots: ParkingLots;
  /** communities within the radius of each public lot */
  lotReach: CommunitiesWithin;
  /** Σ demand of the communities reaching each lot */
  lotDemand: Float64Array;
  totals: ParkingTotals;
  /** lots without geometry, with unreadable spaces, or beyond maxSnap (network mode) */
  issues: ParkingIssue[];
}

/**
 * Parking supply and gap (DESIGN §4 Parking): demand = households × ratio; supply = own
 * `parking_spaces` + shares of public lots (`public` not false) within `searchRadius` walking.
 * Each lot's spaces are divided among ALL communities that reach it, in proportion to their
 * demand — literally as DESIGN says, so a community whose own spaces already exceed its demand
 * still takes its share (its surplus is not handed on); a lot no community with demand reaches
 * stays unused. gap = max(0, demand − supply). Households unknown → demand 0; own spaces
 * unknown → 0 (see ownKnown). Without any public lot (no parking layer, or an empty one) supply is
 * the own spaces alone, and NaN (unknown) for communities without stated spaces or households.
 *
 * Example: lot of 90 spaces reached by A (demand 200) and B (demand 100): A gets 60, B 30.
 */
export function parkingSupply(ctx: CoverageContext, input: ParkingSupplyInput, options: ParkingSupplyOptions = {}): ParkingSupplyResult {
  const mode = options.mode ?? ctx.options.mode;
  const ratio = options.ratio ?? 1;
  const radius = options.searchRadius ?? 500;
  if (!(ratio >= 0 && ratio < Infinity)) throw new Error(`parking ratio must be a number of spaces per household ≥ 0, got ${ratio}`);
  if (!(radius >= 0 && radius < Infinity)) throw new Error(`parking search radius must be metres ≥ 0, got ${radius}`);
  const C = ctx.communities.count;
  if (input.communities.features.length !== C) {
    throw new Error(`parkingSupply: ${input.communities.features.length} community features given, the context has ${C}`);
  }

  const demand = new Float64Array(C);
  const own = new Float64Array(C);
  const ownKnown = new Uint8Array(C);
  const ownField = options.ownSpacesField ?? 'parking_spaces';
  for (let c = 0; c < C; c++) {
    demand[c] = ctx.weights.households[c] * ratio;
    const x = parseNumber(input.communities.features[c]?.properties?.[ownField]);
    if (x !== null && x >= 0) {
      own[c] = x;
      ownKnown[c] = 1;
    }
  }

  const lots = parkingLots(input.parking ?? { features: [] }, options);
  const L = lots.count;
  const reach = communitiesWithin(ctx, lots.points, radius, { mode, include: lots.isPublic });
  const issues = [...lots.issues];
  if (reach.snap) {
    for (let j = 0; j < L; j++) {
      if (!lots.isPublic[j] || reach.snap.ok[j] || !Number.isFinite(lots.points[2 * j])) continue;
      const d = reach.snap.access[j];
      issues.push({
        index: j, id: lots.ids[j], reason: 'beyond_max_snap',
        ...issueDetails('beyond_max_snap', { subject: 'lot', maxSnap: ctx.options.maxSnap, ...(Number.isFinite(d) ? { distance: d } : {}) }),
        ...(Number.isFinite(d) ? { distance: d } : {}),
      });
    }
    issues.sort((a, b) => a.index - b.index);
  }

  const lotDemand = new Float64Array(L);
  const shareOf = new Float64Array(reach.community.length);
  const perCommunity = new Int32Array(C + 1);
  let publicLots = 0, publicSpaces = 0, unused = 0;
  for (let j = 0; j < L; j++) {
    if (!lots.isPublic[j]) continue;
    publicLots++;
    publicSpaces += lots.spaces[j];
    let total = 0;
    for (let i = reach.offsets[j]; i < reach.offsets[j + 1]; i++) total += demand[reach.community[i]];
    lotDemand[j] = total;
    if (!(total > 0)) {
      unused += lots.spaces[j];
      continue;
    }
    for (let i = reach.offsets[j]; i < reach.offsets[j + 1]; i++) {
      const c = reach.community[i];
      shareOf[i] = (lots.spaces[j] * demand[c]) / total;
      if (shareOf[i] > 0) perCommunity[c + 1]++;
    }
  }

  // invert lot → communities into community → lots with a share
  for (let c = 0; c < C; c++) perCommunity[c + 1] += perCommunity[c];
  const usedOffsets = perCommunity;
  const M = usedOffsets[C];
  const usedLot = new Int32Array(M), usedShare = new Float64Array(M), usedDistance = new Float64Array(M);
  const cursor = usedOffsets.slice(0, C);
  const shared = new Float64Array(C);
  for (let j = 0; j < L; j++) {
    for (let i = reach.offsets[j]; i < reach.offsets[j + 1]; i++) {
      if (!(shareOf[i] > 0)) continue;
      const c = reach.community[i];
      const at = cursor[c]++;
      usedLot[at] = j;
      usedShare[at] = shareOf[i];
      usedDistance[at] = reach.distance[i];
      shared[c] += shareOf[i];
    }
  }

  const supply = new Float64Array(C);
  const gap = new Float64Array(C);
  const totals: ParkingTotals = {
    demand: 0, own: 0, shared: 0, supply: 0, gap: 0, communitiesWithGap: 0,
    publicLots, publicSpaces, unusedPublicSpaces: unused,
  };
  for (let c = 0; c < C; c++) {
    // Without any public lot, supply is the community's own spaces: unknown when it states none
    // (or its households are unknown) — never a gap made of missing data.
    if (publicLots === 0 && (!ownKnown[c] || !(ctx.weights.households[c] > 0))) {
      supply[c] = gap[c] = NaN;
      totals.demand += demand[c];
      continue;
    }
    supply[c] = own[c] + shared[c];
    gap[c] = Math.max(0, demand[c] - supply[c]);
    totals.demand += demand[c];
    totals.own += own[c];
    totals.shared += shared[c];
    totals.supply += supply[c];
    totals.gap += gap[c];
    if (gap[c] > 0) totals.communitiesWithGap++;
  }

  return {
    mode, communityCount: C, ratio, searchRadius: radius,
    demand, own, ownKnown, shared, supply, gap,
    usedOffsets, usedLot, usedShare, usedDistance,
    lots, lotReach: reach, lotDemand, totals, issues,
  };
}
