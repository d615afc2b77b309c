/**
 * generateDemo: the bundled synthetic study area 青禾县城, as plain data (no
 * file IO). Same seed → identical output, byte for byte once serialised.
 */
import type { Feature, FeatureCollection, LineString, Point, Polygon } from 'geojson';
import { buildCommunities, type CommunityProps } from './communities';
import { buildFacilities, type FacilityProps, type PlacementContext } from './facilities';
import { densifyRing, toLonLat, type XY } from './geometry';
import { CORE_FACES, NEW_EAST_FACES } from './layout';
import { NameAllocator, RIVER_NAME, TOWN_NAME_EN, TOWN_NAME_ZH } from './names';
import { buildParking, type ParkingProps } from './parking';
import { buildParks, type ParkProps } from './parks';
import { Rng } from './random';
import { buildSites, type Box } from './sites';
import { buildStreets, type StreetProps } from './streets';

export type { CommunityProps, FacilityProps, ParkingProps, ParkProps, StreetProps };

export const DEFAULT_SEED = 20261126;
export const GENERATOR_VERSION = '1.1.0';
/** [west, south, east, north], WGS84 degrees: about 6 km × 5 km. */
export const DEMO_BBOX: Box = [115.6, 33.2, 115.6645, 33.245];

export interface WaterProps {
  id: string;
  name: string;
  kind: 'river';
}

export interface DemoMeta {
  name_zh: string;
  name_en: string;
  synthetic: true;
  notice_zh: string;
  notice_en: string;
  seed: number;
  generator: string;
  generator_version: string;
  crs: 'EPSG:4326';
  bbox: Box;
  /** parts of town with deliberate gaps, as lon/lat boxes */
  zones: {
    old_core: { bbox: Box; built: string; lacks: string[] };
    new_east: { bbox: Box; built: string; lacks: string[] };
  };
  counts: Record<'network' | 'communities' | 'parks' | 'parking' | 'facilities' | 'water', number>;
  facility_categories: Record<string, number>;
}

export interface DemoData {
  meta: DemoMeta;
  network: FeatureCollection<LineString, StreetProps>;
  communities: FeatureCollection<Polygon, CommunityProps>;
  parks: FeatureCollection<Polygon, ParkProps>;
  parking: FeatureCollection<Point, ParkingProps>;
  facilities: FeatureCollection<Point, FacilityProps>;
  water: FeatureCollection<Polygon, WaterProps>;
}

/**
 * Generates the demo town.
 * @param seed PRNG seed; default 20261126 (the committed data/demo files)
 */
export function generateDemo(seed: number = DEFAULT_SEED): DemoData {
  const rng = new Rng(seed);
  const names = new NameAllocator(rng.fork('names'));
  const streets = buildStreets(rng.fork('streets'), names);
  const communities = buildCommunities(streets.regions, rng.fork('communities'), names);
  const parks = buildParks(streets.regions, streets.river.parks, rng.fork('parks'));

  const boxOf = (f: { i0: number; i1: number; j0: number; j1: number }): Box => {
    const pts: XY[] = [];
    for (let i = f.i0; i <= f.i1; i++) for (let j = f.j0; j <= f.j1; j++) pts.push(toLonLat((streets.crossings[i] as XY[])[j] as XY));
    return [Math.min(...pts.map((p) => p[0])), Math.min(...pts.map((p) => p[1])), Math.max(...pts.map((p) => p[0])), Math.max(...pts.map((p) => p[1]))];
  };
  const coreBox = boxOf(CORE_FACES);
  const newEastBox = boxOf(NEW_EAST_FACES);
  const boxOfM = (f: { i0: number; i1: number; j0: number; j1: number }): Box => {
    const pts: XY[] = [];
    for (let i = f.i0; i <= f.i1; i++) for (let j = f.j0; j <= f.j1; j++) pts.push((streets.crossings[i] as XY[])[j] as XY);
    return [Math.min(...pts.map((p) => p[0])), Math.min(...pts.map((p) => p[1])), Math.max(...pts.map((p) => p[0])), Math.max(...pts.map((p) => p[1]))];
  };
  const sites = buildSites(streets.regions, rng.fork('sites'));
  const ctx: PlacementContext = {
    sites,
    sitesLonLat: sites.map((s) => toLonLat(s.p)),
    used: new Set(),
    coreBoxM: boxOfM(CORE_FACES),
    newEastBoxM: boxOfM(NEW_EAST_FACES),
    demand: {
      starts: communities.starts,
      people: communities.features.map((f) => Math.round(f.properties.population ?? f.properties.households * 2.8)),
    },
    communityOfRegion: new Map(communities.regions.map((r, k) => [r, (communities.features[k] as Feature<Polygon, CommunityProps>).properties.name])),
  };
  const facilities = buildFacilities(ctx, streets.arterialEdges, rng.fork('facilities'), names);
  const parking = buildParking(ctx, rng.fork('parking'), names);

  const waterRing = densifyRing(streets.river.water, 1000).map(toLonLat);
  waterRing.push(waterRing[0] as XY);
  const water: Feature<Polygon, WaterProps> = {
    type: 'Feature',
    properties: { id: 'w1', name: RIVER_NAME, kind: 'river' },
    geometry: { type: 'Polygon', coordinates: [waterRing] },
  };

  const categories: Record<string, number> = {};
  for (const f of facilities) categories[f.properties.category] = (categories[f.properties.category] ?? 0) + 1;
  const meta: DemoMeta = {
    name_zh: TOWN_NAME_ZH,
    name_en: TOWN_NAME_EN,
    synthetic: true,
    notice_zh: '本示例数据为程序生成的虚构县城，仅用于演示',
    notice_en: 'This demo data is a computer-generated fictional county town, for demonstration only.',
    seed,
    generator: 'scripts/generate-demo.ts',
    generator_version: GENERATOR_VERSION,
    crs: 'EPSG:4326',
    bbox: DEMO_BBOX,
    zones: {
      old_core: { bbox: coreBox, built: '1980–2000', lacks: ['kindergarten', 'elderly_daycare'] },
      new_east: { bbox: newEastBox, built: '2010–2022', lacks: ['market'] },
    },
    counts: {
      network: streets.features.length,
      communities: communities.features.length,
      parks: parks.features.length,
      parking: parking.length,
      facilities: facilities.length,
      water: 1,
    },
    facility_categories: categories,
  };
  const fc = <G extends LineString | Polygon | Point, P>(features: Feature<G, P>[]): FeatureCollection<G, P> => ({ type: 'FeatureCollection', features });
  return {
    meta,
    network: fc(streets.features),
    communities: fc(communities.features),
    parks: fc(parks.features),
    parking: fc(parking),
    facilities: fc(facilities),
    water: fc([water]),
  };
}
