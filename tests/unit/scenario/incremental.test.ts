import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FeatureCollection, Geometry } from 'geojson';
import { analyzeStudyArea, DEFAULT_STUDY_AREA_SETTINGS, StudyArea } from '../../../src/core/studyArea';
import { applyEdits, type ScenarioEdit } from '../../../src/core/scenario';
import { normalizeLayer, type LayerKind } from '../../../src/core/model';
import { defaultRules } from '../../../src/core/rules/defaultRules';

type FC = FeatureCollection<Geometry, Record<string, unknown>>;
const demo = (kind: LayerKind): FC => normalizeLayer(JSON.parse(readFileSync(path.resolve(__dirname, '../../../data/demo', `${kind}.geojson`), 'utf8')), kind) as FC;
const layers = { communities: demo('communities'), facilities: demo('facilities'), network: demo('network'), parks: demo('parks'), parking: demo('parking') };
const settings = { ...DEFAULT_STUDY_AREA_SETTINGS, mode: 'network' as const };

describe('a facility-only scenario re-runs only what it touches, with the same numbers as a run from scratch (issue 11)', () => {
  const fac = layers.facilities.features;
  const kg = fac.find((f) => f.properties.category === 'kindergarten')!;
  const market = fac.find((f) => f.properties.category === 'market')!;
  const edits: ScenarioEdit[] = [
    { op: 'add', layer: 'facilities', id: 'new-kg', geometry: { type: 'Point', coordinates: (layers.communities.features[5].geometry as { coordinates: number[][][] }).coordinates[0][0] as [number, number] }, properties: { category: 'kindergarten' } },
    { op: 'delete', layer: 'facilities', target_id: String(market.properties.id) },
    { op: 'move', layer: 'facilities', target_id: String(kg.properties.id), geometry: { type: 'Point', coordinates: (fac[0].geometry as unknown as { coordinates: [number, number] }).coordinates } },
  ];

  it('equals analyzeStudyArea on the edited layers, array for array', () => {
    const base = new StudyArea(layers);
    base.analyze(defaultRules, settings);
    const s = base.withEdits(edits);
    expect(s.problems).toEqual([]);
    const t0 = performance.now();
    const fast = s.area.analyze(defaultRules, settings);
    const ms = performance.now() - t0;
    const ref = analyzeStudyArea(applyEdits(layers, edits).layers, defaultRules, settings).result;
    expect(Array.from(fast.coverage.distance)).toEqual(Array.from(ref.coverage.distance));
    expect(Array.from(fast.coverage.ok)).toEqual(Array.from(ref.coverage.ok));
    expect(Array.from(fast.coverage.nearestFacility)).toEqual(Array.from(ref.coverage.nearestFacility));
    expect(Array.from(fast.coverage.levelCompleteness)).toEqual(Array.from(ref.coverage.levelCompleteness));
    expect(fast.coverage.stats).toEqual(ref.coverage.stats);
    expect(Array.from(fast.renovation.score)).toEqual(Array.from(ref.renovation.score));
    expect(Array.from(fast.parking.gap)).toEqual(Array.from(ref.parking.gap));
    expect(Array.from(fast.parks!.ok)).toEqual(Array.from(ref.parks!.ok));
    // two categories searched (kindergarten, market) instead of all: far fewer edges relaxed
    expect(fast.coverage.relaxed).toBeLessThan(ref.coverage.relaxed / 5);
    console.log(`[incremental] facility scenario ${ms.toFixed(1)} ms, ${fast.coverage.relaxed} vs ${ref.coverage.relaxed} edges relaxed`);
  });

  it('without a baseline run (or with other rules) it runs in full and still agrees', () => {
    const s = new StudyArea(layers).withEdits(edits);
    const r = s.area.analyze(defaultRules, settings);
    const ref = analyzeStudyArea(applyEdits(layers, edits).layers, defaultRules, settings).result;
    expect(Array.from(r.coverage.distance)).toEqual(Array.from(ref.coverage.distance));
    const base = new StudyArea(layers);
    base.analyze(defaultRules, settings);
    const other = { ...defaultRules, categories: defaultRules.categories.map((c) => (c.id === 'kindergarten' ? { ...c, radius_m: 500 } : c)) };
    const r2 = base.withEdits(edits).area.analyze(other, settings);
    const ref2 = analyzeStudyArea(applyEdits(layers, edits).layers, other, settings).result;
    expect(Array.from(r2.coverage.ok)).toEqual(Array.from(ref2.coverage.ok));
  });
});

