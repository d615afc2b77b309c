import type { ComponentType } from 'react';
import { RankingView } from './RankingView';
import { ParksView } from './ParksView';
import { ParkingView } from './ParkingView';
import { RulesView } from './RulesView';
import { ComplianceTable } from './ComplianceTable';
import { GapView } from './GapView';
import { Dashboard } from './Dashboard';
import { RANKING_TAB } from '../../map/rankingOverlay';
import { PARKS_TAB } from '../../map/parksOverlay';
import { PARKING_TAB } from '../../map/parkingOverlay';
import { GAPS_TAB } from '../../store/mapViews';
import { COMPLIANCE_TAB } from '../../map/complianceOverlay';

/** A view of the bottom workbench drawer (compliance table, ranking, dashboard, rules...). */
export interface WorkbenchTab {
  id: string;
  /** i18n key of the tab label */
  label: string;
  Component: ComponentType;
}

/**
 * The workbench views, in display order. Each view lives in its own file under src/ui/workbench/
 * and is registered here with one line.
 */
export const WORKBENCH_TABS: WorkbenchTab[] = [
  { id: 'dashboard', label: 'wb_tab_dashboard', Component: Dashboard },
  { id: COMPLIANCE_TAB, label: 'wb_tab_compliance', Component: ComplianceTable },
  { id: GAPS_TAB, label: 'wb_tab_gaps', Component: GapView },
  { id: RANKING_TAB, label: 'pl_tab_ranking', Component: RankingView },
  { id: PARKS_TAB, label: 'pl_tab_parks', Component: ParksView },
  { id: PARKING_TAB, label: 'pl_tab_parking', Component: ParkingView },
  { id: 'rules', label: 'pl_tab_rules', Component: RulesView },
];
