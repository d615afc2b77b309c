import type { StateCreator } from 'zustand';
import type { LayerKind } from '../core/model';
import type { AppState } from './useStore';

export interface Hovered {
  kind: LayerKind;
  index: number;
  x: number;
  y: number;
}

export interface UiSlice {
  hovered: Hovered | null;
  /** Index into the communities layer. */
  selectedCommunity: number | null;
  /** A blocking message for the whole app (loading); null when idle. */
  busy: string | null;
  /** Errors and notices for the user; newest last. */
  messages: { id: number; level: 'error' | 'warning' | 'info'; text: string }[];
  /** The open workbench view (bottom drawer), or null when collapsed. */
  workbenchTab: string | null;
  setWorkbenchTab: (id: string | null) => void;
  setHovered: (h: Hovered | null) => void;
  selectCommunity: (index: number | null) => void;
  setBusy: (msg: string | null) => void;
  pushMessage: (level: 'error' | 'warning' | 'info', text: string) => void;
  dismissMessage: (id: number) => void;
}

let nextMessageId = 1;

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  hovered: null,
  selectedCommunity: null,
  busy: null,
  messages: [],
  workbenchTab: null,
  setWorkbenchTab: (workbenchTab) => set({ workbenchTab }),
  setHovered: (hovered) => set({ hovered }),
  selectCommunity: (selectedCommunity) => set({ selectedCommunity }),
  setBusy: (busy) => set({ busy }),
  pushMessage: (level, text) => set((s) => ({ messages: [...s.messages, { id: nextMessageId++, level, text }] })),
  dismissMessage: (id) => set((s) => ({ messages: s.messages.filter((m) => m.id !== id) })),
});
