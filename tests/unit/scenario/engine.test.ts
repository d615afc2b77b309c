import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FeatureCollection, Geometry } from 'geojson';
import { AnalysisEngine } from '../../../src/worker/analysisEngine';
import { analyzeStudyArea, DEFAULT_STUDY_AREA_SETTINGS } from '../../../src/core/studyArea';
import { applyEdits, scenarioDiff, type ScenarioEdit } from '../../../src/core/scenario';
import { normalizeLayer, type LayerKind } from '../../../src/core/model';
import { defaultRules } from '../../../src/core/rules/defaultRules';

type FC = FeatureCollection<Geometry, Record<string, unknown>>;
const demo = (kind: LayerKind): FC => normalizeLayer(JSON.parse(readFileSync(path.resolve(__dirname, '../../../data/demo', `${kind}.geojson`), 'utf8')), kind) as FC;
const layers = { communities: demo('communities'), facilities: demo('facilities'), network: demo('network'), parks: demo('parks'), parking: demo('parking') };
const settings = { ...DEFAULT_STUDY_AREA_SETTINGS, mode: 'network' as const };
const corner = (i: number) => (layers.communities.features[i].geometry as { coordinates: number[][][] }).coordinates[0][0] as [number, number];

describe('the worker engine runs scenarios through the pipeline, against the baseline or another scenario (issue 11)', () => {
  const a: ScenarioEdit[] = [{ op: 'add', layer: 'facilities', id: 'A1', geometry: { type: 'Point', coordinates: corner(3) }, properties: { category: 'kindergarten' } }];
  const b: ScenarioEdit[] = [...a, { op: 'add', layer: 'facilities', id: 'B1', geometry: { type: 'Point', coordinates: corner(40) }, properties: { category: 'kindergarten' } }];

  it('scenario vs baseline, and scenario B vs scenario A, equal the diffs of from-scratch runs; suggestions run on the scenario', async () => {
    const engine = new AnalysisEngine();
    engine.setData({ ...layers });
    const base = await engine.run(defaultRules, settings);
    const refA = analyzeStudyArea(applyEdits(layers, a).layers, defaultRules, settings).result;
    const refB = analyzeStudyArea(applyEdits(layers, b).layers, defaultRules, settings).result;
    const ra = (await engine.runScenario(a, defaultRules, settings))!;
    expect(Array.from(ra.diff.change)).toEqual(Array.from(scenarioDiff(base!, refA).change));
    const rb = (await engine.runScenario(b, defaultRules, settings, undefined, a))!;
    const ref = scenarioDiff(refA, refB);
    expect(Array.from(rb.diff.change)).toEqual(Array.from(ref.change));
    expect(rb.diff.categories.find((c) => c.id === 'kindergarten')!.gained).toEqual(ref.categories.find((c) => c.id === 'kindergarten')!.gained);
    const s = (await engine.suggestSites(defaultRules, settings, { categoryId: 'kindergarten', k: 2, candidates: Float64Array.from([...corner(3), ...corner(100)]) }))!;
    // the first candidate is where scenario A already put a kindergarten: it cannot gain more than the second
    expect(s.picks.length).toBeGreaterThan(0);
    for (let i = 1; i < s.picks.length; i++) expect(s.picks[i].gainPopulation).toBeLessThanOrEqual(s.picks[i - 1].gainPopulation);
  });

  it('a site suggestion can be cancelled (it resolves null), and a scenario run meanwhile does not cancel it', async () => {
    const engine = new AnalysisEngine();
    engine.setData({ ...layers });
    await engine.run(defaultRules, settings);
    const candidates = Float64Array.from([...corner(3), ...corner(100)]);
    const cancelled = engine.suggestSites(defaultRules, settings, { categoryId: 'kindergarten', k: 2, candidates });
    engine.cancelSuggestion();
    expect(await cancelled).toBeNull();
    const running = engine.suggestSites(defaultRules, settings, { categoryId: 'kindergarten', k: 2, candidates });
    const scenario = engine.runScenario(a, defaultRules, settings);
    expect(await scenario).not.toBeNull();
    expect(await running).not.toBeNull();
  });
});
