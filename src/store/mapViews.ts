import type { CommunityColoring } from './viewSlice';
import type { AppState } from './useStore';
import { selectSnapshotCompare } from './selectMonitor';

/** The overlays a workbench view can put on the map (src/map/overlays.ts draws them). */
export type MapOverlayId = 'parks' | 'parking' | 'ranking' | 'gapGrid' | 'compliance' | 'scenario' | 'access' | 'snapshot';

/**
 * What a view puts on the map: views own their overlays, and switching views swaps them. The
 * workbench's views (ui/workbench/tabs.ts, where their ids live) each declare one; the store keeps
 * the open view's, so the map reads what to draw without knowing any view.
 */
export interface ViewMap {
  /** the active category's service area (and reached streets) */
  serviceArea: boolean;
  /** the colouring the view shows while it is open (the previous one comes back on leaving) */
  coloring?: CommunityColoring;
  /** the view's own overlay */
  overlay?: MapOverlayId;
}

/** The coverage views (no drawer, dashboard, rule editor): the active category's service area. */
export const COVERAGE_VIEW: ViewMap = { serviceArea: true };

/** Whether the open view shows the active category's service area. */
export function showsServiceArea(s: Pick<AppState, 'workbenchView'>): boolean {
  return s.workbenchView.serviceArea;
}

/**
 * The colouring after switching from one view to another: a view with its own colouring sets it on
 * entering and gives the previous one back on leaving (unless the planner changed it meanwhile).
 * `changed` is false when the same view is opened again.
 */
export function coloringOnSwitch(
  s: Pick<AppState, 'coloring' | 'coloringBeforeView'>,
  from: ViewMap,
  to: ViewMap,
  changed = from !== to,
): Pick<AppState, 'coloring' | 'coloringBeforeView'> {
  let { coloring, coloringBeforeView: before } = s;
  const left = from.coloring;
  if (left && coloring === left && before) coloring = before;
  if (left) before = null;
  const entered = to.coloring;
  if (entered && changed) {
    before = coloring;
    coloring = entered;
  }
  return { coloring, coloringBeforeView: before };
}

/**
 * The colouring the map shows: the one chosen, unless it has nothing to show yet — no analysis (the
 * programme colouring needs none), or the snapshot colouring with no pair of snapshots to compare —
 * when the communities are coloured by built year. The map and its legends read this one answer.
 */
export function effectiveColoring(s: Pick<AppState, 'coverage' | 'coloring' | 'snapshots' | 'snapshotPair' | 'layers'>): CommunityColoring {
  if (s.coloring === 'programme') return s.coloring;
  if (!s.coverage) return 'built_year';
  if (s.coloring === 'snapshot' && !selectSnapshotCompare(s)) return 'built_year';
  return s.coloring;
}
