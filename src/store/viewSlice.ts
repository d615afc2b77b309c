import type { StateCreator } from 'zustand';
import type { AppState } from './useStore';

/**
 * How communities are coloured: by built year, by coverage of the active category, by level
 * completeness, by the number of missing mandatory categories (gap map), or by what the active
 * scenario changes (scenario view).
 */
export type CommunityColoring = 'built_year' | 'category' | 'level' | 'missing' | 'change' | 'choice' | 'snapshot' | 'programme';

/** What the planner is looking at: the level and category in focus, the colouring, the top N shown. */
export interface ViewSlice {
  activeLevel: string;
  activeCategory: string | null;
  coloring: CommunityColoring;
  /** The colouring to give back when the view that set its own colouring closes (store/mapViews). */
  coloringBeforeView: CommunityColoring | null;
  /** The category whose route the community card draws (defaults to the active category). */
  routeCategory: string | null;
  /** how many of the top-ranked old communities are highlighted on the map @default 10 */
  rankingTopN: number;
  setActiveLevel: (level: string) => void;
  setActiveCategory: (id: string | null) => void;
  setColoring: (c: CommunityColoring) => void;
  setRouteCategory: (id: string | null) => void;
  setRankingTopN: (n: number) => void;
}

export const createViewSlice: StateCreator<AppState, [], [], ViewSlice> = (set) => ({
  activeLevel: '5min',
  activeCategory: null,
  coloring: 'category',
  coloringBeforeView: null,
  routeCategory: null,
  rankingTopN: 10,
  setActiveLevel: (activeLevel) => set({ activeLevel }),
  setActiveCategory: (activeCategory) => set({ activeCategory, routeCategory: activeCategory }),
  setColoring: (coloring) => set({ coloring }),
  setRouteCategory: (routeCategory) => set({ routeCategory }),
  setRankingTopN: (rankingTopN) => set({ rankingTopN: Math.max(0, Math.round(rankingTopN)) }),
});
