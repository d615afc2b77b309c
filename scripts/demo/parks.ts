/**
 * Parks of three size classes (DESIGN §4: < 2,000 m², 2,000–5,000 m²,
 * ≥ 5,000 m²): planned park regions, 人民公园 and the two riverside parks.
 */
import type { Feature, Polygon } from 'geojson';
import { SETBACK_M } from './communities';
import type { Region } from './faces';
import { densifyRing, insetRing, ringArea, scaleRing, toLonLat, type XY } from './geometry';
import type { ParkSize } from './layout';
import type { Rng } from './random';
import type { BandPark } from './river';

export interface ParkProps {
  id: string;
  name: string;
}

export interface ParkPlan {
  features: Feature<Polygon, ParkProps>[];
  rings: XY[][];
}

/** Target area (m²) per size class, inside the class with ~10 % to spare for the warp. */
const TARGET: Record<ParkSize, [number, number]> = { small: [900, 1750], medium: [2500, 4400], large: [6000, Infinity] };

/** Builds all parks: region parks first, then the riverside ones. */
export function buildParks(regions: readonly Region[], band: readonly BandPark[], rng: Rng): ParkPlan {
  const features: Feature<Polygon, ParkProps>[] = [];
  const rings: XY[][] = [];
  const add = (name: string, ring: XY[]): void => {
    const coords = densifyRing(ring, 60).map(toLonLat);
    coords.push(coords[0] as XY);
    features.push({ type: 'Feature', properties: { id: `p${String(features.length + 1).padStart(2, '0')}`, name }, geometry: { type: 'Polygon', coordinates: [coords] } });
    rings.push(ring);
  };
  for (const region of regions) {
    if (region.use !== 'park' || !region.park) continue;
    const { size, name } = region.park;
    const ring = insetRing(region.ring, region.ringProps.map((p) => SETBACK_M[p.kind]));
    if (!ring) throw new Error(`demo parks: ${name} does not fit its block`);
    const area = ringArea(ring);
    const [lo, hi] = TARGET[size];
    if (area < lo) throw new Error(`demo parks: ${name} is ${Math.round(area)} m², below its ${size} class`);
    const target = hi === Infinity ? area : rng.range(lo, hi);
    add(name, target < area ? scaleRing(ring, Math.sqrt(target / area)) : ring);
  }
  for (const park of band) add(park.name, park.ring);
  return { features, rings };
}
