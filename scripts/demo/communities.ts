/**
 * Residential communities (小区): one polygon per 'community' region, set back
 * from the streets around it, with households, population, built year and
 * parking spaces that fit the block's size and age, and 1–3 gates (entrances)
 * where the fence faces a street.
 */
import type { Feature, MultiPoint, Polygon } from 'geojson';
import { entranceCount, placeEntrances } from './entrances';
import type { Region } from './faces';
import { densifyRing, insetRing, ringArea, ringCentroid, toLonLat, type XY } from './geometry';
import type { StreetKind, Zone } from './layout';
import { POOLS, type NameAllocator } from './names';
import type { Rng } from './random';

export interface CommunityProps {
  id: string;
  name: string;
  households: number;
  /** left out on a few communities so the app's estimate (households × 2.8) is exercised */
  population?: number;
  built_year: number;
  parking_spaces: number;
  /** gates on the fence facing a street; left out on a few old-core compounds (data often lack them) */
  entrances?: MultiPoint;
}

/** Distance (metres) from a street's centre line to the fence of a block. */
export const SETBACK_M: Record<StreetKind, number> = { main: 16, secondary: 11, lane: 6, footpath: 4 };

/** How many communities are left without a population figure. */
const MISSING_POPULATION = 5;

/** Share of the old-core compounds left without gates, so the analysis's centroid fallback stays in use. */
const NO_ENTRANCES_SHARE = 0.05;

/** The communities with their logical-frame rings and gates, for placing facilities next to them. */
export interface CommunityPlan {
  features: Feature<Polygon, CommunityProps>[];
  /** inset rings (logical metres), same order as features */
  rings: XY[][];
  /** index of each community's block in the regions list */
  regions: number[];
  /** where residents start walking (logical metres): the gates, else the ring's centre */
  starts: XY[][];
}

/** Builds communities from the 'community' regions; regions too small for the setbacks are skipped. */
export function buildCommunities(regions: readonly Region[], rng: Rng, names: NameAllocator): CommunityPlan {
  const features: Feature<Polygon, CommunityProps>[] = [];
  const rings: XY[][] = [];
  const regionIdx: number[] = [];
  const starts: XY[][] = [];
  // gates draw from their own stream: the compounds' other attributes stay as they were
  const gateRng = rng.fork('entrances');
  const oldCore: number[] = [];
  for (const [idx, region] of regions.entries()) {
    if (region.use !== 'community') continue;
    const extra = rng.range(0, 2.5);
    const ring = insetRing(region.ring, region.ringProps.map((p) => SETBACK_M[p.kind] + extra));
    if (!ring) continue;
    const area = ringArea(ring);
    if (area < 2500) continue;
    const year = builtYear(region.zone, rng);
    const households = householdsFor(area, year, rng);
    const parkingRatio = year <= 2000 ? rng.range(0, 0.3) : year < 2010 ? rng.range(0.5, 0.9) : rng.range(0.8, 1.2);
    const gates = placeEntrances(ring, region.ringProps, entranceCount(area, gateRng), gateRng);
    const coords = densifyRing(ring, 60).map(toLonLat);
    coords.push(coords[0] as XY);
    const props: CommunityProps = {
      id: `c${String(features.length + 1).padStart(3, '0')}`,
      name: communityName(year, rng, names),
      households,
      population: Math.round(households * rng.range(2.6, 3.1)),
      built_year: year,
      parking_spaces: Math.round(households * parkingRatio),
      entrances: { type: 'MultiPoint', coordinates: gates.map(toLonLat) },
    };
    if (region.zone === 'core' && year <= 2000) oldCore.push(features.length);
    features.push({ type: 'Feature', properties: props, geometry: { type: 'Polygon', coordinates: [coords] } });
    rings.push(ring);
    regionIdx.push(idx);
    starts.push(gates);
  }
  for (const idx of rng.shuffle(features.map((_, k) => k)).slice(0, MISSING_POPULATION)) {
    delete (features[idx] as Feature<Polygon, CommunityProps>).properties.population;
  }
  for (const idx of gateRng.shuffle(oldCore).slice(0, Math.max(2, Math.round(oldCore.length * NO_ENTRANCES_SHARE)))) {
    delete (features[idx] as Feature<Polygon, CommunityProps>).properties.entrances;
    starts[idx] = [ringCentroid(rings[idx] as XY[])];
  }
  return { features, rings, regions: regionIdx, starts };
}

function builtYear(zone: Zone, rng: Rng): number {
  switch (zone) {
    case 'core':
      return rng.chance(0.25) ? rng.int(1980, 1986) : rng.int(1987, 2000);
    case 'ring':
      return rng.chance(0.65) ? rng.int(1984, 2000) : rng.int(2001, 2009);
    case 'newEast':
      return rng.int(2010, 2022);
    case 'south':
      return rng.int(2003, 2019);
    default:
      return rng.int(2001, 2016);
  }
}

/** Households from the net site area (m²), a plot ratio and an average flat size of the era. */
function householdsFor(area: number, year: number, rng: Rng): number {
  if (year <= 2000) return clamp(Math.round((area * rng.range(1.3, 2.2)) / rng.range(60, 75)), 100, 800);
  if (year < 2010) return clamp(Math.round((area * rng.range(1.5, 2.5)) / rng.range(80, 100)), 200, 1500);
  return clamp(Math.round((area * rng.range(1.8, 2.8)) / rng.range(90, 120)), 500, 2500);
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}

function communityName(year: number, rng: Rng, names: NameAllocator): string {
  for (let attempt = 0; attempt < 200; attempt++) {
    let name: string;
    if (year <= 2000) {
      name = rng.chance(0.35) ? rng.pick(POOLS.workUnit) + rng.pick(POOLS.workUnitSuffix) : rng.pick(POOLS.oldPrefix) + rng.pick(POOLS.oldSuffix);
    } else {
      const prefix = rng.pick(POOLS.newPrefix);
      const suffix = rng.pick(POOLS.newSuffix);
      if ([...prefix].some((ch) => suffix.includes(ch))) continue; // 御景御府 reads badly
      name = prefix + suffix;
    }
    if (!names.has(name)) return names.take(name);
  }
  return names.unique(rng.pick(POOLS.newPrefix) + '小区', 'suffix');
}
