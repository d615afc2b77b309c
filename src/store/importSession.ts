import i18n from '../i18n';
import type { LayerKind } from '../core/model';
import type { FeatureCollection } from 'geojson';
import type { GeometryFamily, ImportChoices, OsmChoices, OsmLayerKind, SourceCrs } from '../core/io';
import { OSM_ATTRIBUTION } from '../core/io/export';
import { importWorker, terminateImportWorker, Comlink } from '../worker/importClient';
import type { ImportProgress, ReadChoice, LayerPreview } from '../worker/importProtocol';
import type { LoadedLayer } from './layersSlice';
import { useStore } from './useStore';
import { applyProject, loadImportedLayer, loadOsmLayers, type LoadMode } from './importActions';
import type { ImportPhase, ShownIssue } from './importSlice';

/**
 * The import flow's actions (state: store/importSlice): queue files, read them in the import
 * worker, open the dialog for each, load what the planner confirms. The store is the only caller
 * of the workers.
 */

let job = 0;

const set = (phase: ImportPhase) => useStore.setState({ importPhase: phase });

function bothLanguages(key: string, params: Record<string, unknown> = {}): ShownIssue {
  const en = i18n.getFixedT('en');
  const zh = i18n.getFixedT('zh-CN');
  return { severity: 'error', message_en: en(key, params), message_zh: zh(key, params), hint_en: en(`${key}_hint`, params), hint_zh: zh(`${key}_hint`, params) };
}

/** Queues files (dropped or picked) for import; starts at once when nothing else is open. */
export function importFiles(files: readonly File[]): void {
  if (!files.length) return;
  const { importPhase: phase, importQueue: queue } = useStore.getState();
  useStore.setState({ importQueue: [...queue, ...files] });
  if (phase.type === 'idle') void next();
}

async function next(): Promise<void> {
  const { importQueue: queue } = useStore.getState();
  const file = queue[0];
  if (!file) return set({ type: 'idle' });
  useStore.setState({ importQueue: queue.slice(1) });
  const my = ++job;
  set({ type: 'reading', name: file.name, bytes: file.size, fraction: 0, stage: 'decode' });
  try {
    const buffer = await file.arrayBuffer();
    if (my !== job) return;
    const onProgress = Comlink.proxy((p: ImportProgress) => {
      const ph = useStore.getState().importPhase;
      if (my === job && ph.type === 'reading') set({ ...ph, fraction: p.fraction, stage: p.stage });
    });
    const { rules } = useStore.getState();
    const result = await importWorker().open(file.name, Comlink.transfer(buffer, [buffer]), { categories: rules.categories, parks: rules.parks }, onProgress);
    if (my !== job) return;
    if (result.type === 'project') {
      if (!result.result.ok) return set({ type: 'failed', name: file.name, format: 'lifecircle-project', issues: [result.result.error], warnings: [] });
      applyProject(result.result.project, file.name);
      const zh = i18n.language.startsWith('zh');
      // Features the import checks left out are named, as for any import.
      for (const w of result.result.warnings) useStore.getState().pushMessage(w.severity === 'info' ? 'info' : 'warning', zh ? `${w.message_zh}${w.hint_zh}` : `${w.message_en} ${w.hint_en}`);
      useStore.getState().pushMessage('info', i18n.t('io_project_opened', { name: file.name }));
      return void next();
    }
    if (result.type === 'osm') return set({ type: 'osm', preview: result.preview, busy: null });
    const p = result.preview;
    if (!p.ok && needsCrsChoice(p)) return set({ type: 'crs', first: p });
    if (!p.ok) return set({ type: 'failed', name: file.name, format: p.format, issues: p.errors, warnings: p.warnings });
    set({ type: 'layer', preview: p, first: p, busy: null });
  } catch (e) {
    if (my !== job) return;
    set({ type: 'failed', name: file.name, format: '', issues: [bothLanguages('io_internal_error', { name: file.name, detail: (e as Error).message })], warnings: [] });
  }
}

/** True when a read failed only because the projection of its metres is unknown (the user can choose it). */
export function needsCrsChoice(p: LayerPreview): boolean {
  return !!p.crs.projectedBbox && p.errors.length > 0 && p.errors.every((e) => e.code === 'projected-gk-no-zone' || e.code === 'projected-unknown');
}

/** Opens the coordinate-system chooser for the open layer file (also to override an automatic choice). */
export function chooseCrsAgain(first: LayerPreview): void {
  set({ type: 'crs', first });
}

/** The user confirmed a coordinate system: the file, read with it, goes on to the layer dialog. */
export function acceptCrs(preview: LayerPreview): void {
  if (useStore.getState().importPhase.type !== 'crs') return;
  set({ type: 'layer', preview, first: preview, busy: null });
}

/**
 * Reads the open file again with the coordinate system `crs` and samples up to `limit` features for
 * the chooser's map preview (null when the read fails). The phase does not change.
 */
export async function previewCrs(crs: SourceCrs, limit: number): Promise<{ preview: LayerPreview; sample: FeatureCollection | null }> {
  const preview = await importWorker().reread({ crs });
  const sample = preview.ok ? await importWorker().sample(limit) : null;
  return { preview, sample };
}

/** Stops reading (terminates the worker) and drops the files still queued; nothing loaded changes. */
export function cancelImport(): void {
  job++;
  terminateImportWorker();
  useStore.setState({ importPhase: { type: 'idle' }, importQueue: [] });
}

