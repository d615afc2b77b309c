import type { StateCreator } from 'zustand';
import type { Snapshot, Target } from '../core/monitor';
import type { AppState } from './useStore';

/** Targets and dated snapshots (issue 14); saved with the workspace and in project files. */
export interface MonitorSlice {
  targets: Target[];
  snapshots: Snapshot[];
  /** the two snapshots compared (indexes into `snapshots`, oldest first), shown in the view and on the map */
  snapshotPair: [number, number];
  setTargets: (targets: Target[]) => void;
  /** one target's fields changed in the table */
  updateTarget: (id: string, patch: Partial<Omit<Target, 'id'>>) => void;
  addSnapshot: (s: Snapshot) => void;
  removeSnapshot: (label: string, date: string) => void;
  setSnapshotPair: (pair: [number, number]) => void;
}

/** The latest two snapshots: what a planner compares first (the last check against this one). */
const latestPair = (n: number): [number, number] => [Math.max(0, n - 2), Math.max(0, n - 1)];

export const createMonitorSlice: StateCreator<AppState, [], [], MonitorSlice> = (set) => ({
  targets: [],
  snapshots: [],
  snapshotPair: [0, 1],
  setTargets: (targets) => set({ targets }),
  updateTarget: (id, patch) => set((st) => ({ targets: st.targets.map((t) => (t.id === id ? { ...t, ...patch } : t)) })),
  addSnapshot: (s) =>
    set((st) => {
      const snapshots = [...st.snapshots.filter((x) => !(x.label === s.label && x.date === s.date)), s].sort((a, b) => a.date.localeCompare(b.date));
      return { snapshots, snapshotPair: latestPair(snapshots.length) };
    }),
  removeSnapshot: (label, date) =>
    set((st) => {
      const snapshots = st.snapshots.filter((x) => !(x.label === label && x.date === date));
      return { snapshots, snapshotPair: latestPair(snapshots.length) };
    }),
  setSnapshotPair: (snapshotPair) => set({ snapshotPair }),
});
