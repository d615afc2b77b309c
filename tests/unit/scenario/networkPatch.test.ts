import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { analyzeStudyArea, DEFAULT_STUDY_AREA_SETTINGS, StudyArea, type StudyAreaLayers, type StudyAreaResult } from '../../../src/core/studyArea';
import { applyEdits, type ScenarioEdit } from '../../../src/core/scenario';
import { normalizeLayer, type LayerKind } from '../../../src/core/model';
import { defaultRules } from '../../../src/core/rules/defaultRules';
import type { RuleSet } from '../../../src/core/rules';
import { generateSyntheticCity } from '../../../scripts/bench/syntheticCity';
import { benchCategoryIds, benchRules } from '../../../scripts/bench/benchRules';

type FC = FeatureCollection<Geometry, Record<string, unknown>>;
const settings = { ...DEFAULT_STUDY_AREA_SETTINGS, mode: 'network' as const };

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

/** The fast result equals the one from scratch: distances to 1e-6 m, flags, completeness, stats, parking, parks. */
function expectSame(fast: StudyAreaResult, ref: StudyAreaResult): void {
  const a = fast.coverage, b = ref.coverage;
  expect(a.distance.length).toBe(b.distance.length);
  for (let i = 0; i < a.distance.length; i++) {
    if (a.distance[i] === b.distance[i]) continue;
    if (Math.abs(a.distance[i] - b.distance[i]) > 1e-6) expect.fail(`distance ${i}: ${a.distance[i]} instead of ${b.distance[i]}`);
  }
  expect(Array.from(a.ok)).toEqual(Array.from(b.ok));
  expect(Array.from(a.levelCompleteness)).toEqual(Array.from(b.levelCompleteness));
  expect(a.stats).toEqual(b.stats);
  expect(a.unreachableCommunities.map((x) => [x.index, x.reason])).toEqual(b.unreachableCommunities.map((x) => [x.index, x.reason]));
  expect(a.unreachableFacilities.map((x) => [x.index, x.reason])).toEqual(b.unreachableFacilities.map((x) => [x.index, x.reason]));
  expect(Array.from(fast.parking.gap)).toEqual(Array.from(ref.parking.gap));
  if (ref.parks) expect(Array.from(fast.parks!.ok)).toEqual(Array.from(ref.parks.ok));
  expect(Array.from(fast.renovation.score)).toEqual(Array.from(ref.renovation.score));
}

/** Runs the edits on the analysed baseline (the fast path) and from scratch; returns both results. */
function compare(base: StudyArea, layers: StudyAreaLayers, rules: RuleSet, edits: ScenarioEdit[]) {
  const s = base.withEdits(edits);
  expect(s.problems).toEqual([]);
  const fast = s.area.analyze(rules, settings);
  const ref = analyzeStudyArea(applyEdits(layers, edits).layers, rules, settings);
  expectSame(fast, ref.result);
  return { fast, ref: ref.result, area: s.area, refArea: ref.area };
}

const link = (id: string, coordinates: number[][]): ScenarioEdit => ({ op: 'add', layer: 'network', id, geometry: { type: 'LineString', coordinates }, properties: {} });

