import { describe, expect, it } from 'vitest';
import type { LoadedLayer } from '../../src/store/layersSlice';
import { isQuotaError, readWorkspace, WorkspaceSaver, type KeyValueStorage } from '../../src/store/workspaceStorage';
import { settingsPatch } from '../../src/store/workspaceSettings';
import { useStore } from '../../src/store/useStore';
import { defaultRules } from '../../src/core/rules/defaultRules';

/** IndexedDB stand-in: values are structured-cloned like IDB does; `full` makes writes fail like a full quota. */
class MemoryStorage implements KeyValueStorage {
  data = new Map<string, unknown>();
  writes: string[][] = [];
  full = false;
  async get<T>(key: string) {
    return this.data.has(key) ? (structuredClone(this.data.get(key)) as T) : undefined;
  }
  async setMany(entries: [string, unknown][]) {
    if (this.full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.writes.push(entries.map(([k]) => k));
    for (const [k, v] of entries) this.data.set(k, structuredClone(v));
  }
  async delMany(keys: string[]) {
    for (const k of keys) this.data.delete(k);
  }
  async keys() {
    return [...this.data.keys()];
  }
}

const layer = (kind: LoadedLayer['kind'], n: number, source: LoadedLayer['source'] = 'file'): LoadedLayer => ({
  kind,
  name: `${kind}.geojson`,
  source,
  fc: { type: 'FeatureCollection', features: Array.from({ length: n }, (_, i) => ({ type: 'Feature', properties: { id: `${kind}-${i}` }, geometry: { type: 'Point', coordinates: [116 + i / 1000, 40] } })) },
});

describe('workspace autosave storage', () => {
  it('saves layers and meta at once, rewrites only changed layers, and restores them', async () => {
    const storage = new MemoryStorage();
    const saver = new WorkspaceSaver(storage);
    const communities = layer('communities', 3);
    const facilities = layer('facilities', 2);
    const settings = { activeLevel: '10min' };
    expect(await saver.save({ layers: [communities, facilities], rules: defaultRules, settings })).toBe('saved');
    expect(storage.writes[0]).toHaveLength(3); // two layers + meta
    expect(await saver.save({ layers: [communities, facilities], rules: defaultRules, settings })).toBe('unchanged');

    const facilities2 = layer('facilities', 5);
    expect(await saver.save({ layers: [communities, facilities2], rules: defaultRules, settings })).toBe('saved');
    expect(storage.writes[1].filter((k) => k.startsWith('layer:'))).toEqual([expect.stringMatching(/^layer:facilities:/)]);
    // the old facilities key is gone: two layer keys and the meta remain
    expect([...storage.data.keys()].sort()).toHaveLength(3);

    const restored = await readWorkspace(storage);
    expect(restored?.workspace.layers.map((l) => [l.kind, l.fc.features.length])).toEqual([['communities', 3], ['facilities', 5]]);
    expect(restored?.workspace.settings).toEqual(settings);
    expect(restored?.workspace.rules).toEqual(defaultRules);
    expect(restored?.workspace.demoOnly).toBe(false);
  });

  it('a full quota fails the whole save and leaves the previous one intact', async () => {
    const storage = new MemoryStorage();
    const saver = new WorkspaceSaver(storage);
    const communities = layer('communities', 3);
    await saver.save({ layers: [communities], rules: defaultRules, settings: {} });
    storage.full = true;
    const big = layer('communities', 100);
    expect(await saver.save({ layers: [big], rules: defaultRules, settings: {} })).toBe('quota');
    const restored = await readWorkspace(storage);
    expect(restored?.workspace.layers[0].fc.features).toHaveLength(3);
    // once space is back, the pending layer is written (it was never marked as stored)
    storage.full = false;
    expect(await saver.save({ layers: [big], rules: defaultRules, settings: {} })).toBe('saved');
    expect((await readWorkspace(storage))?.workspace.layers[0].fc.features).toHaveLength(100);
  });

  it('stores only a marker for the bundled demo, and an empty workspace as empty', async () => {
    const storage = new MemoryStorage();
    const saver = new WorkspaceSaver(storage);
    await saver.save({ layers: [layer('communities', 3, 'demo'), layer('network', 4, 'demo')], rules: defaultRules, settings: {} });
    expect([...storage.data.keys()]).toEqual(['meta']);
    expect((await readWorkspace(storage))?.workspace).toMatchObject({ demoOnly: true, layers: [] });
    await saver.save({ layers: [], rules: defaultRules, settings: {} });
    expect((await readWorkspace(storage))?.workspace).toMatchObject({ demoOnly: false, layers: [] });
  });

  it('reports layers whose data went missing, and refuses invalid rules', async () => {
    const storage = new MemoryStorage();
    const saver = new WorkspaceSaver(storage);
    await saver.save({ layers: [layer('communities', 1), layer('parks', 1)], rules: defaultRules, settings: {} });
    const parksKey = [...storage.data.keys()].find((k) => k.startsWith('layer:parks'))!;
    storage.data.delete(parksKey);
    const meta = storage.data.get('meta') as { rules: unknown };
    storage.data.set('meta', { ...meta, rules: { schema: 'lifecircle-rules' } });
    const restored = await readWorkspace(storage);
    expect(restored?.workspace.missing).toEqual(['parks']);
    expect(restored?.workspace.layers.map((l) => l.kind)).toEqual(['communities']);
    expect(restored?.workspace.rules).toBeNull();
  });

  it('nothing saved reads as null', async () => {
    expect(await readWorkspace(new MemoryStorage())).toBeNull();
  });

  it('recognises quota errors by name or code', () => {
    expect(isQuotaError(new DOMException('x', 'QuotaExceededError'))).toBe(true);
    expect(isQuotaError({ name: 'AbortError', message: 'Quota exceeded' })).toBe(true);
    expect(isQuotaError(new Error('network down'))).toBe(false);
  });
});

describe('saved settings', () => {
  it('keep only fields of the right type and ids the rule set knows', () => {
    const s = useStore.getState();
    const patch = settingsPatch(
      { analysis: { mode: 'euclidean', maxSnap: 'far', detour: 1.3, extra: 1 }, activeLevel: '15min', activeCategory: 'no_such_category', coloring: 'level' },
      s,
    );
    expect(patch.analysisSettings).toEqual({ ...s.analysisSettings, mode: 'euclidean', detour: 1.3 });
    expect(patch.activeLevel).toBe('15min');
    expect('activeCategory' in patch).toBe(false);
    expect(patch.coloring).toBe('level');
    expect(settingsPatch({ analysis: { mode: 'teleport' } }, s).analysisSettings?.mode).toBe(s.analysisSettings.mode);
    expect(settingsPatch('nonsense', s)).toEqual({});
  });
  it('restore the renovation weights (sliders are saved with the workspace), ignoring bad values', () => {
    const s = useStore.getState();
    const patch = settingsPatch({ renovationWeights: { age: 0.4, parking: -1, park: 'x' }, coloring: 'missing' }, s);
    expect(patch.renovationWeights).toEqual({ ...s.renovationWeights, age: 0.4 });
    expect(patch.coloring).toBe('missing');
  });
});
