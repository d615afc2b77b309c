/**
 * Parking lots (points): public lots with their number of spaces, and a few
 * lots that belong to an institution and are not open to residents.
 */
import type { Feature, Point } from 'geojson';
import { pickSites, type PlacementContext } from './facilities';
import type { XY } from './geometry';
import type { NameAllocator } from './names';
import type { Rng } from './random';
import type { Site } from './sites';

export interface ParkingProps {
  id: string;
  name: string;
  spaces: number;
  public: boolean;
}

const PUBLIC_LOTS = 25;
const PRIVATE_NAMES = ['县人民医院内部停车场', '城关镇政府停车场', '县财政局院内停车场', '禾润购物中心员工停车场'];

/** Builds public and non-public parking lots on free sites. */
export function buildParking(ctx: PlacementContext, rng: Rng, names: NameAllocator): Feature<Point, ParkingProps>[] {
  const out: Feature<Point, ParkingProps>[] = [];
  const site = (idx: number): Site => ctx.sites[idx] as Site;
  const useWeight: Partial<Record<Site['use'], number>> = { mixed: 2, public: 2, park: 2, empty: 1.5, community: 0.2, village: 0.3 };
  const zoneWeight = (s: Site): number => (s.zone === 'industrial' ? 0.2 : s.zone === 'core' ? 1.5 : 1);
  const lots = pickSites(ctx, PUBLIC_LOTS, 380, (idx) => (useWeight[site(idx).use] ?? 0) * zoneWeight(site(idx)) * (site(idx).streetKind === 'footpath' ? 0.2 : 1), rng);
  for (const idx of lots) {
    const s = site(idx);
    const base = s.park ? `${s.park}停车场` : `${s.street ?? s.hood}公共停车场`;
    const spaces = s.zone === 'core' ? rng.int(30, 90) : rng.int(60, 300);
    out.push(lot({ id: '', name: names.unique(base, 'suffix'), spaces, public: true }, ctx.sitesLonLat[idx] as XY));
  }
  const privateLots = pickSites(ctx, PRIVATE_NAMES.length, 800, (idx) => (site(idx).use === 'public' ? 1 : 0), rng);
  privateLots.forEach((idx, k) => {
    out.push(lot({ id: '', name: names.unique(PRIVATE_NAMES[k] as string, 'suffix'), spaces: rng.int(40, 220), public: false }, ctx.sitesLonLat[idx] as XY));
  });
  out.forEach((f, k) => (f.properties.id = `k${String(k + 1).padStart(2, '0')}`));
  return out;
}

function lot(props: ParkingProps, ll: XY): Feature<Point, ParkingProps> {
  return { type: 'Feature', properties: props, geometry: { type: 'Point', coordinates: ll } };
}
