import { editsFromGeoJson, editsToGeoJson, roundCoordinates, type EditProblem, type Scenario, type ScenarioEdit } from '../core/scenario';
import type { FeatureCollection, LineString, Polygon } from 'geojson';
import i18n from '../i18n';
import { analysisWorker, Comlink } from '../worker/analysisClient';
import type { SuggestRequest } from '../worker/protocol';
import type { SiteSuggestionProgress } from '../core/analysis/siting';
import { useStore, type AppState } from './useStore';

/** The active scenario, null when the baseline is shown. */
export function activeScenario(s: Pick<AppState, 'scenarios' | 'activeScenarioId'>): Scenario | null {
  return s.scenarios.find((x) => x.id === s.activeScenarioId) ?? null;
}

let nextId = 1;
const newId = (prefix: string, taken: ReadonlySet<string>): string => {
  let id: string;
  do id = `${prefix}${nextId++}`;
  while (taken.has(id));
  return id;
};

/** A new, empty scenario (named 方案 n / Scenario n), made active. */
export function newScenario(name?: string, edits: ScenarioEdit[] = []): Scenario {
  const s = useStore.getState();
  const id = newId('s', new Set(s.scenarios.map((x) => x.id)));
  const scenario: Scenario = { id, name: name?.trim() || i18n.t('sc_default_name', { n: s.scenarios.length + 1 }), edits };
  useStore.setState({ scenarios: [...s.scenarios, scenario], activeScenarioId: id, scenarioRedo: [], suggestion: null });
  return scenario;
}

/** Shows a scenario (or the baseline, null). */
export function selectScenario(id: string | null): void {
  useStore.setState({ activeScenarioId: id, scenarioRedo: [], scenarioTool: null, suggestion: null });
}

export function removeScenario(id: string): void {
  const s = useStore.getState();
  useStore.setState({
    scenarios: s.scenarios.filter((x) => x.id !== id),
    ...(s.activeScenarioId === id ? { activeScenarioId: null, scenarioRedo: [] } : {}),
    ...(s.compareScenarioId === id ? { compareScenarioId: null } : {}),
  });
}

/** Compares the active scenario with another one (null: with the baseline). */
export function compareWith(id: string | null): void {
  useStore.setState({ compareScenarioId: id });
}

export function renameScenario(id: string, name: string): void {
  const s = useStore.getState();
  useStore.setState({ scenarios: s.scenarios.map((x) => (x.id === id && name.trim() ? { ...x, name: name.trim() } : x)) });
}

function replaceActive(edits: ScenarioEdit[], redo: ScenarioEdit[]): void {
  const s = useStore.getState();
  const a = activeScenario(s);
  if (!a) return;
  useStore.setState({ scenarios: s.scenarios.map((x) => (x.id === a.id ? { ...x, edits } : x)), scenarioRedo: redo });
}

/** Appends an edit to the active scenario (a new scenario when none is active); the redo list is cleared. */
export function addEdit(edit: ScenarioEdit): void {
  const a = activeScenario(useStore.getState()) ?? newScenario();
  replaceActive([...a.edits, edit], []);
}

export function undoEdit(): void {
  const s = useStore.getState();
  const a = activeScenario(s);
  if (!a?.edits.length) return;
  replaceActive(a.edits.slice(0, -1), [...s.scenarioRedo, a.edits[a.edits.length - 1]]);
}

export function redoEdit(): void {
  const s = useStore.getState();
  const a = activeScenario(s);
  if (!a || !s.scenarioRedo.length) return;
  replaceActive([...a.edits, s.scenarioRedo[s.scenarioRedo.length - 1]], s.scenarioRedo.slice(0, -1));
}

/** A fresh id for a feature an edit adds (unique among the layer's ids and the scenario's edits). */
export function newEditId(prefix: string): string {
  const s = useStore.getState();
  const taken = new Set<string>();
  for (const f of s.layers.facilities?.fc.features ?? []) taken.add(String(f.properties?.id ?? ''));
  for (const sc of s.scenarios) for (const e of sc.edits) if ('id' in e) taken.add(e.id);
  return newId(prefix, taken);
}

/** What was under the click: a facility's or a community's id (the map picks them). */
export interface MapPick {
  facilityId?: string | null;
  communityId?: string | null;
}

const pt = (lonLat: [number, number]) => roundCoordinates({ type: 'Point' as const, coordinates: lonLat });

/**
 * Dragging a facility with the move tool (issue 11): a press on a facility starts the drag (the map
 * does not pan meanwhile), moving the pointer shows where it goes, releasing it there adds the
 * move edit. Returns whether a drag started.
 */
export function startMoveDrag(facilityId: string | null): boolean {
  const tool = useStore.getState().scenarioTool;
  if (tool?.kind !== 'move' || !facilityId) return false;
  useStore.setState({ scenarioTool: { kind: 'move', target: facilityId } });
  return true;
}

export function dragMoveTo(lonLat: [number, number]): void {
  const tool = useStore.getState().scenarioTool;
  if (tool?.kind === 'move' && tool.target) useStore.setState({ scenarioTool: { ...tool, at: lonLat } });
}

/** Ends a drag: the move edit when the facility left its place, else the facility stays picked (click-then-click). */
export function endMoveDrag(lonLat: [number, number], moved: boolean): void {
  const tool = useStore.getState().scenarioTool;
  if (tool?.kind !== 'move' || !tool.target) return;
  if (!moved) return void useStore.setState({ scenarioTool: { kind: 'move', target: tool.target } });
  addEdit({ op: 'move', layer: 'facilities', target_id: tool.target, geometry: pt(lonLat) });
  useStore.setState({ scenarioTool: { kind: 'move', target: null } });
}

