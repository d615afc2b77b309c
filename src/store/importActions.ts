import type { LifeCircleProject } from '../core/io';
import { reapplyJoins } from './joinActions';
import { applyUnitLayer } from './unitsActions';
import { appendFeatures } from '../core/io';
import type { LayerKind } from '../core/model';
import type { DemoMeta, LoadedLayer } from './layersSlice';
import { rememberData } from './dataHistory';
import { useStore } from './useStore';
import { applyWorkspaceSettings, savedDemoMeta } from './workspaceSettings';

/** What to do with a layer of the same kind that is already loaded. */
export type LoadMode = 'replace' | 'append';

/**
 * The demo notice stays only while what a planner looks at is still the demo town: every loaded
 * communities and facilities layer comes from the demo (the demo's streets or parks under the
 * user's own communities do not make it a demo). Layers of other kinds alone keep it too.
 */
export function demoStillShown(layers: Partial<Record<LayerKind, LoadedLayer>>): boolean {
  const list = Object.values(layers).filter((l): l is LoadedLayer => !!l);
  if (!list.some((l) => l.source === 'demo')) return false;
  return (['communities', 'facilities'] as const).every((k) => !layers[k] || layers[k]!.source === 'demo');
}

function dropDemoNoticeIfGone(): void {
  const s = useStore.getState();
  if (s.demo && !demoStillShown(s.layers)) useStore.setState({ demo: null });
}

/** Joins two credits without repeating one. */
function joinAttribution(a?: string, b?: string): string | undefined {
  const parts = [...new Set([a, b].filter((x): x is string => !!x))];
  return parts.length ? parts.join(' · ') : undefined;
}

/** The layer after adding `added` to what is loaded (ids kept unique); a user layer from then on. */
function appended(current: LoadedLayer, added: LoadedLayer): LoadedLayer {
  const attribution = joinAttribution(current.attribution, added.attribution);
  return {
    kind: current.kind,
    name: `${current.name} + ${added.name}`,
    // Mixed with the user's data: never again the bundled demo (which autosave does not store).
    source: current.source === 'demo' ? added.source : current.source,
    fc: appendFeatures(current.fc, added.fc).fc,
    ...(attribution ? { attribution } : {}),
  };
}

/**
 * Puts one imported layer into the store: in place of the layer of its kind, or added to it; the
 * other layers stay. The change can be undone. The demo notice goes once the demo is no longer
 * what is shown (demoStillShown).
 */
export function loadImportedLayer(layer: LoadedLayer, mode: LoadMode = 'replace'): void {
  const s = useStore.getState();
  // communities or facilities imported again: the workspace's joined tables are applied again (issue 15)
  if ((layer.kind === 'communities' || layer.kind === 'facilities') && mode === 'replace') layer = { ...layer, fc: reapplyJoins(layer.fc, layer.kind).fc };
  const current = s.layers[layer.kind];
  rememberData({ key: mode === 'append' && current ? 'undo_what_append' : 'undo_what_import', params: { name: layer.name } });
  s.setLayer(mode === 'append' && current ? appended(current, layer) : layer);
  if (layer.kind === 'units' || (layer.kind === 'communities' && s.layers.units)) applyUnitLayer();
  dropDemoNoticeIfGone();
}

/**
 * Loads the layers classified from one OSM extract at once. With 'replace', layers of other kinds
 * the user imported stay and demo layers of other kinds go (they belong to another place); with
 * 'append', every loaded layer stays and the extract's features are added to the same kinds.
 */
export function loadOsmLayers(list: LoadedLayer[], mode: LoadMode = 'replace'): void {
  const s = useStore.getState();
  rememberData({ key: 'undo_what_import', params: { name: list[0]?.name ?? '' } });
  if (mode === 'append') {
    const layers = { ...s.layers };
    for (const l of list) layers[l.kind] = layers[l.kind] ? appended(layers[l.kind]!, l) : l;
    useStore.setState((st) => ({ layers, extentVersion: st.extentVersion + 1 }));
    dropDemoNoticeIfGone();
    return;
  }
  list = list.map((l) => (l.kind === 'communities' || l.kind === 'facilities' ? { ...l, fc: reapplyJoins(l.fc, l.kind).fc } : l));
  const kinds = new Set(list.map((l) => l.kind));
  const kept = Object.values(s.layers).filter((l): l is LoadedLayer => !!l && !kinds.has(l.kind) && l.source !== 'demo');
  s.setLayers([...kept, ...list], null);
  if (useStore.getState().layers.units) applyUnitLayer();
}

/** Replaces the workspace with a project's layers, rules and settings (the UI language stays). */
export function applyProject(project: LifeCircleProject, name = ''): void {
  const s = useStore.getState();
  rememberData({ key: 'undo_what_project', params: { name } });
  s.setRules(project.rules);
  const layers: LoadedLayer[] = project.layers.map((l) => ({
    kind: l.kind,
    name: l.name,
    source: l.source,
    fc: l.fc,
    ...(l.attribution ? { attribution: l.attribution } : {}),
  }));
  const demo: DemoMeta | null = layers.some((l) => l.source === 'demo') ? savedDemoMeta(project.settings) : null;
  s.setLayers(layers, demo);
  applyWorkspaceSettings(project.settings);
}
