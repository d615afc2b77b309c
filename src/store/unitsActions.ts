import i18n from '../i18n';
import { assignUnits } from '../core/analysis/units';
import { analysisRootOf, type LayerFeatures } from './layersSlice';
import { useStore } from './useStore';

/**
 * The communities take their 街道 / 社区 from the administrative-unit layer (issue 12 §3), as the
 * CLI's --units does: after a unit layer is loaded, and after communities are loaded while one is.
 * Attribute-only (the analysis does not re-run); the import's undo takes it back with the import.
 */
export function applyUnitLayer(): void {
  const s = useStore.getState();
  const units = s.layers.units, communities = s.layers.communities;
  if (!units || !communities) return;
  const r = assignUnits(communities.fc, units.fc);
  if (r.assigned > 0) {
    useStore.setState((st) => ({ layers: { ...st.layers, communities: { ...communities, fc: r.fc as LayerFeatures, analysisRoot: analysisRootOf(communities) } } }));
  }
  s.pushMessage(r.outside > 0 ? 'warning' : 'info', i18n.t('un_assigned', { name: units.name, assigned: r.assigned, kept: r.kept, outside: r.outside }));
}
