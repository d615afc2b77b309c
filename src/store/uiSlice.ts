import type { StateCreator } from 'zustand';
import type { Feature, Geometry } from 'geojson';
import type { LayerKind } from '../core/model';
import type { AppState } from './useStore';
import { COVERAGE_VIEW, coloringOnSwitch, type ViewMap } from './mapViews';

export interface Hovered {
  kind: LayerKind;
  index: number;
  x: number;
  y: number;
}

/** A button on a message (e.g. download what could not be restored). */
export interface MessageAction {
  label: string;
  run: () => void;
}

export interface Message {
  id: number;
  level: 'error' | 'warning' | 'info';
  text: string;
  action?: MessageAction;
}

export interface UiSlice {
  hovered: Hovered | null;
  /** Index into the communities layer. */
  selectedCommunity: number | null;
  /** A blocking message for the whole app (loading); null when idle. */
  busy: string | null;
  /** Errors and notices for the user; newest last. */
  messages: Message[];
  /** The open workbench view (bottom drawer; ids in ui/workbench/tabs.ts), or null when collapsed. */
  workbenchTab: string | null;
  /** What the open view puts on the map (COVERAGE_VIEW when the drawer is collapsed). */
  workbenchView: ViewMap;
  /** Opens a view with what it shows on the map, or collapses the drawer (null). */
  setWorkbenchTab: (id: string | null, view?: ViewMap) => void;
  setHovered: (h: Hovered | null) => void;
  /** A facility found by the map search, ringed on the map while it is in the facilities layer. */
  foundFacility: Feature<Geometry, Record<string, unknown>> | null;
  setFoundFacility: (f: Feature<Geometry, Record<string, unknown>> | null) => void;
  selectCommunity: (index: number | null) => void;
  setBusy: (msg: string | null) => void;
  pushMessage: (level: Message['level'], text: string, action?: MessageAction) => void;
  dismissMessage: (id: number) => void;
}

let nextMessageId = 1;
/** Notices (level 'info') go by themselves after this long; errors and warnings stay until dismissed. */
export const INFO_MESSAGE_MS = 8000;
/** At most this many messages are shown; the oldest go first. */
const MAX_MESSAGES = 4;

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set, get) => ({
  hovered: null,
  selectedCommunity: null,
  busy: null,
  messages: [],
  workbenchTab: null,
  workbenchView: COVERAGE_VIEW,
  setWorkbenchTab: (workbenchTab, view = COVERAGE_VIEW) =>
    set((s) => {
      const workbenchView = workbenchTab === null ? COVERAGE_VIEW : view;
      return { workbenchTab, workbenchView, ...coloringOnSwitch(s, s.workbenchView, workbenchView, workbenchTab !== s.workbenchTab) };
    }),
  setHovered: (hovered) => set({ hovered }),
  foundFacility: null,
  setFoundFacility: (foundFacility) => set({ foundFacility }),
  selectCommunity: (selectedCommunity) => set({ selectedCommunity }),
  setBusy: (busy) => set({ busy }),
  pushMessage: (level, text, action) => {
    const id = nextMessageId++;
    set((s) => ({ messages: [...s.messages.filter((m) => m.text !== text), { id, level, text, ...(action ? { action } : {}) }].slice(-MAX_MESSAGES) }));
    if (level === 'info') setTimeout(() => get().dismissMessage(id), INFO_MESSAGE_MS);
  },
  dismissMessage: (id) => set((s) => ({ messages: s.messages.filter((m) => m.id !== id) })),
});