describe('a category that only gains facilities searches only the new ones (issue 11)', () => {
  const rand = (() => {
    let x = 12345;
    return () => ((x = (x * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  })();
  const base = new StudyArea(layers);
  const baseline = base.analyze(defaultRules, settings);
  const g = base.graph!;
  const node = () => Math.floor(rand() * g.nodeCount);
  const categories = [...new Set(layers.facilities.features.map((f) => String(f.properties.category)))];

  it('gives the numbers of a run from scratch for random additions, and searches a fraction of the network', () => {
    for (let trial = 0; trial < 12; trial++) {
      const n = 1 + (trial % 3);
      const edits: ScenarioEdit[] = Array.from({ length: n }, (_, i) => {
        const v = node();
        // on a node, or a little beside the network (the snap adds its access leg)
        const off = i % 2 ? 0.0003 : 0;
        return { op: 'add', layer: 'facilities', id: `t${trial}-${i}`, geometry: { type: 'Point', coordinates: [g.coords[2 * v] + off, g.coords[2 * v + 1]] }, properties: { category: categories[Math.floor(rand() * categories.length)] } };
      });
      // and facilities the analysis lists instead of using: an unknown category, one 40 km off the network
      if (trial === 0) {
        edits.push({ op: 'add', layer: 'facilities', id: 'odd', geometry: { type: 'Point', coordinates: [g.coords[0], g.coords[1]] }, properties: { category: 'no-such-category' } });
        edits.push({ op: 'add', layer: 'facilities', id: 'far', geometry: { type: 'Point', coordinates: [g.coords[0] + 0.5, g.coords[1]] }, properties: { category: categories[0] } });
      }
      const fast = base.withEdits(edits).area.analyze(defaultRules, settings);
      const ref = analyzeStudyArea(applyEdits(layers, edits).layers, defaultRules, settings).result;
      expect(Array.from(fast.coverage.distance)).toEqual(Array.from(ref.coverage.distance));
      expect(Array.from(fast.coverage.ok)).toEqual(Array.from(ref.coverage.ok));
      expect(Array.from(fast.coverage.levelCompleteness)).toEqual(Array.from(ref.coverage.levelCompleteness));
      expect(fast.coverage.stats).toEqual(ref.coverage.stats);
      expect(fast.coverage.unreachableFacilities).toEqual(ref.coverage.unreachableFacilities);
      if (trial === 0) expect(fast.coverage.unreachableFacilities.map((i) => i.id)).toEqual(expect.arrayContaining(['odd', 'far']));
      // the nearest facility agrees wherever the distance is not a tie between two facilities
      const C = fast.coverage.communityCount;
      fast.coverage.nearestFacility.forEach((f, i) => {
        if (f !== ref.coverage.nearestFacility[i]) expect(baseline.coverage.distance[Math.floor(i / C) * C + (i % C)]).toBe(fast.coverage.distance[i]);
      });
      expect(fast.coverage.relaxed).toBeLessThan(ref.coverage.relaxed / 10);
    }
  });

  it('a facility where nothing was reached before (a category absent from the data) reaches all it can', () => {
    const absent = defaultRules.categories.find((c) => !categories.includes(c.id))!;
    const v = node();
    const edits: ScenarioEdit[] = [{ op: 'add', layer: 'facilities', id: 'first', geometry: { type: 'Point', coordinates: [g.coords[2 * v], g.coords[2 * v + 1]] }, properties: { category: absent.id } }];
    const fast = base.withEdits(edits).area.analyze(defaultRules, settings);
    const ref = analyzeStudyArea(applyEdits(layers, edits).layers, defaultRules, settings).result;
    const k = fast.coverage.categoryIds.indexOf(absent.id);
    const C = fast.coverage.communityCount;
    expect(baseline.coverage.distance.subarray(k * C, (k + 1) * C).every((d) => d === Infinity)).toBe(true);
    expect(Array.from(fast.coverage.distance)).toEqual(Array.from(ref.coverage.distance));
    expect(fast.coverage.distance.subarray(k * C, (k + 1) * C).some((d) => d < Infinity)).toBe(true);
  });
});

