import type { ComponentType } from 'react';
import type { ViewMap } from '../../store/mapViews';
import { RankingView } from './RankingView';
import { ParksView } from './ParksView';
import { ParkingView } from './ParkingView';
import { RulesView } from './RulesView';
import { ComplianceTable } from './ComplianceTable';
import { GapView } from './GapView';
import { Dashboard } from './Dashboard';
import { ScenarioView } from './ScenarioView';
import { AccessView } from './AccessView';
import { TargetsView } from './TargetsView';
import { WORKBENCH_TAB_IDS, WORKBENCH_VIEW_MAPS, type WorkbenchTabId } from './tabMaps';

/** A view of the bottom workbench drawer (compliance table, ranking, dashboard, rules...). */
export interface WorkbenchTab {
  id: WorkbenchTabId;
  /** i18n key of the tab label */
  label: string;
  Component: ComponentType;
  /** what the view puts on the map while it is open (tabMaps.ts) */
  map: ViewMap;
}

const VIEWS: Record<WorkbenchTabId, { label: string; Component: ComponentType }> = {
  dashboard: { label: 'wb_tab_dashboard', Component: Dashboard },
  compliance: { label: 'wb_tab_compliance', Component: ComplianceTable },
  gaps: { label: 'wb_tab_gaps', Component: GapView },
  access: { label: 'ac_tab', Component: AccessView },
  ranking: { label: 'pl_tab_ranking', Component: RankingView },
  parks: { label: 'pl_tab_parks', Component: ParksView },
  parking: { label: 'pl_tab_parking', Component: ParkingView },
  scenario: { label: 'sc_tab', Component: ScenarioView },
  targets: { label: 'tg_tab', Component: TargetsView },
  rules: { label: 'pl_tab_rules', Component: RulesView },
};

/**
 * The workbench views, in display order. Each view lives in its own file under src/ui/workbench/
 * and is registered here and in tabMaps.ts with one line each.
 */
export const WORKBENCH_TABS: WorkbenchTab[] = WORKBENCH_TAB_IDS.map((id) => ({ id, ...VIEWS[id], map: WORKBENCH_VIEW_MAPS[id] }));
