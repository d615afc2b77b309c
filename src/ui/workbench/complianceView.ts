import { create } from 'zustand';
import { NO_FILTER, type ComplianceFilter, type ComplianceSort } from './complianceOrder';

/** View state of the compliance table (sort and filters); kept while the drawer switches tabs, not saved. */
interface ComplianceViewState {
  sort: ComplianceSort | null;
  filter: ComplianceFilter;
  setSort: (sort: ComplianceSort | null) => void;
  setFilter: (patch: Partial<ComplianceFilter>) => void;
  resetFilter: () => void;
}

export const useComplianceView = create<ComplianceViewState>()((set) => ({
  sort: { key: 'missing', dir: 'desc' },
  filter: NO_FILTER,
  setSort: (sort) => set({ sort }),
  setFilter: (patch) => set((s) => ({ filter: { ...s.filter, ...patch } })),
  resetFilter: () => set({ filter: NO_FILTER }),
}));