describe('a scenario that adds links runs incrementally on the patched graph, with the numbers of a run from scratch (issue 11)', () => {
  const demo = (kind: LayerKind): FC => normalizeLayer(JSON.parse(readFileSync(path.resolve(__dirname, '../../../data/demo', `${kind}.geojson`), 'utf8')), kind) as FC;
  const layers: StudyAreaLayers = { communities: demo('communities'), facilities: demo('facilities'), network: demo('network'), parks: demo('parks'), parking: demo('parking') };
  const base = new StudyArea(layers);
  base.analyze(defaultRules, settings);
  const g = base.graph!;
  const rand = rng(21);
  const at = (i: number) => [g.coords[2 * i], g.coords[2 * i + 1]];
  const node = () => Math.floor(rand() * g.nodeCount);
  /** a point 30–70 % along a random edge (splits it) */
  const onEdge = () => {
    const e = Math.floor(rand() * g.edgeCount);
    const [a, b] = [at(g.edgeFrom[e]), at(g.edgeTo[e])];
    const f = 0.3 + 0.4 * rand();
    return [a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f];
  };

  it('demo data: node to node, node to a split, split to split, several links at once', () => {
    // short node-to-node links touch a small part of the network; long links with bends more
    let relaxed = 0, refRelaxed = 0, nodeToNode = 0, refNodeToNode = 0;
    for (let trial = 0; trial < 8; trial++) {
      const a = node(), nb = g.targets[g.offsets[g.targets[g.offsets[a]]]];
      const kind = trial % 4;
      const edits = kind === 0 ? [link(`n${trial}`, [at(a), at(nb)])]
        : kind === 1 ? [link(`s${trial}`, [at(a), onEdge()])]
          : kind === 2 ? [link(`ss${trial}`, [onEdge(), onEdge()])]
            : [link(`m${trial}a`, [at(a), at(nb)]), link(`m${trial}b`, [at(node()), [at(a)[0] + 0.001, at(a)[1] + 0.0007], at(node())])];
      const { fast, ref } = compare(base, layers, defaultRules, edits);
      relaxed += fast.coverage.relaxed;
      refRelaxed += ref.coverage.relaxed;
      if (kind !== 0) continue;
      nodeToNode += fast.coverage.relaxed;
      refNodeToNode += ref.coverage.relaxed;
    }
    expect(relaxed).toBeLessThan(refRelaxed / 2);
    expect(nodeToNode).toBeLessThan(refNodeToNode / 5);
  });

  it('demo data: a link right beside a community moves its snap; follow-up questions work on the patched graph', () => {
    // the community whose sample lies farthest from the network, a link passing 0.5 m from it
    const feats = layers.communities.features;
    const fast0 = base.context(defaultRules, settings);
    const snap = fast0.network!.sampleSnap;
    let s = 0;
    for (let i = 1; i < snap.count; i++) if (snap.ok[i] && snap.access[i] > snap.access[s]) s = i;
    const [lon, lat] = [fast0.communities.samples[2 * s], fast0.communities.samples[2 * s + 1]];
    const e = snap.edge[s];
    const beside = [lon + 0.000005, lat];
    const { fast, area, refArea } = compare(base, layers, defaultRules, [link('beside', [at(g.edgeFrom[e]), beside, at(g.edgeTo[e])])]);
    const c = Array.from(fast0.communities.sampleOffsets).findIndex((o, i) => o <= s && s < fast0.communities.sampleOffsets[i + 1]);
    expect(c).toBeGreaterThanOrEqual(0);
    expect(area.context(defaultRules, settings).network!.sampleSnap.access[s]).toBeLessThan(1);
    // follow-up questions on the scenario: the same answers as the area built from scratch
    const k = fast.coverage.categoryIds.findIndex((_, i) => fast.coverage.distance[i * feats.length + c] < Infinity);
    const cat = fast.coverage.categoryIds[k];
    expect(area.route(cat, c)!.distance).toBeCloseTo(refArea.route(cat, c)!.distance, 6);
    expect(area.serviceArea(cat)!.edges!.length).toBe(refArea.serviceArea(cat)!.edges!.length);
    const box = { type: 'Polygon' as const, coordinates: [[[lon - 0.01, lat - 0.01], [lon + 0.01, lat - 0.01], [lon + 0.01, lat + 0.01], [lon - 0.01, lat + 0.01], [lon - 0.01, lat - 0.01]]] };
    expect(area.candidatesInArea(box).length).toBe(refArea.candidatesInArea(box).length);
    const suggestion = area.suggestSites(defaultRules, settings, { categoryId: cat, k: 2, candidates: area.candidatesInArea(box) });
    const refSuggestion = refArea.suggestSites(defaultRules, settings, { categoryId: cat, k: 2, candidates: refArea.candidatesInArea(box) });
    // candidates are numbered in node order, which differs (new nodes come last): compare what they gain and where
    expect(suggestion.picks.map((p) => [p.lon, p.lat, p.gainPopulation])).toEqual(refSuggestion.picks.map((p) => [p.lon, p.lat, p.gainPopulation]));
    expect(suggestion.picks.length).toBe(2);
  });

  it('a link that helps nobody changes nothing and searches almost nothing', () => {
    // along an existing edge: a duplicate of it
    const e = 11;
    const { fast, ref } = compare(base, layers, defaultRules, [link('dup', [at(g.edgeFrom[e]), at(g.edgeTo[e])])]);
    expect(Array.from(fast.coverage.distance)).toEqual(Array.from(base.analyze(defaultRules, settings).coverage.distance));
    expect(fast.coverage.relaxed).toBeLessThan(ref.coverage.relaxed / 50);
  });

  it('without a baseline run, or with other rules, the scenario runs in full and agrees', () => {
    const edits = [link('x', [at(5), at(g.targets[g.offsets[g.targets[g.offsets[5]]]])])];
    const cold = new StudyArea(layers).withEdits(edits).area.analyze(defaultRules, settings);
    const ref = analyzeStudyArea(applyEdits(layers, edits).layers, defaultRules, settings).result;
    expectSame(cold, ref);
    const other = { ...defaultRules, categories: defaultRules.categories.map((c) => (c.id === 'kindergarten' ? { ...c, radius_m: 500 } : c)) };
    const r2 = base.withEdits(edits).area.analyze(other, settings);
    expectSame(r2, analyzeStudyArea(applyEdits(layers, edits).layers, other, settings).result);
  });
});

