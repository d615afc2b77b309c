import { create } from 'zustand';
import { NO_FILTER, type ComplianceFilter, type ComplianceSort } from './complianceOrder';

/** View state of the compliance table (sort and filters); kept while the drawer switches tabs, not saved. */
interface ComplianceViewState {
  sort: ComplianceSort | null;
  filter: ComplianceFilter;
  /** the CSV export writes machine field names (dist_/ok_, true/false) instead of headers in the UI language */
  machineNames: boolean;
  setMachineNames: (on: boolean) => void;
  setSort: (sort: ComplianceSort | null) => void;
  setFilter: (patch: Partial<ComplianceFilter>) => void;
  resetFilter: () => void;
}

export const useComplianceView = create<ComplianceViewState>()((set) => ({
  sort: { key: 'missing', dir: 'desc' },
  filter: NO_FILTER,
  machineNames: false,
  setMachineNames: (machineNames) => set({ machineNames }),
  setSort: (sort) => set({ sort }),
  setFilter: (patch) => set((s) => ({ filter: { ...s.filter, ...patch } })),
  resetFilter: () => set({ filter: NO_FILTER }),
}));
