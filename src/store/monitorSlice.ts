import type { StateCreator } from 'zustand';
import type { Snapshot, Target } from '../core/monitor';
import type { AppState } from './useStore';

/** Targets and dated snapshots (issue 14); saved with the workspace and in project files. */
export interface MonitorSlice {
  targets: Target[];
  snapshots: Snapshot[];
  setTargets: (targets: Target[]) => void;
  addSnapshot: (s: Snapshot) => void;
  removeSnapshot: (label: string, date: string) => void;
}

export const createMonitorSlice: StateCreator<AppState, [], [], MonitorSlice> = (set) => ({
  targets: [],
  snapshots: [],
  setTargets: (targets) => set({ targets }),
  addSnapshot: (s) => set((st) => ({ snapshots: [...st.snapshots.filter((x) => !(x.label === s.label && x.date === s.date)), s].sort((a, b) => a.date.localeCompare(b.date)) })),
  removeSnapshot: (label, date) => set((st) => ({ snapshots: st.snapshots.filter((x) => !(x.label === label && x.date === date)) })),
});
