import type { StateCreator } from 'zustand';
import type { Polygon } from 'geojson';
import type { EditProblem, Scenario, ScenarioDiff, ScenarioEdit } from '../core/scenario';
import type { SiteSuggestion } from '../core/analysis/siting';
import type { AnalysisAnswer } from '../worker/protocol';
import type { AppState } from './useStore';

/** What a click on the map does while the scenario view is open. */
export type ScenarioTool =
  | { kind: 'add-facility'; category: string }
  | { kind: 'delete' }
  /** drag a facility to its new place (or click it, then its new place); `at`: where it is being dragged */
  | { kind: 'move'; target: string | null; at?: [number, number] }
  /** a public lot with this many spaces */
  | { kind: 'parking'; spaces: number }
  /** drawn with terra-draw (map/drawTools) */
  | { kind: 'link' }
  | { kind: 'park' }
  | { kind: 'close' }
  | { kind: 'gate' }
  /** site suggestion: draw the candidate area (terra-draw) / click candidate points */
  | { kind: 'suggest-area' }
  | { kind: 'suggest-points' };

/** Scenarios (issue 11): the planner's edit lists over the baseline, and the active one's results. */
export interface ScenarioSlice {
  /** saved with the workspace and in project files */
  scenarios: Scenario[];
  activeScenarioId: string | null;
  /** the scenario the active one is compared with; null = the baseline */
  compareScenarioId: string | null;
  /** edits undone in the active scenario, latest last (cleared by a new edit or a switch) */
  scenarioRedo: ScenarioEdit[];
  scenarioTool: ScenarioTool | null;
  scenarioStatus: 'idle' | 'running' | 'done' | 'error';
  scenarioError: string | null;
  /** the active scenario's run (written by the scenario controller) */
  scenarioResult: AnalysisAnswer | null;
  scenarioDiff: ScenarioDiff | null;
  scenarioProblems: EditProblem[];
  /** the last site suggestion (on the active scenario, else the baseline) */
  suggestion: (SiteSuggestion & { categoryId: string }) | null;
  suggestionStatus: 'idle' | 'running' | 'done' | 'cancelled' | 'error';
  suggestionProgress: number;
  suggestionError: string | null;
  /** the candidate area the planner drew (null: the map view) */
  suggestionArea: Polygon | null;
  /** candidate points the planner clicked (lon/lat), used instead of network nodes when any */
  suggestionPoints: [number, number][];
  setScenarioTool: (tool: ScenarioTool | null) => void;
}

export const createScenarioSlice: StateCreator<AppState, [], [], ScenarioSlice> = (set) => ({
  scenarios: [],
  activeScenarioId: null,
  compareScenarioId: null,
  scenarioRedo: [],
  scenarioTool: null,
  scenarioStatus: 'idle',
  scenarioError: null,
  scenarioResult: null,
  scenarioDiff: null,
  scenarioProblems: [],
  suggestion: null,
  suggestionStatus: 'idle',
  suggestionProgress: 0,
  suggestionError: null,
  suggestionArea: null,
  suggestionPoints: [],
  setScenarioTool: (scenarioTool) => set({ scenarioTool }),
});
