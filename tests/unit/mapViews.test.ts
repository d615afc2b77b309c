import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { coloringOnSwitch, showsServiceArea } from '../../src/store/mapViews';
import { useStore } from '../../src/store/useStore';
import { INFO_MESSAGE_MS } from '../../src/store/uiSlice';

describe('views own their map overlays', () => {
  it('shows the category service area in the coverage views only', () => {
    for (const tab of [null, 'dashboard', 'compliance', 'rules']) expect(showsServiceArea({ workbenchTab: tab })).toBe(true);
    for (const tab of ['gaps', 'ranking', 'parks', 'parking']) expect(showsServiceArea({ workbenchTab: tab })).toBe(false);
  });

  it('the gap map colours by missing categories while open and gives the colouring back on leaving', () => {
    const entered = coloringOnSwitch({ coloring: 'built_year', coloringBeforeView: null }, null, 'gaps');
    expect(entered).toEqual({ coloring: 'missing', coloringBeforeView: 'built_year' });
    expect(coloringOnSwitch(entered, 'gaps', 'ranking')).toEqual({ coloring: 'built_year', coloringBeforeView: null });
    // the planner changed the colouring inside the gap map: that choice stays
    expect(coloringOnSwitch({ coloring: 'level', coloringBeforeView: 'built_year' }, 'gaps', null)).toEqual({ coloring: 'level', coloringBeforeView: null });
    // views without a colouring of their own leave it alone
    expect(coloringOnSwitch({ coloring: 'category', coloringBeforeView: null }, 'ranking', 'parks')).toEqual({ coloring: 'category', coloringBeforeView: null });
  });

  it('through the store: opening and closing the gap tab', () => {
    useStore.setState({ coloring: 'category', coloringBeforeView: null, workbenchTab: null });
    useStore.getState().setWorkbenchTab('gaps');
    expect(useStore.getState().coloring).toBe('missing');
    useStore.getState().setWorkbenchTab(null);
    expect(useStore.getState().coloring).toBe('category');
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