/**
 * A click on the map with a scenario tool: adds the edit the tool makes. Returns false when the
 * click did nothing (e.g. delete with no facility under it), so the map can select as usual.
 */
export function scenarioClick(lonLat: [number, number], pick: MapPick): boolean {
  const tool = useStore.getState().scenarioTool;
  if (!tool) return false;
  switch (tool.kind) {
    case 'add-facility':
      addEdit({ op: 'add', layer: 'facilities', id: newEditId('new-'), geometry: pt(lonLat), properties: { category: tool.category, name: i18n.t('sc_new_facility_name') } });
      return true;
    case 'delete':
      if (!pick.facilityId) return false;
      addEdit({ op: 'delete', layer: 'facilities', target_id: pick.facilityId });
      return true;
    case 'close':
      addEdit({ op: 'close', layer: 'network', id: newEditId('close-'), geometry: pt(lonLat) });
      return true;
    case 'gate':
      if (!pick.communityId) return false;
      addEdit({ op: 'add_entrance', layer: 'communities', target_id: pick.communityId, geometry: pt(lonLat) });
      return true;
    case 'move':
      if (!tool.target) {
        if (!pick.facilityId) return false;
        useStore.setState({ scenarioTool: { kind: 'move', target: pick.facilityId } });
        return true;
      }
      addEdit({ op: 'move', layer: 'facilities', target_id: tool.target, geometry: pt(lonLat) });
      useStore.setState({ scenarioTool: { kind: 'move', target: null } });
      return true;
    case 'parking':
      addEdit({ op: 'add', layer: 'parking', id: newEditId('lot-'), geometry: pt(lonLat), properties: { spaces: tool.spaces, public: true, name: i18n.t('sc_new_lot_name') } });
      return true;
    case 'suggest-points':
      useStore.setState((s) => ({ suggestionPoints: [...s.suggestionPoints, pt(lonLat).coordinates as [number, number]] }));
      return true;
    case 'link':
    case 'park':
    case 'suggest-area':
      // terra-draw takes these clicks (map/drawTools); the map does not select meanwhile
      return true;
  }
}

/** Forgets the drawn candidate area and points (the suggestion then uses the map view). */
export function clearSuggestionCandidates(): void {
  useStore.setState({ suggestionArea: null, suggestionPoints: [] });
}

/** A line or polygon finished with terra-draw: a new footpath or park in the active scenario. */
export function finishDrawing(geometry: LineString | Polygon): void {
  const tool = useStore.getState().scenarioTool;
  if (tool?.kind === 'link' && geometry.type === 'LineString') {
    addEdit({ op: 'add', layer: 'network', id: newEditId('link-'), geometry: roundCoordinates(geometry), properties: { highway: 'footway' } });
  } else if (tool?.kind === 'suggest-area' && geometry.type === 'Polygon') {
    useStore.setState({ suggestionArea: roundCoordinates(geometry), scenarioTool: null });
  } else if (tool?.kind === 'park' && geometry.type === 'Polygon') {
    addEdit({ op: 'add', layer: 'parks', id: newEditId('park-'), geometry: roundCoordinates(geometry), properties: { name: i18n.t('sc_new_park_name') } });
  }
}

/** The active scenario's edits as GeoJSON (op, layer, target_id, properties). */
export function activeEditsGeoJson(): FeatureCollection | null {
  const a = activeScenario(useStore.getState());
  return a ? editsToGeoJson(a.edits, a.name) : null;
}

/** A scenario from an edits GeoJSON file; its problems (features that are not edits) are returned. */
export function importEdits(name: string, value: unknown): EditProblem[] {
  const { edits, problems } = editsFromGeoJson(value as FeatureCollection);
  if (edits.length) newScenario(name.replace(/\.(geo)?json$/i, ''), edits);
  return problems;
}

let suggestSeq = 0;

/** Runs a site suggestion in the worker (progress in the store; a newer one or cancel supersedes). */
export async function runSuggestion(request: SuggestRequest): Promise<void> {
  const seq = ++suggestSeq;
  const s = useStore.getState();
  useStore.setState({ suggestionStatus: 'running', suggestionProgress: 0, suggestionError: null });
  try {
    const onProgress = Comlink.proxy((p: SiteSuggestionProgress) => {
      if (seq === suggestSeq) useStore.setState({ suggestionProgress: p.stage === 'reach' ? p.fraction * 0.8 : 0.8 + p.fraction * 0.2 });
    });
    const r = await analysisWorker().suggestSites(s.rules, s.analysisSettings, request, onProgress);
    if (seq !== suggestSeq) return;
    if (!r) return void useStore.setState({ suggestionStatus: 'cancelled' });
    useStore.setState({ suggestion: { ...r, categoryId: request.categoryId }, suggestionStatus: 'done', suggestionProgress: 1 });
  } catch (e) {
    if (seq === suggestSeq) useStore.setState({ suggestionStatus: 'error', suggestionError: (e as Error).message });
  }
}

export function cancelSuggestion(): void {
  suggestSeq++;
  void analysisWorker().cancelSuggestion();
  useStore.setState({ suggestionStatus: 'cancelled' });
}

/** Adds the suggested sites to the active scenario (a new one when none is active) as new facilities. */
export function acceptSuggestion(): void {
  const sg = useStore.getState().suggestion;
  if (!sg?.picks.length) return;
  for (const p of sg.picks) {
    addEdit({ op: 'add', layer: 'facilities', id: newEditId('site-'), geometry: pt([p.lon, p.lat]), properties: { category: sg.categoryId, name: i18n.t('sc_site_name', { rank: p.rank }), suggested_rank: p.rank } });
  }
  useStore.setState({ suggestion: null, suggestionStatus: 'idle' });
}
