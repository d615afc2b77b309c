import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bboxClip, distance, length } from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, LineString, MultiLineString, Point } from 'geojson';
import { classifyOsm, isWalkableHighway, readLayerFile } from '../../../src/core/io';

type Tags = Record<string, string>;
const line = (id: string, tags: Tags, coords = [[116.35, 40], [116.351, 40]]): Feature => ({ type: 'Feature', properties: { ...tags, id }, geometry: { type: 'LineString', coordinates: coords } });
const node = (id: string, tags: Tags, c = [116.3505, 40.0005]): Feature => ({ type: 'Feature', properties: { ...tags, id }, geometry: { type: 'Point', coordinates: c } });
const rect = (x: number, y: number, dx: number, dy: number): number[][][] => [[[x, y], [x + dx, y], [x + dx, y + dy], [x, y + dy], [x, y]]];
const area = (id: string, tags: Tags, coords: number[][][]): Feature => ({ type: 'Feature', properties: { ...tags, id }, geometry: { type: 'Polygon', coordinates: coords } });
const fc = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });

describe('isWalkableHighway', () => {
  it.each([
    [{ highway: 'footway' }, true],
    [{ highway: 'residential' }, true],
    [{ highway: 'steps' }, true],
    [{ highway: 'service', access: 'customers' }, true],
    [{ highway: 'motorway' }, false],
    [{ highway: 'motorway_link' }, false],
    [{ highway: 'construction' }, false],
    [{ highway: 'proposed' }, false],
    [{ highway: 'service', access: 'private' }, false],
    [{ highway: 'service', access: 'private', foot: 'yes' }, true],
    [{ highway: 'cycleway', foot: 'no' }, false],
    [{ highway: 'trunk' }, true],
    [{ highway: 'trunk', bridge: 'yes' }, false],
    [{ highway: 'trunk', tunnel: 'yes' }, false],
    [{ highway: 'trunk_link', motorroad: 'yes' }, false],
    [{ highway: 'trunk', sidewalk: 'separate' }, false],
    [{ building: 'yes' }, false],
  ])('%o → %s', (tags, walkable) => {
    expect(isWalkableHighway(tags)).toBe(walkable);
  });

  it('applies the trunk policies', () => {
    expect(isWalkableHighway({ highway: 'trunk' }, 'exclude')).toBe(false);
    expect(isWalkableHighway({ highway: 'trunk', sidewalk: 'both' }, 'exclude')).toBe(true);
    expect(isWalkableHighway({ highway: 'trunk', bridge: 'yes' }, 'include')).toBe(true);
  });
});

