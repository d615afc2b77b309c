import { createStore, delMany, get, keys, setMany } from 'idb-keyval';
import type { LayerKind } from '../core/model';
import { isLayerKind } from '../core/model';
import { validateRuleSet } from '../core/rules';
import type { RuleSet } from '../core/rules';
import type { LoadedLayer } from './layersSlice';

/** The few key-value operations the workspace needs; IndexedDB in the app, a Map in tests. */
export interface KeyValueStorage {
  get<T>(key: string): Promise<T | undefined>;
  /** Atomic: all entries are written or none. */
  setMany(entries: [string, unknown][]): Promise<void>;
  delMany(keys: string[]): Promise<void>;
  keys(): Promise<string[]>;
}

/** The IndexedDB database "lifecircle", object store "workspace" (idb-keyval). */
export function idbStorage(): KeyValueStorage {
  const store = createStore('lifecircle', 'workspace');
  return {
    get: (key) => get(key, store),
    setMany: (entries) => setMany(entries, store),
    delMany: (list) => delMany(list, store),
    keys: async () => (await keys(store)).map(String),
  };
}

/** The key of the workspace's meta record. */
export const META = 'meta';

/** What is stored under "meta"; each layer lives under its own key so unchanged layers are not rewritten. */
export interface WorkspaceMeta {
  schema: 'lifecircle-workspace';
  version: 1;
  saved: string;
  /** Layers and their storage keys; empty when `demoOnly`. */
  layers: { kind: LayerKind; key: string }[];
  /** Only the bundled demo is loaded: it is reloaded from the app rather than stored. */
  demoOnly: boolean;
  rules: RuleSet;
  settings: Record<string, unknown>;
}

export interface WorkspaceSnapshot {
  layers: LoadedLayer[];
  rules: RuleSet;
  settings: Record<string, unknown>;
}

export interface RestoredWorkspace {
  layers: LoadedLayer[];
  demoOnly: boolean;
  /** null when the saved rules were unreadable (the default set stays). */
  rules: RuleSet | null;
  settings: Record<string, unknown>;
  /** Layers listed in the meta that could not be read. */
  missing: LayerKind[];
}

export type SaveOutcome = 'saved' | 'unchanged' | 'quota' | 'error';

/** True for the browser's "storage is full" failures (names differ between engines and wrappers). */
export function isQuotaError(e: unknown): boolean {
  if (!e || typeof e !== 'object') return false;
  const { name, code, message } = e as { name?: string; code?: number; message?: string };
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22 || /quota/i.test(message ?? '');
}

let keySeq = 0;

/**
 * Saves workspace snapshots: new or changed layers (by object identity) under fresh keys, then the
 * meta, in ONE atomic write, and only then deletes the keys no longer used. A failed write (full
 * quota) leaves the previous save whole, and memory is never touched.
 */
export class WorkspaceSaver {
  readonly #storage: KeyValueStorage;
  readonly #keyOf = new WeakMap<LoadedLayer, string>();
  // Rule sets are replaced, never mutated, in the store: identity says whether they changed.
  readonly #rulesIds = new WeakMap<RuleSet, number>();
  #lastSignature = '';

  constructor(storage: KeyValueStorage) {
    this.#storage = storage;
  }

  /** Marks layers as already stored under these keys (after a restore). */
  adopt(layers: readonly LoadedLayer[], meta: WorkspaceMeta): void {
    for (const l of layers) {
      const entry = meta.layers.find((x) => x.kind === l.kind);
      if (entry) this.#keyOf.set(l, entry.key);
    }
    this.#lastSignature = JSON.stringify([meta.layers, meta.demoOnly, meta.settings, this.#rulesId(meta.rules)]);
  }

  #rulesId(rules: RuleSet): number {
    let id = this.#rulesIds.get(rules);
    if (id === undefined) this.#rulesIds.set(rules, (id = ++keySeq));
    return id;
  }

  async save(snapshot: WorkspaceSnapshot): Promise<SaveOutcome> {
    const demoOnly = snapshot.layers.length > 0 && snapshot.layers.every((l) => l.source === 'demo');
    const entries: [string, unknown][] = [];
    const metaLayers: WorkspaceMeta['layers'] = [];
    const fresh = new Map<LoadedLayer, string>();
    if (!demoOnly) {
      for (const l of snapshot.layers) {
        let key = this.#keyOf.get(l);
        if (!key) {
          key = `layer:${l.kind}:${Date.now().toString(36)}-${++keySeq}`;
          fresh.set(l, key);
          // the analysis root (an attribute-only edit's original) is memory's business, not storage's
          const { analysisRoot: _root, ...stored } = l;
          entries.push([key, stored]);
        }
        metaLayers.push({ kind: l.kind, key });
      }
    }
    const signature = JSON.stringify([metaLayers, demoOnly, snapshot.settings, this.#rulesId(snapshot.rules)]);
    if (entries.length === 0 && signature === this.#lastSignature) return 'unchanged';
    const meta: WorkspaceMeta = {
      schema: 'lifecircle-workspace',
      version: 1,
      saved: new Date().toISOString(),
      layers: metaLayers,
      demoOnly,
      rules: snapshot.rules,
      settings: snapshot.settings,
    };
    try {
      await this.#storage.setMany([...entries, [META, meta]]);
    } catch (e) {
      return isQuotaError(e) ? 'quota' : 'error';
    }
    for (const [l, key] of fresh) this.#keyOf.set(l, key);
    this.#lastSignature = signature;
    // Old layer keys go after the new meta is in place; a failure here only leaves garbage.
    const used = new Set(metaLayers.map((x) => x.key));
    try {
      const stale = (await this.#storage.keys()).filter((k) => k.startsWith('layer:') && !used.has(k));
      if (stale.length) await this.#storage.delMany(stale);
    } catch {
      /* garbage stays until the next save */
    }
    return 'saved';
  }
}

/**
 * Reads the saved workspace, or null when there is none (first visit, or cleared storage). Layers
 * whose key cannot be read are left out and listed in `missing`; unreadable rules give `rules: null`.
 */
export async function readWorkspace(storage: KeyValueStorage): Promise<{ meta: WorkspaceMeta; workspace: RestoredWorkspace } | null> {
  const meta = await storage.get<WorkspaceMeta>(META);
  if (!meta || meta.schema !== 'lifecircle-workspace' || meta.version !== 1 || !Array.isArray(meta.layers)) return null;
  const layers: LoadedLayer[] = [];
  const missing: LayerKind[] = [];
  for (const { kind, key } of meta.layers) {
    if (!isLayerKind(kind)) continue;
    const l = await storage.get<LoadedLayer>(key);
    if (l && l.kind === kind && l.fc && Array.isArray(l.fc.features)) layers.push(l);
    else missing.push(kind);
  }
  const rules = validateRuleSet(meta.rules).length === 0 ? meta.rules : null;
  const settings = meta.settings && typeof meta.settings === 'object' ? meta.settings : {};
  return { meta: { ...meta, layers: meta.layers.filter((x) => !missing.includes(x.kind)) }, workspace: { layers, demoOnly: !!meta.demoOnly, rules, settings, missing } };
}
