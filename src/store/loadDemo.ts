import type { FeatureCollection } from 'geojson';
import i18n from '../i18n';
import { normalizeLayer, type LayerKind } from '../core/model';
import communitiesUrl from '../../data/demo/communities.geojson?url';
import facilitiesUrl from '../../data/demo/facilities.geojson?url';
import parksUrl from '../../data/demo/parks.geojson?url';
import parkingUrl from '../../data/demo/parking.geojson?url';
import networkUrl from '../../data/demo/network.geojson?url';
import waterUrl from '../../data/demo/water.geojson?url';
import metaUrl from '../../data/demo/meta.json?url';
import type { DemoMeta, LoadedLayer } from './layersSlice';
import { useStore } from './useStore';
import { rememberData } from './dataHistory';

const FILES: [LayerKind, string][] = [
  ['network', networkUrl],
  ['water', waterUrl],
  ['parks', parksUrl],
  ['parking', parkingUrl],
  ['communities', communitiesUrl],
  ['facilities', facilitiesUrl],
];

async function fetchJson<T>(url: string): Promise<T> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

/**
 * Loads the bundled synthetic demo town into the store (replacing what is loaded). With
 * `undoable` (the planner's "Load demo"), what was loaded before can be brought back by undo.
 */
export async function loadDemo(opts: { undoable?: boolean } = {}): Promise<void> {
  const { setLayers, setBusy, pushMessage } = useStore.getState();
  setBusy('loading_demo');
  try {
    const [meta, ...fcs] = await Promise.all([
      fetchJson<DemoMeta>(metaUrl),
      ...FILES.map(([, url]) => fetchJson<FeatureCollection>(url)),
    ]);
    const layers: LoadedLayer[] = FILES.map(([kind], i) => ({
      kind,
      name: 'demo',
      source: 'demo',
      fc: normalizeLayer(fcs[i], kind),
    }));
    if (opts.undoable) rememberData({ key: 'undo_what_demo' });
    setLayers(layers, meta);
  } catch (e) {
    pushMessage('error', i18n.t('io_demo_failed', { detail: (e as Error).message }));
  } finally {
    setBusy(null);
  }
}
