import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { AnalysisEngine } from '../../src/worker/analysisEngine';
import { analyzeCoverage } from '../../src/core/analysis/coverage/runCoverage';
import { defaultRules } from '../../src/core/rules/defaultRules';

const demo = (name: string) => JSON.parse(readFileSync(resolve(__dirname, '../../data/demo', `${name}.geojson`), 'utf8'));
const data = { communities: demo('communities'), facilities: demo('facilities'), network: demo('network'), parks: demo('parks'), parking: demo('parking') };
const settings = { mode: 'network' as const, maxSnap: 300, detour: 1, countNoData: false };

describe('AnalysisEngine (the worker state, run in Node)', () => {
  it('gives, in chunks with progress, exactly the one-shot analysis', async () => {
    const engine = new AnalysisEngine();
    const stats = engine.setData(data);
    expect(stats!.nodes).toBeGreaterThan(1000);
    const fractions: number[] = [];
    const answer = await engine.run(defaultRules, settings, (p) => fractions.push(p.fraction));
    const chunked = answer?.coverage;
    const direct = analyzeCoverage({ ...data, rules: defaultRules }, { mode: 'network' });
    // parks and parking come with the run when those layers are loaded
    expect(answer!.parks!.communityCount).toBe(direct.communityCount);
    expect(answer!.parking!.totals.demand).toBeGreaterThan(0);
    expect(chunked).not.toBeNull();
    expect(Array.from(chunked!.distance)).toEqual(Array.from(direct.distance));
    expect(chunked!.stats).toEqual(direct.stats);
    expect(fractions.at(-1)).toBe(1);
    expect(fractions.length).toBeGreaterThan(3);
  });

  it('gives straight-line rates at least the walking ones (straight line ≤ any walk)', async () => {
    const engine = new AnalysisEngine();
    engine.setData(data);
    const { coverage: result } = (await engine.run(defaultRules, settings))!;
    const straight = engine.euclideanStats()!;
    result.stats.categories.forEach((c, k) => {
      const s = straight.categories[k];
      expect(s.id).toBe(c.id);
      expect(s.communities.covered).toBeGreaterThanOrEqual(c.communities.covered);
    });
    // and some category differs, or the comparison would be pointless on the demo
    expect(straight.categories.some((s, k) => s.communities.covered > result.stats.categories[k].communities.covered)).toBe(true);
  });

  it('returns null for a run superseded by cancel', async () => {
    const engine = new AnalysisEngine();
    engine.setData(data);
    const pending = engine.run(defaultRules, settings);
    engine.cancel();
    expect(await pending).toBeNull();
  });

  it('draws service areas and routes for a category after a run', async () => {
    const engine = new AnalysisEngine();
    engine.setData(data);
    const result = (await engine.run(defaultRules, settings))!.coverage;
    expect(engine.parkServiceAreas().length).toBeGreaterThan(0);
    const sa = engine.serviceArea('kindergarten')!;
    expect(sa.threshold).toBe(300);
    expect(sa.polygons[0].properties.area_m2).toBeGreaterThan(0);
    expect(sa.edges!.length).toBeGreaterThan(0);
    // every reached piece is within the radius
    expect(Math.max(...sa.edges!.sourceDistances, ...sa.edges!.targetDistances)).toBeLessThanOrEqual(300 + 1e-6);
    const k = result.categoryIds.indexOf('kindergarten');
    const C = result.communityCount;
    const c = Array.from(result.distance.subarray(k * C, (k + 1) * C)).findIndex((d) => Number.isFinite(d));
    const route = engine.route('kindergarten', c)!;
    expect(route.distance).toBeCloseTo(result.distance[k * C + c], 6);
    expect(route.coordinates.length).toBeGreaterThan(1);
  });
});