describe('network patch on a synthetic city: many random links (issue 11)', () => {
  const city = generateSyntheticCity({ nodes: 10_000, communities: 1_000, facilitiesPerCategory: 100, categories: benchCategoryIds, seed: 5 });
  // an island: a street not joined to the city, with two communities beside it
  const g0 = new StudyArea({ communities: city.communities as unknown as FC, facilities: city.facilities as unknown as FC, network: city.network as unknown as FC }).graph!;
  let minLon = Infinity, minLat = Infinity;
  for (let i = 0; i < g0.nodeCount; i++) {
    minLon = Math.min(minLon, g0.coords[2 * i]);
    minLat = Math.min(minLat, g0.coords[2 * i + 1]);
  }
  const islandLat = minLat - 0.004;
  const island: Feature<Geometry, Record<string, unknown>> = { type: 'Feature', properties: { id: 'island' }, geometry: { type: 'LineString', coordinates: [[minLon, islandLat], [minLon + 0.004, islandLat]] } };
  const islanders = [0.001, 0.003].map((dx, i): Feature<Geometry, Record<string, unknown>> => ({
    type: 'Feature', properties: { id: `islander-${i}`, households: 100, population: 280 }, geometry: { type: 'Point', coordinates: [minLon + dx, islandLat + 0.0002] },
  }));
  const layers: StudyAreaLayers = {
    communities: { type: 'FeatureCollection', features: [...(city.communities.features as unknown as Feature<Geometry, Record<string, unknown>>[]), ...islanders] },
    facilities: city.facilities as unknown as FC,
    network: { type: 'FeatureCollection', features: [...(city.network.features as unknown as Feature<Geometry, Record<string, unknown>>[]), island] },
  };
  const base = new StudyArea(layers);
  const baseline = base.analyze(benchRules, settings);
  const g = base.graph!;
  const rand = rng(77);
  const at = (i: number) => [g.coords[2 * i], g.coords[2 * i + 1]];
  const node = () => Math.floor(rand() * g.nodeCount);
  const onEdge = () => {
    const e = Math.floor(rand() * g.edgeCount);
    const [a, b] = [at(g.edgeFrom[e]), at(g.edgeTo[e])];
    const f = 0.25 + 0.5 * rand();
    return [a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f];
  };

  it('has an island out of reach in the baseline', () => {
    expect(g.componentCount).toBe(2);
    const C = layers.communities.features.length;
    expect(baseline.coverage.distance[C - 1]).toBe(Infinity);
  });

  it('node to node, node to a split, long links with bends: the same numbers, far fewer edges relaxed', () => {
    let relaxed = 0, refRelaxed = 0;
    for (let trial = 0; trial < 24; trial++) {
      const a = node(), nb = g.targets[g.offsets[g.targets[g.offsets[a]]]];
      const kind = trial % 4;
      const coordinates = kind === 0 ? [at(a), at(nb)]
        : kind === 1 ? [at(a), onEdge()]
          : kind === 2 ? [at(a), [at(a)[0] + 0.002, at(a)[1] + 0.001], at(node())]
            : [at(a), at(g.targets[g.offsets[a]]), at(nb)]; // along an existing edge, then across
      const { fast, ref } = compare(base, layers, benchRules, [link(`r${trial}`, coordinates)]);
      expect(fast.coverage.relaxed).toBeLessThan(ref.coverage.relaxed / 3);
      relaxed += fast.coverage.relaxed;
      refRelaxed += ref.coverage.relaxed;
    }
    expect(relaxed).toBeLessThan(refRelaxed / 3);
  });

  it('a link joining the island to the city brings its communities within reach', () => {
    // from the island's west end to the city's nearest node
    let best = 0, bestD = Infinity;
    for (let i = 0; i < g.nodeCount; i++) {
      const d = Math.hypot(g.coords[2 * i] - minLon, g.coords[2 * i + 1] - islandLat);
      if (d < bestD && Math.abs(g.coords[2 * i + 1] - islandLat) > 1e-9) {
        bestD = d;
        best = i;
      }
    }
    const { fast } = compare(base, layers, benchRules, [link('bridge', [[minLon, islandLat], at(best)])]);
    const C = layers.communities.features.length;
    expect(fast.coverage.distance[C - 1]).toBeLessThan(Infinity);
    expect(fast.coverage.unreachableCommunities.some((x) => x.index === C - 1)).toBe(false);
  });

  it('a link passing right beside communities moves their snaps and still agrees', () => {
    const ctx = base.context(benchRules, settings);
    for (let trial = 0; trial < 4; trial++) {
      const c = Math.floor(rand() * 900);
      const s = ctx.communities.sampleOffsets[c];
      const [lon, lat] = [ctx.communities.samples[2 * s], ctx.communities.samples[2 * s + 1]];
      const e = ctx.network!.sampleSnap.edge[s];
      const { area } = compare(base, layers, benchRules, [link(`b${trial}`, [at(g.edgeFrom[e]), [lon, lat + 0.000003], at(g.edgeTo[e])])]);
      expect(area.context(benchRules, settings).network!.sampleSnap.access[s]).toBeLessThan(0.5);
    }
  });
});

