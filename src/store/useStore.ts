import { create } from 'zustand';
import { createLayersSlice, type LayersSlice } from './layersSlice';
import { createUiSlice, type UiSlice } from './uiSlice';
import { createRulesSlice, type RulesSlice } from './rulesSlice';
import { createSettingsSlice, type SettingsSlice } from './settingsSlice';
import { createResultsSlice, type ResultsSlice } from './resultsSlice';
import { createViewSlice, type ViewSlice } from './viewSlice';
import { createGapSlice, type GapSlice } from './gapSlice';
import { createBasemapSlice, type BasemapSlice } from './basemapSlice';
import { createImportSlice, type ImportSlice } from './importSlice';
import { createComplianceSlice, type ComplianceSlice } from './complianceSlice';
import { createScenarioSlice, type ScenarioSlice } from './scenarioSlice';
import { createAccessSlice, type AccessSlice } from './accessSlice';
import { createMonitorSlice, type MonitorSlice } from './monitorSlice';

export type AppState = LayersSlice & RulesSlice & SettingsSlice & ResultsSlice & ViewSlice & GapSlice & UiSlice & ComplianceSlice & BasemapSlice & ImportSlice & ScenarioSlice & AccessSlice & MonitorSlice;

/**
 * The one app store, composed of slices: inputs (layers, rules, settings), results (written only by
 * the analysis controller, the one caller of the analysis worker), view state (view, gap map, compliance table, ui,
 * basemap), scenarios (scenarioSlice; scenarioController runs them), choice and surfaces (accessSlice; accessController) and the import flow (importSlice; its actions in importSession call the import worker).
 */
export const useStore = create<AppState>()((...a) => ({
  ...createLayersSlice(...a),
  ...createRulesSlice(...a),
  ...createSettingsSlice(...a),
  ...createResultsSlice(...a),
  ...createViewSlice(...a),
  ...createGapSlice(...a),
  ...createComplianceSlice(...a),
  ...createUiSlice(...a),
  ...createBasemapSlice(...a),
  ...createImportSlice(...a),
  ...createScenarioSlice(...a),
  ...createAccessSlice(...a),
  ...createMonitorSlice(...a),
}));
