import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { coloringOnSwitch, showsServiceArea } from '../../src/store/mapViews';
import { useStore } from '../../src/store/useStore';
import { COVERAGE_VIEW } from '../../src/store/mapViews';
import { WORKBENCH_VIEW_MAPS as V } from '../../src/ui/workbench/tabMaps';
import { INFO_MESSAGE_MS } from '../../src/store/uiSlice';

describe('views own their map overlays', () => {
  it('shows the category service area in the coverage views only', () => {
    for (const view of [COVERAGE_VIEW, V.dashboard, V.compliance, V.rules]) expect(showsServiceArea({ workbenchView: view })).toBe(true);
    for (const view of [V.gaps, V.ranking, V.parks, V.parking]) expect(showsServiceArea({ workbenchView: view })).toBe(false);
  });

  it('the gap map colours by missing categories while open and gives the colouring back on leaving', () => {
    const entered = coloringOnSwitch({ coloring: 'built_year', coloringBeforeView: null }, COVERAGE_VIEW, V.gaps);
    expect(entered).toEqual({ coloring: 'missing', coloringBeforeView: 'built_year' });
    expect(coloringOnSwitch(entered, V.gaps, V.ranking)).toEqual({ coloring: 'built_year', coloringBeforeView: null });
    // the planner changed the colouring inside the gap map: that choice stays
    expect(coloringOnSwitch({ coloring: 'level', coloringBeforeView: 'built_year' }, V.gaps, COVERAGE_VIEW)).toEqual({ coloring: 'level', coloringBeforeView: null });
    // views without a colouring of their own leave it alone
    expect(coloringOnSwitch({ coloring: 'category', coloringBeforeView: null }, V.ranking, V.parks)).toEqual({ coloring: 'category', coloringBeforeView: null });
  });

  it('through the store: opening and closing the gap tab', () => {
    useStore.setState({ coloring: 'category', coloringBeforeView: null, workbenchTab: null, workbenchView: COVERAGE_VIEW });
    useStore.getState().setWorkbenchTab('gaps', V.gaps);
    expect(useStore.getState().coloring).toBe('missing');
    expect(useStore.getState().workbenchView.overlay).toBe('gapGrid');
    // opening the same view again keeps the colouring the planner chose there
    useStore.getState().setColoring('level');
    useStore.getState().setWorkbenchTab('gaps', V.gaps);
    expect(useStore.getState().coloring).toBe('level');
    useStore.getState().setWorkbenchTab(null);
    expect(useStore.getState().coloring).toBe('level');
    expect(useStore.getState().workbenchView).toBe(COVERAGE_VIEW);
    useStore.getState().setWorkbenchTab('gaps', V.gaps);
    useStore.getState().setWorkbenchTab('ranking', V.ranking);
    expect(useStore.getState().coloring).toBe('level');
    expect(useStore.getState().workbenchView.overlay).toBe('ranking');
  });
});

describe('messages', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    useStore.setState({ messages: [] });
  });
  afterEach(() => vi.useRealTimers());

  it('notices go by themselves; errors stay; at most four are shown and a repeat replaces its twin', () => {
    const { pushMessage } = useStore.getState();
    pushMessage('info', 'saved');
    pushMessage('error', 'bad file');
    vi.advanceTimersByTime(INFO_MESSAGE_MS + 1);
    expect(useStore.getState().messages.map((m) => m.text)).toEqual(['bad file']);
    for (const t of ['a', 'b', 'c', 'd', 'a']) pushMessage('warning', t);
    expect(useStore.getState().messages.map((m) => m.text)).toEqual(['b', 'c', 'd', 'a']);
  });
});
