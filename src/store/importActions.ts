import type { LifeCircleProject } from '../core/io/project';
import type { LoadedLayer } from './layersSlice';
import { useStore } from './useStore';
import { applyWorkspaceSettings, savedDemoMeta } from './workspaceSettings';

/**
 * Puts one imported layer into the store, replacing the layer of its kind; the others stay. The
 * demo notice goes once no demo layer is left.
 */
export function loadImportedLayer(layer: LoadedLayer): void {
  const s = useStore.getState();
  s.setLayer(layer);
  const after = useStore.getState();
  if (after.demo && !Object.values(after.layers).some((l) => l?.source === 'demo')) useStore.setState({ demo: null });
}

/**
 * Loads the layers classified from one OSM extract at once. Layers of other kinds the user
 * imported stay; demo layers of other kinds go (they belong to another place).
 */
export function loadOsmLayers(list: LoadedLayer[]): void {
  const s = useStore.getState();
  const kinds = new Set(list.map((l) => l.kind));
  const kept = Object.values(s.layers).filter((l): l is LoadedLayer => !!l && !kinds.has(l.kind) && l.source !== 'demo');
  s.setLayers([...kept, ...list], null);
}

/** Replaces the workspace with a project's layers, rules and settings (the UI language stays). */
export function applyProject(project: LifeCircleProject): void {
  const s = useStore.getState();
  s.setRules(project.rules);
  const layers: LoadedLayer[] = project.layers.map((l) => ({
    kind: l.kind,
    name: l.name,
    source: l.source,
    fc: l.fc,
    ...(l.attribution ? { attribution: l.attribution } : {}),
  }));
  const demo = layers.some((l) => l.source === 'demo') ? savedDemoMeta(project.settings) : null;
  s.setLayers(layers, demo);
  applyWorkspaceSettings(project.settings);
}