describe('a split segment on a shortest path (issue 11)', () => {
  // one street C–A–B–D; the community near C walks along A–B to the facility near D
  const street = [[118.0, 32.0], [118.0003, 32.0002], [118.00043, 32.00031], [118.0008, 32.0006]];
  const layers: StudyAreaLayers = {
    network: { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { id: 'street' }, geometry: { type: 'LineString', coordinates: street } }] },
    communities: { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { id: 'c', households: 100, population: 280 }, geometry: { type: 'Point', coordinates: [118.0, 32.00002] } }] },
    facilities: { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { id: 'k', category: 'kindergarten' }, geometry: { type: 'Point', coordinates: [118.0008, 32.00062] } }] },
  };
  it('lengthens the path by the hair the rounded split point adds, as a rebuilt graph does', () => {
    const base = new StudyArea(layers);
    const before = base.analyze(defaultRules, settings);
    // the stub's end touches A–B where rounding the split point to 7 decimals costs the most
    const [a, b] = [street[1], street[2]];
    let edit: ScenarioEdit | null = null, worst = 0;
    for (let i = 1; i < 200; i++) {
      const t = 0.3 + 0.4 * (i / 200);
      const end = [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
      const e = link('stub', [end, [end[0] - 0.0002, end[1] + 0.0003]]);
      const g = new StudyArea(applyEdits(layers, [e]).layers).graph!;
      const ab = Array.from(g.edgeLength).reduce((s, l) => s + l, 0) - new StudyArea(layers).graph!.stats!.totalLength;
      const stub = g.edgeLength[g.edgeCount - 1];
      const extra = Math.abs(ab - stub);
      if (extra > worst) [worst, edit] = [extra, e];
    }
    expect(worst).toBeGreaterThan(2e-6);
    const { fast } = compare(base, layers, defaultRules, [edit!]);
    const k = fast.coverage.categoryIds.indexOf('kindergarten');
    expect(fast.coverage.distance[k]).toBeGreaterThan(before.coverage.distance[k] + 1e-6);
  });
});
