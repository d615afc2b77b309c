/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import { ImportEngine } from './importEngine';
import type { ImportWorkerApi } from './importProtocol';

const engine = new ImportEngine();

/** The worker side of imports: a comlink facade over ImportEngine. */
const api: ImportWorkerApi = {
  open: (name, buffer, rules, onProgress) => engine.open(name, buffer, rules, onProgress),
  reread: (choice, onProgress) => engine.reread(choice, onProgress),
  sample: (max) => engine.sample(max) as ReturnType<ImportWorkerApi['sample']>,
  finish: async (choices, keep) => engine.finish(choices, keep),
  finishOsm: async (choices) => engine.finishOsm(choices),
  clear: () => engine.clear(),
};

Comlink.expose(api);
