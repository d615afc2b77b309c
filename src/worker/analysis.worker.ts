/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import { coverageTransferables } from '../core/analysis/runCoverage';
import { AnalysisEngine } from './analysisEngine';
import type { AnalysisWorkerApi } from './protocol';

const engine = new AnalysisEngine();

/** The worker side: a thin comlink facade over AnalysisEngine; results go back as transfers. */
const api: AnalysisWorkerApi = {
  async setData(data) {
    return engine.setData(data);
  },
  async run(rules, settings, onProgress) {
    const t0 = performance.now();
    const result = await engine.run(rules, settings, onProgress);
    const ms = Math.round(performance.now() - t0);
    return result ? Comlink.transfer({ result, ms }, coverageTransferables(result)) : null;
  },
  async serviceArea(categoryId) {
    const r = engine.serviceArea(categoryId);
    if (!r) return null;
    const buffers: ArrayBuffer[] = [];
    if (r.edges) buffers.push(r.edges.sourcePositions.buffer as ArrayBuffer, r.edges.targetPositions.buffer as ArrayBuffer, r.edges.sourceDistances.buffer as ArrayBuffer, r.edges.targetDistances.buffer as ArrayBuffer);
    if (r.circles) buffers.push(r.circles.positions.buffer as ArrayBuffer);
    return Comlink.transfer(r, buffers);
  },
  async route(categoryId, communityIndex) {
    return engine.route(categoryId, communityIndex);
  },
  cancel() {
    engine.cancel();
  },
};

Comlink.expose(api);
