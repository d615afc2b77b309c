import { beforeEach, describe, expect, it } from 'vitest';
import type { Geometry } from 'geojson';
import { useStore } from '../../src/store/useStore';
import { clearDataHistory, undoData, useDataHistory } from '../../src/store/dataHistory';
import { demoStillShown, loadImportedLayer, loadOsmLayers } from '../../src/store/importActions';
import type { DemoMeta, LayerFeatures, LoadedLayer } from '../../src/store/layersSlice';
import type { LayerKind } from '../../src/core/model';

const DEMO: DemoMeta = { name_zh: '青禾县城', name_en: 'Qinghe', notice_zh: '示例', notice_en: 'demo', bbox: [115.6, 33.2, 115.66, 33.245] };

const fc = (ids: string[]): LayerFeatures => ({
  type: 'FeatureCollection',
  features: ids.map((id, i) => ({ type: 'Feature', properties: { id }, geometry: { type: 'Point', coordinates: [115.62 + i / 1000, 33.21] } as Geometry })),
});
const layer = (kind: LayerKind, ids: string[], source: LoadedLayer['source'] = 'demo', name = 'demo'): LoadedLayer => ({ kind, name, source, fc: fc(ids) });

function loadDemoLike(): void {
  useStore.getState().setLayers([layer('network', ['n1', 'n2', 'n3']), layer('communities', ['c1', 'c2']), layer('facilities', ['f1'])], DEMO);
}

describe('undo of data changes', () => {
  beforeEach(() => {
    clearDataHistory();
    loadDemoLike();
  });

  it('an import that replaced the network is undone exactly: same layer objects, demo notice back', () => {
    const before = useStore.getState().layers;
    loadImportedLayer(layer('network', ['x'], 'file', 'streets.geojson'));
    expect(useStore.getState().layers.network!.fc.features).toHaveLength(1);
    expect(useDataHistory.getState().undo.map((u) => u.label)).toEqual([{ key: 'undo_what_import', params: { name: 'streets.geojson' } }]);
    expect(undoData()).toEqual({ key: 'undo_what_import', params: { name: 'streets.geojson' } });
    const after = useStore.getState();
    expect(after.layers).toBe(before);
    expect(after.demo).toBe(DEMO);
    expect(useDataHistory.getState().undo).toHaveLength(0);
    expect(undoData()).toBeNull();
  });

  it('adding to a layer appends with unique ids and makes it the user\'s layer; undo takes it back', () => {
    loadImportedLayer(layer('communities', ['c2', 'c9'], 'file', 'mine.geojson'), 'append');
    const c = useStore.getState().layers.communities!;
    expect(c.fc.features.map((f) => f.properties.id)).toEqual(['c1', 'c2', 'c2-2', 'c9']);
    expect(c.source).toBe('file');
    expect(c.name).toBe('demo + mine.geojson');
    // The demo town is no longer what is shown: its notice goes.
    expect(useStore.getState().demo).toBeNull();
    undoData();
    expect(useStore.getState().layers.communities!.fc.features).toHaveLength(2);
    expect(useStore.getState().demo).toBe(DEMO);
  });

  it('keeps several steps and never more than five', () => {
    for (let i = 0; i < 7; i++) loadImportedLayer(layer('parks', [`p${i}`], 'file', `p${i}.geojson`));
    expect(useDataHistory.getState().undo).toHaveLength(5);
    undoData();
    expect(useStore.getState().layers.parks!.fc.features[0].properties.id).toBe('p5');
  });

  it('an OSM extract added to the loaded layers keeps them and can be undone', () => {
    const before = useStore.getState().layers;
    loadOsmLayers([{ ...layer('network', ['n1', 'w1'], 'osm', 'town.osm'), attribution: '© OpenStreetMap contributors' }], 'append');
    const n = useStore.getState().layers.network!;
    expect(n.fc.features.map((f) => f.properties.id)).toEqual(['n1', 'n2', 'n3', 'n1-2', 'w1']);
    expect(n.attribution).toBe('© OpenStreetMap contributors');
    expect(useStore.getState().layers.communities).toBe(before.communities);
    undoData();
    expect(useStore.getState().layers).toBe(before);
  });
});

describe('demo notice', () => {
  it('stays while the communities and facilities shown are the demo\'s, goes once either is the user\'s', () => {
    const demo = { network: layer('network', ['n']), communities: layer('communities', ['c']), facilities: layer('facilities', ['f']) };
    expect(demoStillShown(demo)).toBe(true);
    // The user's own streets under the demo town: still the demo town.
    expect(demoStillShown({ ...demo, network: layer('network', ['x'], 'file') })).toBe(true);
    expect(demoStillShown({ ...demo, communities: layer('communities', ['x'], 'file') })).toBe(false);
    expect(demoStillShown({ ...demo, facilities: layer('facilities', ['x'], 'osm') })).toBe(false);
    expect(demoStillShown({ network: layer('network', ['n']) })).toBe(true);
    expect(demoStillShown({})).toBe(false);
  });

  it('goes from the store when the user replaces the demo communities', () => {
    clearDataHistory();
    loadDemoLike();
    loadImportedLayer(layer('network', ['x'], 'file', 'streets.geojson'));
    expect(useStore.getState().demo).toBe(DEMO);
    loadImportedLayer(layer('communities', ['x'], 'file', 'mine.geojson'));
    expect(useStore.getState().demo).toBeNull();
  });
});
