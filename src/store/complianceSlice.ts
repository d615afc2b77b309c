import type { StateCreator } from 'zustand';
import { NO_FILTER, type ComplianceFilter, type ComplianceSort } from './complianceOrder';
import type { AppState } from './useStore';

/** View state of the compliance table (sort and filters); kept while the drawer switches tabs, not saved. */
export interface ComplianceSlice {
  complianceSort: ComplianceSort | null;
  complianceFilter: ComplianceFilter;
  /** the CSV export writes machine field names (dist_/ok_, true/false) instead of headers in the UI language */
  complianceMachineNames: boolean;
  setComplianceMachineNames: (on: boolean) => void;
  setComplianceSort: (sort: ComplianceSort | null) => void;
  setComplianceFilter: (patch: Partial<ComplianceFilter>) => void;
  resetComplianceFilter: () => void;
}

export const createComplianceSlice: StateCreator<AppState, [], [], ComplianceSlice> = (set) => ({
  complianceSort: { key: 'missing', dir: 'desc' },
  complianceFilter: NO_FILTER,
  complianceMachineNames: false,
  setComplianceMachineNames: (complianceMachineNames) => set({ complianceMachineNames }),
  setComplianceSort: (complianceSort) => set({ complianceSort }),
  setComplianceFilter: (patch) => set((s) => ({ complianceFilter: { ...s.complianceFilter, ...patch } })),
  resetComplianceFilter: () => set({ complianceFilter: NO_FILTER }),
});
