/**
 * Scenario figures (issue 11), in process on a synthetic city: a facility edit (in turn one new
 * facility — only it is searched —, one moved and one deleted — their category is searched
 * again —, each re-run through StudyArea.withEdits), a network edit (a new
 * link between two nodes: the baseline's graph is patched and only what the link changes is
 * searched — core/network patchGraph, coverage searchNetworkPatch), and a site suggestion
 * (K = 10 among 5,000 network nodes).
 */
import { performance } from 'node:perf_hooks';
import { DEFAULT_STUDY_AREA_SETTINGS, StudyArea, type StudyAreaLayers } from '../../src/core/studyArea';
import type { ScenarioEdit } from '../../src/core/scenario';
import { benchCategoryIds, benchRules, ONE_CATEGORY } from './benchRules';
import { generateSyntheticCity, SCALES, type ScaleName } from './syntheticCity';
import { summarize, type Timing } from './timing';

export interface ScenarioProbeResult {
  scale: ScaleName;
  /** one new, moved or deleted facility, ms per edit (withEdits + analyze) */
  facilityEdit: Timing;
  /** the slowest of the three kinds (median per kind) */
  facilityEditByOp: Record<'add' | 'move' | 'delete', number>;
  /** one new link, ms per edit (graph patched, coverage updated through the link) */
  networkEdit: Timing;
  /** K = 10 sites among `candidates` network nodes, ms */
  suggestion: Timing;
  candidates: number;
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

export function probeScenarios(scale: ScaleName, seed: number, runs = 5): ScenarioProbeResult {
  const city = generateSyntheticCity({ ...SCALES[scale], categories: benchCategoryIds, seed });
  const settings = { ...DEFAULT_STUDY_AREA_SETTINGS, mode: 'network' as const };
  const base = new StudyArea({ communities: city.communities as unknown as StudyAreaLayers['communities'], facilities: city.facilities as unknown as StudyAreaLayers['facilities'], network: city.network as unknown as StudyAreaLayers['network'] });
  base.analyze(benchRules, settings);
  const graph = base.graph!;
  const N = graph.coords.length >> 1;
  const rand = rng(seed);
  const node = () => Math.floor(rand() * N);
  const at = (i: number): [number, number] => [graph.coords[2 * i], graph.coords[2 * i + 1]];

  const facility: number[] = [];
  const ops = ['add', 'move', 'delete'] as const;
  const byOp: Record<(typeof ops)[number], number[]> = { add: [], move: [], delete: [] };
  const ofCategory = city.facilities.features.filter((f) => f.properties.category === ONE_CATEGORY).map((f) => String(f.properties.id));
  for (let r = 0; r < 3 * runs; r++) {
    const op = ops[r % 3];
    const target = ofCategory[Math.floor(rand() * ofCategory.length)];
    const edit: ScenarioEdit = op === 'add'
      ? { op, layer: 'facilities', id: `bench-${r}`, geometry: { type: 'Point', coordinates: at(node()) }, properties: { category: ONE_CATEGORY } }
      : op === 'move' ? { op, layer: 'facilities', target_id: target, geometry: { type: 'Point', coordinates: at(node()) } } : { op, layer: 'facilities', target_id: target };
    const t0 = performance.now();
    const s = base.withEdits([edit]);
    s.area.analyze(benchRules, settings);
    const ms = performance.now() - t0;
    if (s.problems.length) throw new Error(`scenario probe: the ${op} edit did not apply: ${s.problems[0].detail}`);
    facility.push(ms);
    byOp[op].push(ms);
  }
  const median = (a: number[]) => summarize(a).median;
  const network: number[] = [];
  for (let r = 0; r < Math.min(runs, 3); r++) {
    const a = node();
    // a neighbour's neighbour: a short link across a block
    const b = graph.targets[graph.offsets[graph.targets[graph.offsets[a]]]];
    const edit: ScenarioEdit = { op: 'add', layer: 'network', id: `link-${r}`, geometry: { type: 'LineString', coordinates: [at(a), at(b)] }, properties: {} };
    const t0 = performance.now();
    base.withEdits([edit]).area.analyze(benchRules, settings);
    network.push(performance.now() - t0);
  }
  const M = Math.min(5000, N);
  const candidates = new Float64Array(2 * M);
  for (let i = 0; i < M; i++) {
    const [lon, lat] = at(node());
    candidates[2 * i] = lon;
    candidates[2 * i + 1] = lat;
  }
  const suggestion: number[] = [];
  for (let r = 0; r < Math.min(runs, 2); r++) {
    const t0 = performance.now();
    base.suggestSites(benchRules, settings, { categoryId: ONE_CATEGORY, k: 10, candidates });
    suggestion.push(performance.now() - t0);
  }
  return { scale, facilityEdit: summarize(facility), facilityEditByOp: { add: median(byOp.add), move: median(byOp.move), delete: median(byOp.delete) }, networkEdit: summarize(network), suggestion: summarize(suggestion), candidates: M };
}
