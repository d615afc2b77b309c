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
import { analyzeCoverage } from '../../src/core/analysis/coverage/runCoverage';
import { defaultRules } from '../../src/core/rules/defaultRules';

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
function distanceToLineM(p: Position, line: Position[]): number {
  const q = toM(p);
  let best = Infinity;
  for (let k = 0; k + 1 < line.length; k++) {
    const a = toM(line[k] as Position);
    const b = toM(line[k + 1] as Position);
    const dx = b[0] - a[0];
    const dy = b[1] - a[1];
    const t = Math.max(0, Math.min(1, ((q[0] - a[0]) * dx + (q[1] - a[1]) * dy) / (dx * dx + dy * dy)));
    best = Math.min(best, Math.hypot(q[0] - a[0] - t * dx, q[1] - a[1] - t * dy));
  }
  return best;
}
// every street piece in local metres, x0 y0 x1 y1, converted once and bucketed in 100 m cells
const streetPieces = Float64Array.from(
  demo.network.features.flatMap((f) => f.geometry.coordinates.slice(1).flatMap((b, k) => [...toM(f.geometry.coordinates[k] as Position), ...toM(b)])),
);
const CELL_M = 100;
const pieceCells = new Map<string, number[]>();
for (let i = 0; i < streetPieces.length; i += 4) {
  const [x0, y0, x1, y1] = [streetPieces[i], streetPieces[i + 1], streetPieces[i + 2], streetPieces[i + 3]] as number[] as [number, number, number, number];
  for (let cx = Math.floor(Math.min(x0, x1) / CELL_M); cx <= Math.floor(Math.max(x0, x1) / CELL_M); cx++) {
    for (let cy = Math.floor(Math.min(y0, y1) / CELL_M); cy <= Math.floor(Math.max(y0, y1) / CELL_M); cy++) {
      const key = `${cx}:${cy}`;
      pieceCells.set(key, [...(pieceCells.get(key) ?? []), i]);
    }
  }
}
function distanceToNetworkM(p: Position): number {
  const [qx, qy] = toM(p);
  const cx = Math.floor(qx / CELL_M);
  const cy = Math.floor(qy / CELL_M);
  let best = Infinity;
  // ring r of cells around the query's cell; pieces beyond it are more than r cells away
  for (let r = 0; r < 100 && best > (r - 1) * CELL_M; r++) {
    for (let dx = -r; dx <= r; dx++) {
      for (let dy = -r; dy <= r; dy++) {
        if (Math.max(Math.abs(dx), Math.abs(dy)) !== r) continue;
        for (const i of pieceCells.get(`${cx + dx}:${cy + dy}`) ?? []) {
          const ax = streetPieces[i] as number;
          const ay = streetPieces[i + 1] as number;
          const ex = (streetPieces[i + 2] as number) - ax;
          const ey = (streetPieces[i + 3] as number) - ay;
          const t = Math.max(0, Math.min(1, ((qx - ax) * ex + (qy - ay) * ey) / (ex * ex + ey * ey)));
          best = Math.min(best, Math.hypot(qx - ax - t * ex, qy - ay - t * ey));
        }
      }
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
    for (const c of ['kindergarten', 'primary_school', 'middle_school', 'health_centre', 'health_station', 'elderly_daycare', 'market', 'supermarket', 'public_toilet', 'refuse_station', 'community_service_station', 'small_sports_ground', 'culture_station', 'bus_stop', 'outdoor_fitness', 'community_shops', 'public_activity_ground']) {
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

describe('generateDemo: entrances', () => {
  const gatesOf = (c: Feature<Polygon, DemoData['communities']['features'][number]['properties']>): Position[] => c.properties.entrances?.coordinates ?? [];

  it('gives every community at most 3 gates, each on its fence (≤ 1 m) and facing a street (≤ 30 m)', () => {
    for (const c of demo.communities.features) {
      const gates = gatesOf(c);
      expect(gates.length, c.properties.id).toBeLessThanOrEqual(3);
      if (c.properties.entrances) expect(c.properties.entrances.type).toBe('MultiPoint');
      for (const g of gates) {
        expect(distanceToLineM(g, c.geometry.coordinates[0] as Position[]), `${c.properties.id} gate ${String(g)} off the fence`).toBeLessThanOrEqual(1);
        // the fence stands 4–18.5 m from the street's centre line (setback + up to 2.5 m)
        expect(distanceToNetworkM(g), `${c.properties.id} gate ${String(g)} far from a street`).toBeLessThanOrEqual(30);
      }
    }
  });

  it('gives compounds over 3.5 ha two or three gates, and leaves about 5 % of the old-core ones without', () => {
    const core = demo.meta.zones.old_core.bbox;
    const isOldCore = (c: Feature<Polygon, { built_year: number }>): boolean => c.properties.built_year <= 2000 && inBox(centroid(c).geometry.coordinates, core);
    const big = demo.communities.features.filter((c) => area(c) >= 35_000);
    expect(big.length).toBeGreaterThanOrEqual(10);
    for (const c of big) expect(gatesOf(c).length, c.properties.id).toBeGreaterThanOrEqual(2);
    const without = demo.communities.features.filter((c) => !c.properties.entrances);
    const oldCore = demo.communities.features.filter(isOldCore);
    // ≥ 40 old-core compounds (see the gaps below): 5 % is 2 or more, and both code paths stay in use
    expect(without.length).toBeGreaterThanOrEqual(2);
    expect(without.length).toBeLessThanOrEqual(Math.ceil(oldCore.length * 0.1));
    for (const c of without) expect(isOldCore(c), c.properties.id).toBe(true);
  });
});

describe('generateDemo: walking coverage (analysis engine, network mode)', () => {
  let cached: ReturnType<typeof analyzeCoverage> | undefined;
  const coverage = (): ReturnType<typeof analyzeCoverage> =>
    (cached ??= analyzeCoverage({ communities: demo.communities, facilities: demo.facilities, network: demo.network, rules: defaultRules }, { mode: 'network' }));
  const cs = demo.communities.features;
  // the engine's weight: population, else households × 2.8 (DESIGN §3)
  const people = cs.map((c) => c.properties.population ?? c.properties.households * 2.8);
  const core = demo.meta.zones.old_core.bbox;
  const east = demo.meta.zones.new_east.bbox;
  const oldCore = cs.map((c) => c.properties.built_year <= 2000 && inBox(centroid(c).geometry.coordinates, core));
  const newEast = cs.map((c) => inBox(centroid(c).geometry.coordinates, east));
  const old = cs.map((c) => c.properties.built_year <= 2000);
  /** population-weighted share of the selected communities within the category's radius */
  const rate = (category: string, selected: boolean[]): number => {
    const r = coverage();
    const k = r.categoryIds.indexOf(category);
    let hit = 0;
    let all = 0;
    selected.forEach((on, c) => {
      if (!on) return;
      all += people[c] as number;
      if (r.ok[k * r.communityCount + c]) hit += people[c] as number;
    });
    return hit / all;
  };
  /** population-weighted mean share of a level's mandatory categories met */
  const completeness = (level: string, selected: boolean[]): number => {
    const r = coverage();
    const l = r.levelIds.indexOf(level);
    let sum = 0;
    let all = 0;
    selected.forEach((on, c) => {
      if (!on) return;
      all += people[c] as number;
      sum += (people[c] as number) * (r.levelCompleteness[l * r.communityCount + c] as number);
    });
    return sum / all;
  };

  it('reaches every community from its gates (or centre) and every facility', () => {
    const r = coverage();
    expect(r.unreachableCommunities).toEqual([]);
    expect(r.unreachableFacilities).toEqual([]);
    expect(r.warnings).toEqual([]);
  });

  it('covers 35–65 % of residents per 5-minute category, 55–80 % per 10-minute and 75–95 % per 15-minute one', () => {
    const bands: Record<string, [number, number]> = { '5min': [0.35, 0.65], '10min': [0.55, 0.8], '15min': [0.75, 0.95] };
    const stocked = coverage().stats.categories.filter((c) => c.facilities > 0);
    // 15 five-minute, 4 ten-minute and 8 fifteen-minute categories have facilities; none at block level
    expect(stocked.map((c) => c.level).sort()).toEqual([...Array(4).fill('10min'), ...Array(8).fill('15min'), ...Array(15).fill('5min')]);
    for (const c of stocked) {
      const [lo, hi] = bands[c.level] as [number, number];
      expect(c.population.rate, `${c.id} (${c.level})`).toBeGreaterThanOrEqual(lo);
      expect(c.population.rate, `${c.id} (${c.level})`).toBeLessThanOrEqual(hi);
    }
    expect(stocked.find((c) => c.id === 'middle_school')?.radius).toBe(1000);
  });

  it('keeps the old core without kindergarten and elderly day care, and the new east district without a market', () => {
    const elsewhere = (sel: boolean[]): boolean[] => sel.map((on) => !on);
    expect(rate('kindergarten', oldCore)).toBeLessThanOrEqual(0.05);
    expect(rate('elderly_daycare', oldCore)).toBeLessThanOrEqual(0.05);
    expect(rate('market', newEast)).toBeLessThanOrEqual(0.05);
    // the rest of the town is served, so the gaps stand out
    expect(rate('kindergarten', elsewhere(oldCore))).toBeGreaterThanOrEqual(0.4);
    expect(rate('elderly_daycare', elsewhere(oldCore))).toBeGreaterThanOrEqual(0.35);
    expect(rate('market', elsewhere(newEast))).toBeGreaterThanOrEqual(0.7);
  });

  it('leaves old communities (built ≤ 2000) with more gaps than new ones', () => {
    const isNew = old.map((o) => !o);
    expect(completeness('5min', old)).toBeLessThan(completeness('5min', isNew) - 0.1);
    expect(completeness('10min', old)).toBeLessThan(completeness('10min', isNew));
    expect(rate('kindergarten', old)).toBeLessThan(rate('kindergarten', isNew) - 0.3);
    // mandatory categories met over the three life circles (12 + 4 + 10 of them)
    const met = (sel: boolean[]): number =>
      coverage().stats.levels.filter((l) => l.id !== 'block').reduce((sum, l) => sum + completeness(l.id, sel) * l.mandatoryCategories.length, 0);
    expect(met(old)).toBeLessThan(met(isNew));
  });

  it('has some residents with every mandatory 5-minute category at hand (no mandatory 5-minute category is empty)', () => {
    const five = coverage().stats.levels.find((l) => l.id === '5min');
    const stocked = new Set(coverage().stats.categories.filter((c) => c.facilities > 0).map((c) => c.id));
    for (const id of five?.mandatoryCategories ?? []) expect(stocked.has(id), id).toBe(true);
    expect(five?.complete.population.rate).toBeGreaterThan(0);
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
