/**
 * The bundled demo town (scripts/generate-demo.ts → data/demo/): deterministic,
 * big enough, inside its box, with the gaps it promises.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { area, booleanIntersects, centroid } from '@turf/turf';
import type { Feature, LineString, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { generateDemo, type DemoData } from '../../scripts/demo/generateDemo';
import { serializeDemo } from '../../scripts/demo/writeDemo';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const demo: DemoData = generateDemo();
const REGENERATE = 'run `npm run generate-demo` and commit data/demo/';

type Box = [number, number, number, number];
const inBox = (p: Position, b: Box): boolean => (p[0] as number) >= b[0] && (p[0] as number) <= b[2] && (p[1] as number) >= b[1] && (p[1] as number) <= b[3];
const bboxOf = (coords: Position[]): Box => {
  const xs = coords.map((c) => c[0] as number);
  const ys = coords.map((c) => c[1] as number);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
};
const boxesTouch = (a: Box, b: Box): boolean => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];

/** Local metres around the town (equirectangular; < 0.1 % off haversine over 6 km). */
const M_PER_DEG_LAT = (6371008.8 * Math.PI) / 180;
const M_PER_DEG_LON = M_PER_DEG_LAT * Math.cos((33.2225 * Math.PI) / 180);
const toM = (p: Position): [number, number] => [(p[0] as number) * M_PER_DEG_LON, (p[1] as number) * M_PER_DEG_LAT];
function distanceToNetworkM(p: Position): number {
  const q = toM(p);
  let best = Infinity;
  for (const f of demo.network.features) {
    const c = f.geometry.coordinates;
    for (let k = 0; k + 1 < c.length; k++) {
      const a = toM(c[k] as Position);
      const b = toM(c[k + 1] as Position);
      const dx = b[0] - a[0];
      const dy = b[1] - a[1];
      const t = Math.max(0, Math.min(1, ((q[0] - a[0]) * dx + (q[1] - a[1]) * dy) / (dx * dx + dy * dy)));
      best = Math.min(best, Math.hypot(q[0] - a[0] - t * dx, q[1] - a[1] - t * dy));
    }
  }
  return best;
}

function allPositions(data: DemoData): Position[] {
  const out: Position[] = [];
  for (const fc of [data.network, data.communities, data.parks, data.parking, data.facilities, data.water]) {
    for (const f of fc.features) {
      const g = f.geometry;
      if (g.type === 'Point') out.push(g.coordinates);
      else if (g.type === 'LineString') out.push(...g.coordinates);
      else for (const ring of g.coordinates) out.push(...ring);
    }
  }
  return out;
}

describe('generateDemo: determinism', () => {
  it('gives identical files on two runs with the same seed', () => {
    const again = serializeDemo(generateDemo());
    const first = serializeDemo(demo);
    for (const name of Object.keys(first)) expect(again[name] === first[name], `${name} differs between two runs`).toBe(true);
  });

  it('gives a different town for another seed', () => {
    expect(serializeDemo(generateDemo(7))['network.geojson']).not.toBe(serializeDemo(demo)['network.geojson']);
  });

  it('matches the committed data/demo files byte for byte', () => {
    for (const [name, content] of Object.entries(serializeDemo(demo))) {
      const file = path.join(repoRoot, 'data/demo', name);
      expect(existsSync(file), `data/demo/${name} is missing: ${REGENERATE}`).toBe(true);
      expect(readFileSync(file, 'utf8') === content, `data/demo/${name} is stale: ${REGENERATE}`).toBe(true);
    }
  });
});

