import type { ViewMap } from '../../store/mapViews';

/** The workbench views' ids, in display order (their components and labels: tabs.ts). */
export const WORKBENCH_TAB_IDS = ['dashboard', 'compliance', 'gaps', 'access', 'ranking', 'parks', 'parking', 'scenario', 'targets', 'rules'] as const;
export type WorkbenchTabId = (typeof WORKBENCH_TAB_IDS)[number];

/**
 * What each view puts on the map while it is open: the coverage views show the active category's
 * service area; the gap map its missing-category colouring and hex grid; the ranking, parks and
 * parking views their own overlays (src/map/*Overlay.ts) and no service area; the scenario view
 * colours communities by what the active scenario changes and draws its edits; the targets view
 * colours them by how their coverage changed between the compared snapshots (or by programme status
 * when the planner asks) and marks the facilities added and removed.
 */
export const WORKBENCH_VIEW_MAPS: Record<WorkbenchTabId, ViewMap> = {
  dashboard: { serviceArea: true },
  compliance: { serviceArea: true, overlay: 'compliance' },
  gaps: { serviceArea: false, coloring: 'missing', overlay: 'gapGrid' },
  access: { serviceArea: false, coloring: 'choice', overlay: 'access' },
  ranking: { serviceArea: false, overlay: 'ranking' },
  parks: { serviceArea: false, overlay: 'parks' },
  parking: { serviceArea: false, overlay: 'parking' },
  scenario: { serviceArea: false, coloring: 'change', overlay: 'scenario' },
  targets: { serviceArea: false, coloring: 'snapshot', overlay: 'snapshot' },
  rules: { serviceArea: true },
};
