import type { StateCreator } from 'zustand';
import type { RuleSet } from '../core/rules';
import { defaultRules } from '../core/rules';
import type { AppState } from './useStore';

export interface RulesSlice {
  rules: RuleSet;
  setRules: (rules: RuleSet) => void;
}

export const createRulesSlice: StateCreator<AppState, [], [], RulesSlice> = (set) => ({
  rules: defaultRules,
  setRules: (rules) => set({ rules }),
});