describe('classifyOsm on hand-made features', () => {
  const input = fc([
    line('way/1', { highway: 'footway', name: '林荫道' }),
    line('way/2', { highway: 'motorway' }),
    line('way/3', { highway: 'service', access: 'private' }),
    area('way/4', { highway: 'pedestrian', area: 'yes' }, rect(116.36, 40, 0.001, 0.001)),
    area('way/10', { landuse: 'residential', name: '静淑苑' }, rect(116.35, 40, 0.002, 0.002)),
    area('way/11', { building: 'apartments', name: '静淑苑1号楼' }, rect(116.3505, 40.0005, 0.0002, 0.0002)),
    area('way/12', { building: 'residential', 'name:zh': '学士居', name: 'Xueshiju' }, rect(116.36, 40.01, 0.0005, 0.0005)),
    area('way/13', { building: 'apartments' }, rect(116.37, 40.01, 0.0005, 0.0005)),
    area('way/20', { leisure: 'park', name: '双清公园' }, rect(116.34, 40, 0.001, 0.001)),
    area('way/21', { leisure: 'garden', 'garden:type': 'residential' }, rect(116.34, 40.01, 0.001, 0.001)),
    area('way/22', { landuse: 'grass', name: '学院路游园' }, rect(116.34, 40.02, 0.001, 0.001)),
    node('node/30', { amenity: 'parking', capacity: '120', access: 'private', name: '地下车库' }),
    node('node/31', { amenity: 'parking', capacity: 'approx 40' }),
    node('node/40', { amenity: 'kindergarten', name: '小太阳幼儿园' }),
    node('node/41', { amenity: 'clinic', name: '学院路社区卫生服务中心' }),
    node('node/42', { amenity: 'school', name: '清华东路小学' }),
    node('node/43', { amenity: 'school', name: '北京市第十五高级中学' }),
    area('way/44', { building: 'yes', name: '蓝天幼儿园' }, rect(116.33, 40, 0.0004, 0.0004)),
    node('node/45', { amenity: 'school', name: '蓝天中学', 'isced:level': '2' }, [116.3302, 40.0002]),
    area('way/46', { amenity: 'school', name: '蓝天中学', 'isced:level': '2' }, rect(116.3301, 40.0001, 0.0002, 0.0002)),
    // 0.0005° × 0.0003° at 40°N ≈ 42.6 m × 33.4 m ≈ 1,424 m²: ≥ 1,300 (medium ground), < 3,000 (large ground).
    area('way/47', { leisure: 'pitch' }, rect(116.32, 40, 0.0005, 0.0003)),
    node('node/48', { leisure: 'pitch' }),
    node('node/50', { amenity: 'restaurant', name: '食堂' }),
    node('node/51', { shop: 'clothes' }),
    line('way/52', { highway: 'residential', name: '中学路' }),
  ]);
  const c = classifyOsm(input);
  const ids = (f: FeatureCollection): string[] => f.features.map((x) => String(x.properties?.id));
  const cats = (osmId: string): string[] => c.layers.facilities.features.filter((f) => f.properties?.osm_id === osmId).map((f) => String(f.properties?.category)).sort();

  it('keeps walkable highways, walks pedestrian areas along their outline', () => {
    expect(ids(c.layers.network).sort()).toEqual(['way/1', 'way/4', 'way/52']);
    const ped = c.layers.network.features.find((f) => f.properties?.id === 'way/4');
    expect(ped?.geometry.type).toBe('LineString');
    expect(c.counts.network).toBe(3);
  });

  it('makes communities of residential areas and of named residential buildings outside them', () => {
    expect(ids(c.layers.communities).sort()).toEqual(['way/10', 'way/12']);
    expect(c.layers.communities.features.find((f) => f.properties?.id === 'way/12')?.properties?.name).toBe('学士居');
  });

  it('takes parks by tag (not residential gardens) and green land by its name', () => {
    expect(ids(c.layers.parks).sort()).toEqual(['way/20', 'way/22']);
    // 0.001° × 0.001° at 40°N ≈ 85.3 m × 111.3 m ≈ 9,490 m² (Turf's sphere).
    expect(c.layers.parks.features[0]?.properties?.area_m2).toBeGreaterThan(9400);
    expect(c.layers.parks.features[0]?.properties?.area_m2).toBeLessThan(9600);
  });

  it('reads parking capacity and access', () => {
    const p = new Map(c.layers.parking.features.map((f) => [f.properties?.id, f.properties]));
    expect(p.get('node/30')).toMatchObject({ spaces: 120, public: false, name: '地下车库' });
    expect(p.get('node/31')).toMatchObject({ spaces: 40, public: true });
  });

  it('classifies facilities by tags, narrows by Chinese names and falls back to names', () => {
    expect(cats('node/40')).toEqual(['kindergarten']);
    // clinic matches health_centre, outpatient and health_station by tag; the name says 社区卫生服务中心.
    expect(cats('node/41')).toEqual(['health_centre']);
    expect(cats('node/42')).toEqual(['primary_school']);
    expect(cats('node/43')).toEqual([]);
    const kg = c.layers.facilities.features.find((f) => f.properties?.osm_id === 'way/44');
    expect(kg?.properties?.category_source).toBe('name');
    // A polygon facility becomes its representative point: the square's centre.
    expect((kg?.geometry as Point).coordinates[0]).toBeCloseTo(116.3302, 9);
    expect((kg?.geometry as Point).coordinates[1]).toBeCloseTo(40.0002, 9);
  });

  it('merges a school mapped both as node and area (same name, < 150 m)', () => {
    expect(c.layers.facilities.features.filter((f) => f.properties?.name === '蓝天中学')).toHaveLength(1);
  });

  it('applies _min_area_m2: a 1,424 m² pitch is a medium but not a large sports ground', () => {
    expect(cats('way/47')).toEqual(['medium_sports_ground', 'public_activity_ground', 'small_sports_ground']);
    expect(cats('node/48')).toEqual(['public_activity_ground', 'small_sports_ground']);
  });

  it('counts per category and lists what stayed unclassified', () => {
    expect(c.counts.byCategory.kindergarten).toBe(2);
    expect(c.counts.byCategory.nursing_home).toBe(0);
    expect(c.unclassified.map((u) => u.tags).sort()).toEqual(['amenity=restaurant', 'amenity=school', 'leisure=garden', 'shop=clothes']);
    expect(c.unclassifiedByTag['amenity=restaurant']).toBe(1);
  });
});

const realdata = path.resolve(__dirname, '../../../../shared/realdata');
const has = (p: string): boolean => existsSync(path.join(realdata, p));
const stats = (p: string): Record<string, number> => JSON.parse(readFileSync(path.join(realdata, p, 'stats.json'), 'utf8'));
const load = async (p: string) => readLayerFile(path.basename(p), new Uint8Array(readFileSync(path.join(realdata, p))));
const km = (features: Feature<Geometry>[], box?: [number, number, number, number]): number =>
  features.reduce((s, f) => s + length(box ? bboxClip(f as Feature<LineString | MultiLineString>, box) : f, { units: 'kilometers' }), 0);

if (!existsSync(realdata)) console.warn(`realdata absent: ${realdata} — OSM realdata tests skipped`);

