import * as Comlink from 'comlink';
import type { ImportWorkerApi } from './importProtocol';

let worker: Worker | null = null;
let remote: Comlink.Remote<ImportWorkerApi> | null = null;

/** The import worker, separate from the analysis worker so a long parse never delays an analysis. */
export function importWorker(): Comlink.Remote<ImportWorkerApi> {
  if (!remote) {
    worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module', name: 'lifecircle-import' });
    remote = Comlink.wrap<ImportWorkerApi>(worker);
  }
  return remote;
}

/**
 * Cancels whatever the import worker is doing by terminating it (a parse of a big file cannot be
 * interrupted from inside); the next import starts a fresh worker. Pending calls never settle.
 */
export function terminateImportWorker(): void {
  worker?.terminate();
  worker = null;
  remote = null;
}

export { Comlink };
