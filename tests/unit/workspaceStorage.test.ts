import { describe, expect, it } from 'vitest';
import type { LoadedLayer } from '../../src/store/layersSlice';
import { isQuotaError, META, readWorkspace, WorkspaceSaver, type KeyValueStorage } from '../../src/store/workspaceStorage';
import { keepAside, recoveryFileText, recoveryReasons, RECOVERY_PREFIX, type RecoveryRecord } from '../../src/store/workspaceRecovery';
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

  describe('a workspace that cannot be read whole is kept aside, never deleted', () => {
    async function saved() {
      const storage = new MemoryStorage();
      await new WorkspaceSaver(storage).save({ layers: [layer('communities', 3), layer('facilities', 2)], rules: defaultRules, settings: { activeLevel: '10min' } });
      return storage;
    }
    const layerKeys = (s: MemoryStorage) => [...s.data.keys()].filter((k) => k.startsWith('layer:'));

    it('a newer build\'s format: kept aside before the next autosave replaces it, and downloadable as a project', async () => {
      const storage = await saved();
      const meta = storage.data.get(META) as Record<string, unknown>;
      storage.data.set(META, { ...meta, version: 2 });
      const original = layerKeys(storage).map((k) => storage.data.get(k));
      const restored = await readWorkspace(storage);
      expect(restored).toBeNull();
      const reasons = recoveryReasons(await storage.get(META), restored);
      expect(reasons).toEqual(['newer-version']);
      const key = (await keepAside(storage, reasons, new Date('2026-12-02T10:00:00Z')))!;
      expect(key).toBe(`${RECOVERY_PREFIX}2026-12-02T10:00:00.000Z`);

      // The app starts fresh: the first autosave writes a new workspace and drops the old layer keys…
      await new WorkspaceSaver(storage).save({ layers: [layer('network', 1)], rules: defaultRules, settings: {} });
      expect(layerKeys(storage)).toHaveLength(1);
      // …but the recovery record still holds every entry as it was.
      const record = storage.data.get(key) as RecoveryRecord;
      expect(record.reasons).toEqual(['newer-version']);
      expect(record.entries.filter(([k]) => k.startsWith('layer:')).map(([, v]) => v)).toEqual(original);
      const file = JSON.parse(recoveryFileText(record));
      expect(file).toMatchObject({ schema: 'lifecircle-project', version: 2, settings: { activeLevel: '10min' } });
      expect(file.layers.map((l: { kind: string; fc: { features: unknown[] } }) => [l.kind, l.fc.features.length])).toEqual([['communities', 3], ['facilities', 2]]);
    });

    it('a damaged layer record and invalid rules are reasons too; the raw rules are kept', async () => {
      const storage = await saved();
      const key = layerKeys(storage).find((k) => k.startsWith('layer:facilities'))!;
      storage.data.set(key, { kind: 'facilities', fc: 'garbage' });
      const meta = storage.data.get(META) as Record<string, unknown>;
      const badRules = { schema: 'lifecircle-rules', levels: 'oops' };
      storage.data.set(META, { ...meta, rules: badRules });
      const reasons = recoveryReasons(await storage.get(META), await readWorkspace(storage));
      expect(reasons).toEqual(['missing-layers', 'invalid-rules']);
      const record = (await storage.get<RecoveryRecord>((await keepAside(storage, reasons))!))!;
      expect((new Map(record.entries).get(META) as { rules: unknown }).rules).toEqual(badRules);
      expect(new Map(record.entries).get(key)).toEqual({ kind: 'facilities', fc: 'garbage' });
    });

    it('nothing to keep when the workspace reads whole or nothing is stored; at most three records stay', async () => {
      const storage = await saved();
      expect(recoveryReasons(await storage.get(META), await readWorkspace(storage))).toEqual([]);
      expect(recoveryReasons(undefined, null)).toEqual([]);
      expect(await keepAside(storage, [])).toBeNull();
      for (let i = 0; i < 5; i++) await keepAside(storage, ['unreadable'], new Date(Date.UTC(2026, 0, 1 + i)));
      expect([...storage.data.keys()].filter((k) => k.startsWith(RECOVERY_PREFIX)).sort()).toEqual([
        `${RECOVERY_PREFIX}2026-01-03T00:00:00.000Z`,
        `${RECOVERY_PREFIX}2026-01-04T00:00:00.000Z`,
        `${RECOVERY_PREFIX}2026-01-05T00:00:00.000Z`,
      ]);
    });
  });
});
