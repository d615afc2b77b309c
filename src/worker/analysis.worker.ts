/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import { coverageTransferables } from '../core/analysis/coverage';
import { AnalysisEngine } from './analysisEngine';
import type { AnalysisAnswer, AnalysisWorkerApi } from './protocol';
import type { StudyAreaResult } from '../core/studyArea';

const engine = new AnalysisEngine();

/**
 * One run as the main thread takes it. The renovation score follows the weight sliders there
 * (store/selectRenovation, through the same core function). Weights are copied: the prepared
 * context keeps its own. Park and parking results are small and structured-cloned.
 */
function toAnswer(r: StudyAreaResult, ms: number): AnalysisAnswer {
  const { parks, parking } = r;
  // The arrays moved to the main thread are copies: the worker keeps the originals for the
  // scenario diff and the site suggestion (a transferred buffer is empty on this side). A copy
  // costs ~2 ms at the L city.
  const c = r.coverage;
  const coverage = { ...c, distance: c.distance.slice(), ok: c.ok.slice(), nearestFacility: c.nearestFacility.slice(), levelCompleteness: c.levelCompleteness.slice() };
  const w = r.weights;
  const weights = { households: w.households.slice(), population: w.population.slice(), populationEstimated: w.populationEstimated.slice(), weightUnknown: w.weightUnknown.slice(), area: w.area.slice() };
  return { coverage, parks, parking, weights, ms };
}

/** The worker side: a thin comlink facade over AnalysisEngine; results go back as transfers. */
const api: AnalysisWorkerApi = {
  async setData(data) {
    return engine.setData(data);
  },
  async run(rules, settings, onProgress) {
    const t0 = performance.now();
    const answer = await engine.run(rules, settings, onProgress);
    if (!answer) return null;
    const a = toAnswer(answer, Math.round(performance.now() - t0));
    return Comlink.transfer(a, coverageTransferables(a.coverage));
  },
  async runScenario(edits, rules, settings, onProgress, against) {
    const t0 = performance.now();
    const r = await engine.runScenario(edits, rules, settings, onProgress, against);
    if (!r) return null;
    const answer = toAnswer(r.result, Math.round(performance.now() - t0));
    return Comlink.transfer({ answer, diff: r.diff, problems: r.problems }, coverageTransferables(answer.coverage));
  },
  clearScenario() {
    engine.clearScenario();
  },
  async suggestSites(rules, settings, request, onProgress) {
    return engine.suggestSites(rules, settings, request, onProgress);
  },
  async choice(rules, settings, request, onProgress) {
    const r = await engine.choice(rules, settings, request, onProgress);
    if (!r) return null;
    return Comlink.transfer(r, [r.count, r.second, r.access, r.fca, r.placesGap, r.placesNeeded, r.limit].map((a) => a.buffer as ArrayBuffer));
  },
  async surface(rules, settings, request) {
    const r = engine.surface(rules, settings, request);
    // the parts are the worker's own arrays: send copies (the grid stays cached there)
    const parts = r.parts.map((p) => ({ categoryId: p.categoryId, value: p.value.slice() }));
    const value = r.value === r.parts[0]?.value ? parts[0].value : r.value.slice();
    return Comlink.transfer({ ...r, value, parts }, [...new Set([value, ...parts.map((p) => p.value)].map((a) => a.buffer as ArrayBuffer))]);
  },
  cancelSuggestion() {
    engine.cancelSuggestion();
  },
  async serviceArea(categoryId) {
    const r = engine.serviceArea(categoryId);
    if (!r) return null;
    const buffers: ArrayBuffer[] = [];
    if (r.edges) buffers.push(r.edges.sourcePositions.buffer as ArrayBuffer, r.edges.targetPositions.buffer as ArrayBuffer, r.edges.sourceDistances.buffer as ArrayBuffer, r.edges.targetDistances.buffer as ArrayBuffer);
    if (r.circles) buffers.push(r.circles.positions.buffer as ArrayBuffer);
    return Comlink.transfer(r, buffers);
  },
  async euclideanStats() {
    return engine.euclideanStats();
  },
  async parkServiceAreas() {
    return engine.parkServiceAreas();
  },
  async route(categoryId, communityIndex) {
    return engine.route(categoryId, communityIndex);
  },
  cancel() {
    engine.cancel();
  },
};

Comlink.expose(api);
