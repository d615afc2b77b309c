import type { DemoMeta } from './layersSlice';
import type { CommunityColoring } from './viewSlice';
import { useStore, type AppState } from './useStore';
import { parseBasemapSetting, type BasemapSetting } from './basemapSetting';
import type { FeatureCollection } from 'geojson';
import { editsFromGeoJson, editsToGeoJson, type Scenario } from '../core/scenario';
import { useJoin, type SavedJoin } from './joinActions';
import { JOIN_KINDS } from '../core/join';
import type { Snapshot, Target } from '../core/monitor';

/**
 * The settings a workspace or project keeps besides layers and rules. Saved as plain JSON and read
 * back defensively (applyWorkspaceSettings), so fields added later do not break older saves.
 */
export interface WorkspaceSettings {
  analysis: AppState['analysisSettings'];
  activeLevel: string;
  activeCategory: string | null;
  coloring: CommunityColoring;
  /** Renovation-priority weights (the ranking's sliders). */
  renovationWeights?: Record<string, number>;
  /** UI language ('zh-CN' | 'en'). */
  language?: string;
  /** The demo town's notice, while demo layers are loaded. */
  demo?: DemoMeta | null;
  /** The optional online basemap; absent or unreadable = offline. */
  basemap?: BasemapSetting;
  /** Scenarios (issue 11): each with its edits as GeoJSON (core/scenario editsToGeoJson), and the one shown. */
  scenarios?: { id: string; name: string; edits: FeatureCollection }[];
  activeScenarioId?: string | null;
  /** Tables joined to the communities (issue 15), with the planner's decisions, applied again on re-import. */
  joins?: SavedJoin[];
  /** Targets and dated snapshots (issue 14). */
  targets?: Target[];
  snapshots?: Snapshot[];
}

/** The settings of the current state. */
export function currentWorkspaceSettings(s: AppState, language?: string): WorkspaceSettings {
  return {
    analysis: s.analysisSettings,
    activeLevel: s.activeLevel,
    activeCategory: s.activeCategory,
    // the planner's own colouring, not the one a view (the gap map) shows while it is open
    coloring: s.coloringBeforeView ?? s.coloring,
    renovationWeights: s.renovationWeights,
    ...(language ? { language } : {}),
    demo: s.demo,
    basemap: s.basemap,
    scenarios: s.scenarios.map((x) => ({ id: x.id, name: x.name, edits: editsToGeoJson(x.edits) })),
    activeScenarioId: s.activeScenarioId,
    joins: useJoin.getState().saved,
    targets: s.targets,
    snapshots: s.snapshots,
  };
}

const COLORINGS: readonly string[] = ['built_year', 'category', 'level', 'missing'];

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/**
 * The store patch for saved settings: every analysis setting whose type matches the current one
 * (unknown or mistyped fields are ignored), the active level/category when the rule set has them,
 * and the colouring. Call after the rules are in place.
 */
export function settingsPatch(saved: unknown, s: AppState): Partial<AppState> {
  if (!isObject(saved)) return {};
  const patch: Partial<AppState> = {};
  if (isObject(saved.analysis)) {
    const cur = s.analysisSettings as unknown as Record<string, unknown>;
    const next: Record<string, unknown> = { ...cur };
    for (const [k, v] of Object.entries(saved.analysis)) {
      if (k in cur && typeof v === typeof cur[k] && (typeof v !== 'number' || Number.isFinite(v))) next[k] = v;
    }
    if (next.mode !== 'network' && next.mode !== 'euclidean') next.mode = cur.mode;
    patch.analysisSettings = next as unknown as AppState['analysisSettings'];
  }
  if (typeof saved.activeLevel === 'string' && s.rules.levels.some((l) => l.id === saved.activeLevel)) patch.activeLevel = saved.activeLevel;
  if (saved.activeCategory === null || (typeof saved.activeCategory === 'string' && s.rules.categories.some((c) => c.id === saved.activeCategory))) {
    patch.activeCategory = saved.activeCategory as string | null;
    patch.routeCategory = saved.activeCategory as string | null;
  }
  if (typeof saved.coloring === 'string' && COLORINGS.includes(saved.coloring)) patch.coloring = saved.coloring as CommunityColoring;
  if (isObject(saved.renovationWeights)) {
    const w = Object.entries(saved.renovationWeights).filter(([, v]) => typeof v === 'number' && Number.isFinite(v) && v >= 0);
    if (w.length) patch.renovationWeights = { ...s.renovationWeights, ...Object.fromEntries(w) } as AppState['renovationWeights'];
  }
  if ('basemap' in saved) patch.basemap = parseBasemapSetting(saved.basemap);
  if (Array.isArray(saved.scenarios)) {
    // read defensively: a scenario keeps the edits that parse; one without a name or id is dropped
    const scenarios: Scenario[] = [];
    for (const x of saved.scenarios) {
      if (!isObject(x) || typeof x.id !== 'string' || typeof x.name !== 'string') continue;
      scenarios.push({ id: x.id, name: x.name, edits: editsFromGeoJson(isObject(x.edits) ? (x.edits as { features?: unknown[] }) : null).edits });
    }
    patch.scenarios = scenarios;
    patch.activeScenarioId = typeof saved.activeScenarioId === 'string' && scenarios.some((x) => x.id === saved.activeScenarioId) ? saved.activeScenarioId : null;
    patch.scenarioRedo = [];
  }
  if (Array.isArray(saved.targets)) {
    patch.targets = saved.targets.filter((t): t is Target => isObject(t) && typeof t.indicator === 'string' && typeof t.value === 'number' && typeof t.deadline === 'string') as Target[];
  }
  if (Array.isArray(saved.snapshots)) {
    patch.snapshots = saved.snapshots.filter((x): x is Snapshot => isObject(x) && typeof x.label === 'string' && typeof x.date === 'string' && isObject(x.indicators)) as Snapshot[];
    patch.snapshotPair = [Math.max(0, patch.snapshots.length - 2), Math.max(0, patch.snapshots.length - 1)];
  }
  return patch;
}

/** Applies saved settings to the store (see settingsPatch), and the saved joins. */
export function applyWorkspaceSettings(saved: unknown): void {
  useStore.setState(settingsPatch(saved, useStore.getState()));
  useJoin.setState({ saved: savedJoins(saved) });
}

/** The saved joins that have the expected shape (a table with columns and rows, decisions by name). */
function savedJoins(saved: unknown): SavedJoin[] {
  if (!isObject(saved) || !Array.isArray(saved.joins)) return [];
  return saved.joins.filter((j): j is SavedJoin => isObject(j) && (j.kind === undefined || (JOIN_KINDS as readonly unknown[]).includes(j.kind)) && isObject(j.table) && typeof j.table.name === 'string' && Array.isArray(j.table.columns) && Array.isArray(j.table.rows) && isObject(j.decisions));
}

/** The saved demo notice, when it has the expected shape. */
export function savedDemoMeta(saved: unknown): DemoMeta | null {
  if (!isObject(saved) || !isObject(saved.demo)) return null;
  const d = saved.demo;
  return typeof d.name_zh === 'string' && typeof d.name_en === 'string' && Array.isArray(d.bbox) ? (d as unknown as DemoMeta) : null;
}
