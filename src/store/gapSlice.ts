import type { StateCreator } from 'zustand';
import type { AppState } from './useStore';

/** Missing-facility colouring counts the active level only, or every life-circle level. */
export type GapScope = 'level' | 'all';
/** Uncovered population on a hex grid: off, for the active category, or for the active level. */
export type GapGrid = 'off' | 'category' | 'level';

export interface GapSlice {
  gapScope: GapScope;
  gapGrid: GapGrid;
  /** hexagon radius, metres */
  gapGridRadius: number;
  setGapScope: (s: GapScope) => void;
  setGapGrid: (g: GapGrid) => void;
  setGapGridRadius: (m: number) => void;
}

export const createGapSlice: StateCreator<AppState, [], [], GapSlice> = (set) => ({
  gapScope: 'level',
  gapGrid: 'off',
  gapGridRadius: 150,
  setGapScope: (gapScope) => set({ gapScope }),
  setGapGrid: (gapGrid) => set({ gapGrid }),
  setGapGridRadius: (gapGridRadius) => set({ gapGridRadius }),
});
