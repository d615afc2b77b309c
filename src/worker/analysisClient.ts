import * as Comlink from 'comlink';
import type { AnalysisWorkerApi } from './protocol';

let worker: Worker | null = null;
let remote: Comlink.Remote<AnalysisWorkerApi> | null = null;

/** The one analysis worker of the page, started on first use (~60 ms once). */
export function analysisWorker(): Comlink.Remote<AnalysisWorkerApi> {
  if (!remote) {
    worker = new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module', name: 'lifecircle-analysis' });
    remote = Comlink.wrap<AnalysisWorkerApi>(worker);
  }
  return remote;
}

export { Comlink };