describe('generateDemo: size and shape', () => {
  it('has at least 3,000 network features and 3,000 junction-to-junction segments', () => {
    expect(demo.network.features.length).toBeGreaterThanOrEqual(3000);
    // merge every chain through degree-2 vertices, whatever the properties: the strictest reading
    const degree = new Map<string, number>();
    for (const f of demo.network.features) {
      const c = f.geometry.coordinates;
      for (const p of [c[0], c[c.length - 1]]) degree.set(String(p), (degree.get(String(p)) ?? 0) + 1);
    }
    let pseudo = 0;
    for (const d of degree.values()) if (d === 2) pseudo++;
    // each degree-2 joint merges two features into one (closed loops aside, which only lower the count further by 1 each)
    expect(demo.network.features.length - pseudo).toBeGreaterThanOrEqual(3000);
  });

  it('has the four street kinds, names on main and secondary roads, and 3–5 bridges', () => {
    const kinds = new Set(demo.network.features.map((f) => f.properties.kind));
    expect([...kinds].sort()).toEqual(['footpath', 'lane', 'main', 'secondary']);
    for (const f of demo.network.features) if (f.properties.kind === 'main' || f.properties.kind === 'secondary') expect(f.properties.name, f.properties.id).toBeTruthy();
    const bridges = demo.network.features.filter((f) => f.properties.bridge === true);
    expect(bridges.length).toBeGreaterThanOrEqual(3);
    expect(bridges.length).toBeLessThanOrEqual(5);
  });

  it('is one connected network (shared vertices are bit-identical)', () => {
    const parent = new Map<string, string>();
    const find = (k: string): string => {
      let r = k;
      while (parent.get(r) !== r) r = parent.get(r) as string;
      parent.set(k, r);
      return r;
    };
    for (const f of demo.network.features) {
      const keys = f.geometry.coordinates.map(String);
      for (const k of keys) if (!parent.has(k)) parent.set(k, k);
      for (let i = 1; i < keys.length; i++) parent.set(find(keys[i] as string), find(keys[0] as string));
    }
    const roots = new Set([...parent.keys()].map(find));
    expect(roots.size).toBe(1);
  });

  it('has at least 150 communities with unique names and plausible attributes', () => {
    const cs = demo.communities.features;
    expect(cs.length).toBeGreaterThanOrEqual(150);
    expect(new Set(cs.map((c) => c.properties.name)).size).toBe(cs.length);
    expect(cs.filter((c) => c.properties.population === undefined)).toHaveLength(5);
    for (const { properties: p } of cs) {
      const old = p.built_year <= 2000;
      expect(p.built_year).toBeGreaterThanOrEqual(1980);
      expect(p.built_year).toBeLessThanOrEqual(2022);
      if (old) expect(p.households).toBeGreaterThanOrEqual(100), expect(p.households).toBeLessThanOrEqual(800);
      else expect(p.households).toBeLessThanOrEqual(2500);
      if (p.built_year >= 2010) expect(p.households).toBeGreaterThanOrEqual(500);
      if (p.population !== undefined) {
        // 2.6–3.1 people per household, ± 1 for rounding
        expect(p.population).toBeGreaterThanOrEqual(p.households * 2.6 - 1);
        expect(p.population).toBeLessThanOrEqual(p.households * 3.1 + 1);
      }
      const ratio = p.parking_spaces / p.households;
      if (old) expect(ratio).toBeLessThanOrEqual(0.3 + 1 / p.households);
      if (p.built_year >= 2010) expect(ratio).toBeGreaterThanOrEqual(0.8 - 1 / p.households);
    }
    expect(cs.filter((c) => c.properties.built_year <= 2000).length).toBeGreaterThanOrEqual(60);
  });

  it('has parks in each size class: < 2,000 m², 2,000–5,000 m², ≥ 5,000 m², and one ≥ 5 ha', () => {
    const areas = demo.parks.features.map((f) => area(f));
    expect(areas.filter((a) => a < 2000).length).toBeGreaterThanOrEqual(2);
    expect(areas.filter((a) => a >= 2000 && a < 5000).length).toBeGreaterThanOrEqual(2);
    expect(areas.filter((a) => a >= 5000).length).toBeGreaterThanOrEqual(2);
    expect(Math.max(...areas)).toBeGreaterThanOrEqual(50_000);
  });

  it('has public parking lots with 30–300 spaces and a few non-public ones', () => {
    const lots = demo.parking.features.map((f) => f.properties);
    const pub = lots.filter((p) => p.public);
    expect(pub.length).toBeGreaterThanOrEqual(20);
    for (const p of pub) expect(p.spaces).toBeGreaterThanOrEqual(30), expect(p.spaces).toBeLessThanOrEqual(300);
    expect(lots.some((p) => !p.public)).toBe(true);
  });

  it('has facilities of at least 12 categories with unique names', () => {
    const cats = new Set(demo.facilities.features.map((f) => f.properties.category));
    expect(cats.size).toBeGreaterThanOrEqual(12);
    for (const c of ['kindergarten', 'primary_school', 'middle_school', 'health_centre', 'health_station', 'elderly_daycare', 'market', 'supermarket', 'public_toilet', 'refuse_station', 'community_service_station', 'small_sports_ground', 'culture_station', 'bus_stop', 'outdoor_fitness']) {
      expect(cats.has(c), c).toBe(true);
    }
    const names = demo.facilities.features.map((f) => f.properties.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('meta counts match the collections', () => {
    const m = demo.meta;
    expect(m.synthetic).toBe(true);
    expect(m.notice_zh).toBe('本示例数据为程序生成的虚构县城，仅用于演示');
    expect(m.counts).toEqual({
      network: demo.network.features.length,
      communities: demo.communities.features.length,
      parks: demo.parks.features.length,
      parking: demo.parking.features.length,
      facilities: demo.facilities.features.length,
      water: 1,
    });
    const sum = Object.values(m.facility_categories).reduce((a, b) => a + b, 0);
    expect(sum).toBe(demo.facilities.features.length);
  });
});

describe('generateDemo: geometry', () => {
  it('keeps every coordinate inside the bbox, rounded to 6 decimals', () => {
    const box = demo.meta.bbox;
    expect(box).toEqual([115.6, 33.2, 115.6645, 33.245]);
    for (const p of allPositions(demo)) {
      expect(inBox(p, box), String(p)).toBe(true);
      expect(Math.round((p[0] as number) * 1e6) / 1e6).toBe(p[0]);
      expect(Math.round((p[1] as number) * 1e6) / 1e6).toBe(p[1]);
    }
  });

  it('crosses the river only on bridges', () => {
    const river = demo.water.features[0] as Feature<Polygon>;
    const riverBox = bboxOf(river.geometry.coordinates[0] as Position[]);
    let bridgesOverWater = 0;
    for (const f of demo.network.features) {
      if (!boxesTouch(bboxOf(f.geometry.coordinates), riverBox)) continue;
      const hits = booleanIntersects(f, river);
      if (f.properties.bridge === true) bridgesOverWater += hits ? 1 : 0;
      else expect(hits, `${f.properties.id} (${f.properties.name ?? f.properties.kind}) touches the river`).toBe(false);
    }
    expect(bridgesOverWater).toBeGreaterThanOrEqual(3);
  });

  it('keeps communities apart from each other and off the streets', () => {
    const cs = demo.communities.features;
    const boxes = cs.map((c) => bboxOf(c.geometry.coordinates[0] as Position[]));
    for (let a = 0; a < cs.length; a++) {
      for (let b = a + 1; b < cs.length; b++) {
        if (!boxesTouch(boxes[a] as Box, boxes[b] as Box)) continue;
        expect(booleanIntersects(cs[a] as Feature<Polygon>, cs[b] as Feature<Polygon>), `${cs[a]?.properties.id} × ${cs[b]?.properties.id}`).toBe(false);
      }
    }
    const lineBoxes = demo.network.features.map((f) => bboxOf(f.geometry.coordinates));
    cs.forEach((c, a) => {
      demo.network.features.forEach((f, k) => {
        if (!boxesTouch(boxes[a] as Box, lineBoxes[k] as Box)) return;
        expect(booleanIntersects(c, f as Feature<LineString>), `${c.properties.id} × ${f.properties.id}`).toBe(false);
      });
    });
  });

  it('keeps parks off communities and the water, and has no zero-length street pieces', () => {
    const river = demo.water.features[0] as Feature<Polygon>;
    for (const park of demo.parks.features) {
      expect(booleanIntersects(park, river), park.properties.name).toBe(false);
      for (const c of demo.communities.features) {
        if (!boxesTouch(bboxOf(park.geometry.coordinates[0] as Position[]), bboxOf(c.geometry.coordinates[0] as Position[]))) continue;
        expect(booleanIntersects(park, c), `${park.properties.name} × ${c.properties.name}`).toBe(false);
      }
    }
    for (const f of demo.network.features) {
      const c = f.geometry.coordinates;
      for (let k = 0; k + 1 < c.length; k++) expect(String(c[k]) === String(c[k + 1]), f.properties.id).toBe(false);
    }
  });

  it('puts facilities within 80 m of a street; communities touch one within 25 m, centroids within ~150–200 m', () => {
    for (const f of [...demo.facilities.features, ...demo.parking.features]) {
      expect(distanceToNetworkM(f.geometry.coordinates), f.properties.id).toBeLessThanOrEqual(80);
    }
    let far = 0;
    for (const c of demo.communities.features) {
      const ring = c.geometry.coordinates[0] as Position[];
      expect(Math.min(...ring.map(distanceToNetworkM)), c.properties.id).toBeLessThanOrEqual(25);
      const d = distanceToNetworkM(centroid(c).geometry.coordinates);
      expect(d, c.properties.id).toBeLessThanOrEqual(200);
      if (d > 150) far++;
    }
    // only the few biggest new compounds (about 300 m across) have their middle past 150 m
    expect(far).toBeLessThanOrEqual(10);
  });
});

describe('generateDemo: deliberate gaps', () => {
  const count = (category: string, box: Box): number => demo.facilities.features.filter((f) => f.properties.category === category && inBox(f.geometry.coordinates, box)).length;
  const core = demo.meta.zones.old_core.bbox;
  const east = demo.meta.zones.new_east.bbox;

  it('the old core is full of old communities but has (almost) no kindergarten or elderly day care', () => {
    const oldInCore = demo.communities.features.filter((c) => c.properties.built_year <= 2000 && inBox(centroid(c).geometry.coordinates, core));
    expect(oldInCore.length).toBeGreaterThanOrEqual(40);
    expect(count('kindergarten', core)).toBeLessThanOrEqual(1);
    expect(count('elderly_daycare', core)).toBeLessThanOrEqual(1);
    expect(count('kindergarten', [115.6, 33.2, 115.6645, 33.245])).toBeGreaterThanOrEqual(10);
  });

  it('the new east district has communities but no market', () => {
    const inEast = demo.communities.features.filter((c) => inBox(centroid(c).geometry.coordinates, east));
    expect(inEast.length).toBeGreaterThanOrEqual(20);
    expect(count('market', east)).toBe(0);
    expect(demo.meta.facility_categories.market).toBeGreaterThanOrEqual(5);
  });
});

describe('generateDemo: categories exist in the default rule set', () => {
  const rulesFile = path.join(repoRoot, 'data/rules/gb50180-2018.json');
  const present = existsSync(rulesFile);
  if (!present) console.warn(`rule set absent: ${rulesFile} not found; skipping the category check`);
  it.skipIf(!present)('every facility category is a category id of data/rules/gb50180-2018.json', () => {
    const rules = JSON.parse(readFileSync(rulesFile, 'utf8')) as { categories: { id: string }[] };
    const ids = new Set(rules.categories.map((c) => c.id));
    for (const cat of Object.keys(demo.meta.facility_categories)) expect(ids.has(cat), cat).toBe(true);
  });
});