/** Closes the dialog without loading; the next queued file opens. */
export function dismissImport(): void {
  job++;
  void importWorker().clear();
  void next();
}

/** Reads the open file again with another kind or coordinate system (the dialog shows progress). */
export async function rereadLayer(choice: ReadChoice): Promise<void> {
  const ph = useStore.getState().importPhase;
  if (ph.type !== 'layer') return;
  const my = ++job;
  set({ ...ph, busy: 0 });
  // Progress arrives on its own message port: a late one must not mark the dialog busy again.
  let finished = false;
  const onProgress = Comlink.proxy((p: ImportProgress) => {
    const cur = useStore.getState().importPhase;
    if (my === job && !finished && cur.type === 'layer') set({ ...cur, busy: p.fraction });
  });
  try {
    const preview = await importWorker().reread(choice, onProgress);
    finished = true;
    if (my !== job) return;
    set({ ...ph, preview, busy: null });
  } catch (e) {
    if (my !== job) return;
    set({ type: 'failed', name: ph.preview.name, format: ph.preview.format, issues: [bothLanguages('io_internal_error', { name: ph.preview.name, detail: (e as Error).message })], warnings: [] });
  }
}

/** What confirming the layer dialog does besides loading the chosen kind. */
export interface ConfirmOptions {
  /** Replace the loaded layer of that kind, or add to it. */
  mode: LoadMode;
  /** The families this layer took from the file. */
  took: GeometryFamily[];
  /** Then open the same file again for the rest of its geometry, as this kind. */
  then?: LayerKind;
  /** Features of the file left out (another geometry, not loaded): counted in the message. */
  leftOut?: { count: number; family: GeometryFamily }[];
}

/**
 * Loads the open file as a layer of the chosen kind (replacing that kind, or added to it); with
 * `then`, the dialog opens again on the same file for the geometry this layer did not take.
 */
export async function confirmLayer(choices: ImportChoices, opts: ConfirmOptions = { mode: 'replace', took: [] }): Promise<void> {
  const ph = useStore.getState().importPhase;
  if (ph.type !== 'layer') return;
  const my = ++job;
  set({ ...ph, busy: 1 });
  try {
    const { fc, skipped } = await importWorker().finish(choices, !!opts.then);
    if (my !== job) return;
    const kind: LayerKind = choices.kind;
    const { pushMessage } = useStore.getState();
    if (fc.features.length === 0) {
      set({ type: 'failed', name: ph.preview.name, format: ph.preview.format, issues: [bothLanguages('io_nothing_left', { name: ph.preview.name, skipped })], warnings: [] });
      return;
    }
    loadImportedLayer({ kind, name: ph.preview.name, source: 'file', fc }, opts.mode);
    const kindName = i18n.t(`layer_${kind}`);
    pushMessage('info', i18n.t(opts.mode === 'append' ? 'io_appended' : 'io_loaded', { name: ph.preview.name, count: fc.features.length, kind: kindName }));
    if (skipped) pushMessage('warning', i18n.t('io_skipped_uncategorised', { name: ph.preview.name, count: skipped }));
    for (const r of opts.leftOut ?? []) {
      pushMessage('warning', i18n.t('io_rest_skipped_message', { name: ph.preview.name, count: r.count, family: i18n.t(`io_family_${r.family}`) }));
    }
    if (opts.then) {
      set({
        type: 'layer',
        preview: ph.preview,
        first: ph.first,
        busy: null,
        pass: (ph.pass ?? 0) + 1,
        initialKind: opts.then,
        loadedFamilies: [...(ph.loadedFamilies ?? []), ...opts.took],
      });
      return;
    }
    void next();
  } catch (e) {
    if (my !== job) return;
    set({ type: 'failed', name: ph.preview.name, format: ph.preview.format, issues: [bothLanguages('io_internal_error', { name: ph.preview.name, detail: (e as Error).message })], warnings: [] });
  }
}

/** Loads the chosen layers of the open OSM extract at once, credited to OpenStreetMap. */
export async function confirmOsm(choices: OsmChoices, mode: LoadMode = 'replace'): Promise<void> {
  const ph = useStore.getState().importPhase;
  if (ph.type !== 'osm') return;
  const my = ++job;
  set({ ...ph, busy: 1 });
  try {
    const layers = await importWorker().finishOsm(choices);
    if (my !== job) return;
    const list: LoadedLayer[] = (Object.entries(layers) as [OsmLayerKind, LoadedLayer['fc']][])
      .filter(([, fc]) => fc.features.length > 0)
      .map(([kind, fc]) => ({ kind, name: ph.preview.name, source: 'osm', fc, attribution: OSM_ATTRIBUTION }));
    if (!list.length) {
      set({ type: 'failed', name: ph.preview.name, format: ph.preview.format, issues: [bothLanguages('io_nothing_left', { name: ph.preview.name, skipped: 0 })], warnings: [] });
      return;
    }
    loadOsmLayers(list, mode);
    useStore.getState().pushMessage('info', i18n.t('io_osm_loaded', { name: ph.preview.name, layers: list.map((l) => `${i18n.t(`layer_${l.kind}`)} ${l.fc.features.length}`).join(', ') }));
    void next();
  } catch (e) {
    if (my !== job) return;
    set({ type: 'failed', name: ph.preview.name, format: ph.preview.format, issues: [bothLanguages('io_internal_error', { name: ph.preview.name, detail: (e as Error).message })], warnings: [] });
  }
}
