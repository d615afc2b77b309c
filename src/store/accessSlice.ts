import type { StateCreator } from 'zustand';
import type { Decay } from '../core/analysis/choice';
import type { AccessSurface, FacilityChoiceResult } from '../worker/protocol';
import type { AppState } from './useStore';

/** What the accessibility surface shows: a category, or a level's mandatory categories; cell size in metres. */
export interface SurfaceChoice {
  of: { categoryId: string } | { levelId: string };
  cell: number;
}

/**
 * Beyond yes/no (issue 13): the gravity settings, choice results and the accessibility surface.
 * Results are written only by the access controller (store/accessController), which asks the
 * worker while the access view is open.
 */
export interface AccessSlice {
  choiceDecay: Decay;
  choiceWeighted: boolean;
  choice: FacilityChoiceResult | null;
  /** the result in force the choice was computed for (the baseline coverage, or a scenario's answer) */
  choiceFor: object | null;
  choiceStatus: 'idle' | 'running' | 'done' | 'error';
  choiceProgress: number;
  choiceError: string | null;
  /** null: no surface on the map */
  surfaceChoice: SurfaceChoice | null;
  surface: (AccessSurface & { request: SurfaceChoice }) | null;
  surfaceStatus: 'idle' | 'running' | 'done' | 'error';
  surfaceError: string | null;
  /** the cell the planner clicked (its breakdown shows in the view) */
  surfaceCell: { col: number; row: number } | null;
  setChoiceDecay: (decay: Decay) => void;
  setChoiceWeighted: (weighted: boolean) => void;
  setSurfaceChoice: (choice: SurfaceChoice | null) => void;
  setSurfaceCell: (cell: { col: number; row: number } | null) => void;
}

export const createAccessSlice: StateCreator<AppState, [], [], AccessSlice> = (set) => ({
  choiceDecay: { kind: 'cumulative' },
  choiceWeighted: false,
  choice: null,
  choiceFor: null,
  choiceStatus: 'idle',
  choiceProgress: 0,
  choiceError: null,
  surfaceChoice: null,
  surface: null,
  surfaceStatus: 'idle',
  surfaceError: null,
  surfaceCell: null,
  setChoiceDecay: (choiceDecay) => set({ choiceDecay }),
  setChoiceWeighted: (choiceWeighted) => set({ choiceWeighted }),
  setSurfaceChoice: (surfaceChoice) => set({ surfaceChoice, surfaceCell: null }),
  setSurfaceCell: (surfaceCell) => set({ surfaceCell }),
});
