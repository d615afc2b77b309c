import { featureLabel, patchProgramme, type ProgrammePatch } from '../core/model';
import { rememberData } from './dataHistory';
import { analysisRootOf, type LayerFeatures } from './layersSlice';
import { useStore } from './useStore';

/**
 * Edits one community's place in the renovation programme (status, year, works, investment) from
 * the programme table: undoable like any data change, and attribute-only — the analysis does not
 * read these fields, so the results stay and nothing re-runs (LoadedLayer.analysisRoot), and the map
 * keeps its view.
 */
export function editProgramme(index: number, patch: ProgrammePatch): void {
  const st = useStore.getState();
  const layer = st.layers.communities;
  const f = layer?.fc.features[index];
  if (!layer || !f) return;
  rememberData({ key: 'undo_what_programme', params: { name: featureLabel(f.properties, index) } });
  const features = layer.fc.features.slice();
  features[index] = { ...f, properties: patchProgramme(f.properties, patch) };
  const fc: LayerFeatures = { ...layer.fc, features };
  useStore.setState((s) => ({ layers: { ...s.layers, communities: { ...layer, fc, analysisRoot: analysisRootOf(layer) } } }));
}
