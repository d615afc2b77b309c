/**
 * Candidate sites for point features (facilities, parking): just inside a
 * block, 10–30 m from the street in front of it, so every point is close to
 * the network and none sits on a street.
 */
import { SETBACK_M } from './communities';
import type { Region, RegionUse } from './faces';
import { dist, lerp, ringCentroid, type XY } from './geometry';
import type { StreetKind, Zone } from './layout';
import type { Rng } from './random';

export interface Site {
  /** logical metres */
  p: XY;
  zone: Zone;
  use: RegionUse;
  hood: string;
  /** name of the street in front, if it has one */
  street?: string;
  streetKind: StreetKind;
  /** park name when the site lies in a park */
  park?: string;
  /** index of its block in the regions list */
  region: number;
}

/** One or two sites per block side that is at least 30 m long. */
export function buildSites(regions: readonly Region[], rng: Rng): Site[] {
  const sites: Site[] = [];
  regions.forEach((region, regionIdx) => {
    const centre = ringCentroid(region.ring);
    const n = region.ring.length;
    for (let k = 0; k < n; k++) {
      if (k === region.spurEdge) continue;
      const a = region.ring[k] as XY;
      const b = region.ring[(k + 1) % n] as XY;
      const len = dist(a, b);
      if (len < 30) continue;
      const props = region.ringProps[k] as Region['ringProps'][number];
      for (const t of len > 140 ? [0.3, 0.7] : [rng.chance(0.5) ? 0.3 : 0.7]) {
        const foot = lerp(a, b, t);
        const normal: XY = [-(b[1] - a[1]) / len, (b[0] - a[0]) / len];
        // stay well inside the block: never past 60 % of the way to its centre
        const depth = Math.min(SETBACK_M[props.kind] + rng.range(4, 14), 0.6 * dist(foot, centre));
        const site: Site = {
          p: [foot[0] + normal[0] * depth, foot[1] + normal[1] * depth],
          zone: region.zone,
          use: region.use,
          hood: region.hood,
          streetKind: props.kind,
          region: regionIdx,
        };
        if (props.name) site.street = props.name;
        if (region.park) site.park = region.park.name;
        sites.push(site);
      }
    }
  });
  return sites;
}

/** Box [west, south, east, north]: lon/lat, or logical metres where named …M. */
export type Box = [number, number, number, number];

export function inBox(p: XY, box: Box): boolean {
  return p[0] >= box[0] && p[0] <= box[2] && p[1] >= box[1] && p[1] <= box[3];
}

/** Distance (metres) from p to box [x0, y0, x1, y1] in the logical frame; 0 inside. */
export function boxDistance(p: XY, box: Box): number {
  const dx = Math.max(box[0] - p[0], 0, p[0] - box[2]);
  const dy = Math.max(box[1] - p[1], 0, p[1] - box[3]);
  return Math.hypot(dx, dy);
}