describe.skipIf(!has('beijing-haidian-cau/map.osm'))('realdata: Beijing Haidian OSM XML', () => {
  it('classifies into layers with counts close to stats.json', async () => {
    const s = stats('beijing-haidian-cau');
    const r = await load('beijing-haidian-cau/map.osm');
    expect(r.ok).toBe(true);
    expect(r.detected.osmMissingNodeWays).toBe(0);
    const c = classifyOsm(r.features);
    // stats: 280 walkable ways (283 highways minus motorway 1 and motorway_link 2), 41.0 km clipped to the bounds.
    expect(Math.abs(c.counts.network - s.walkable_ways) / s.walkable_ways).toBeLessThan(0.1);
    const clipped = km(c.layers.network.features, [116.34403, 39.99767, 116.35974, 40.00888]);
    expect(Math.abs(clipped - s.walkable_km) / s.walkable_km).toBeLessThan(0.1);
    // 11 landuse=residential polygons (10 named) plus named residential buildings outside them.
    expect(c.counts.communities).toBeGreaterThanOrEqual(s.landuse_residential_polygons);
    expect(c.counts.communities).toBeLessThanOrEqual(s.landuse_residential_polygons + 3);
    expect(c.layers.communities.features.map((f) => f.properties?.name)).toEqual(expect.arrayContaining(['富润家园', '静淑苑', '双泉嘉苑', '清华东路27号院', '学士居']));
    expect(Math.abs(c.counts.parks - s.parks)).toBeLessThanOrEqual(2);
    expect(c.counts.parking).toBe(s.parking);
    const b = c.counts.byCategory;
    expect(b.kindergarten).toBe(2);
    expect((b.primary_school ?? 0) + (b.middle_school ?? 0)).toBe(3);
    expect(b.supermarket).toBe(2);
    expect(b.post_office).toBe(1);
    expect(b.public_toilet).toBe(2);
    expect(b.police).toBe(2);
    expect(c.unclassifiedByTag['amenity=restaurant']).toBe(33);
  });
});

describe.skipIf(!has('shanghai-jingan-drive/shanghai.osm'))('realdata: Shanghai Jing\'an drive network', () => {
  it('loads the network; excluding all trunk gives exactly the stats.json walkable ways', async () => {
    const s = stats('shanghai-jingan-drive');
    const r = await load('shanghai-jingan-drive/shanghai.osm');
    expect(r.ok).toBe(true);
    // 796 highways − 25 trunk − 75 trunk_link − 3 access=no = 693 walkable ways, 81.9 km.
    const strict = classifyOsm(r.features, { trunk: 'exclude' });
    expect(strict.counts.network).toBe(s.walkable_ways);
    expect(Math.abs(strict.counts.networkKm - s.walkable_km) / s.walkable_km).toBeLessThan(0.02);
    // Default: at-grade trunk and ramps stay (elevated 南北高架/延安高架 and the tunnel do not).
    const ground = classifyOsm(r.features);
    expect(ground.counts.network).toBeGreaterThan(s.walkable_ways);
    expect(ground.counts.network).toBeLessThan(s.walkable_ways * 1.05);
    expect(ground.layers.network.features.some((f) => String(f.properties?.name).includes('高架'))).toBe(false);
    expect(ground.counts.facilities).toBe(0);
  });
});

describe.skipIf(!has('helsinki-center/Helsinki.osm.pbf'))('realdata: Helsinki OSM PBF', () => {
  it('reads every element, tolerates the 421 ways cut at the box edge and classifies', async () => {
    const s = stats('helsinki-center');
    const r = await load('helsinki-center/Helsinki.osm.pbf');
    expect(r.ok).toBe(true);
    expect(r.detected.format).toBe('osm-pbf');
    expect(r.detected.osmMissingNodeWays).toBe(s.ways_with_missing_nodes);
    const c = classifyOsm(r.features);
    expect(Math.abs(c.counts.network - s.walkable_ways) / s.walkable_ways).toBeLessThan(0.05);
    // No segment of a cut way may jump across its missing nodes: every segment is short.
    let longest = 0;
    for (const f of c.layers.network.features) {
      const parts = f.geometry.type === 'LineString' ? [f.geometry.coordinates] : f.geometry.coordinates;
      for (const p of parts) for (let i = 1; i < p.length; i++) longest = Math.max(longest, distance(p[i - 1] as number[], p[i] as number[], { units: 'meters' }));
    }
    expect(longest).toBeLessThan(1000);
    expect(Math.abs(c.counts.parks - s.parks)).toBeLessThanOrEqual(3);
    expect(Math.abs(c.counts.parking - s.parking) / s.parking).toBeLessThan(0.15);
    expect(c.counts.byCategory.kindergarten).toBe(0);
    expect(c.counts.byCategory.public_toilet).toBe(18);
    expect(c.counts.byCategory.supermarket).toBe(6);
  });
});
