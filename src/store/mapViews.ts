import type { CommunityColoring } from './analysisSlice';
import type { AppState } from './useStore';

/** The workbench tab of the gap map. */
export const GAPS_TAB = 'gaps';

/**
 * What each view puts on the map: views own their overlays, and switching views swaps them.
 * The coverage views (no drawer, dashboard, compliance table, rule editor) show the active
 * category's service area; the gap map shows the missing-category colouring and its hex grid;
 * the ranking, parks and parking views show their own overlays (see src/map/*Overlay.ts) and
 * no service area of a category.
 */
interface ViewMap {
  /** the active category's service area (and reached streets) */
  serviceArea: boolean;
  /** the colouring the view shows while it is open (the previous one comes back on leaving) */
  coloring?: CommunityColoring;
}

const COVERAGE_VIEW: ViewMap = { serviceArea: true };
const VIEWS: Record<string, ViewMap> = {
  dashboard: COVERAGE_VIEW,
  compliance: COVERAGE_VIEW,
  rules: COVERAGE_VIEW,
  [GAPS_TAB]: { serviceArea: false, coloring: 'missing' },
  ranking: { serviceArea: false },
  parks: { serviceArea: false },
  parking: { serviceArea: false },
};

function viewOf(tab: string | null): ViewMap {
  return (tab && VIEWS[tab]) || COVERAGE_VIEW;
}

/** Whether the open view shows the active category's service area. */
export function showsServiceArea(s: Pick<AppState, 'workbenchTab'>): boolean {
  return viewOf(s.workbenchTab).serviceArea;
}

/**
 * The colouring after switching from one view to another: a view with its own colouring sets it on
 * entering and gives the previous one back on leaving (unless the planner changed it meanwhile).
 */
export function coloringOnSwitch(
  s: Pick<AppState, 'coloring' | 'coloringBeforeView'>,
  from: string | null,
  to: string | null,
): Pick<AppState, 'coloring' | 'coloringBeforeView'> {
  let { coloring, coloringBeforeView: before } = s;
  const left = viewOf(from).coloring;
  if (left && coloring === left && before) coloring = before;
  if (left) before = null;
  const entered = viewOf(to).coloring;
  if (entered && from !== to) {
    before = coloring;
    coloring = entered;
  }
  return { coloring, coloringBeforeView: before };
}
