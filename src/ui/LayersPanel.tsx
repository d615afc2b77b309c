import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../store/useStore';
import { LAYER_KINDS, type LayerKind } from '../core/model';
import { COLORS, categoryColor, rgbaCss } from '../map/palette';
import { categoryName, fmt } from './featureText';
import { Legend } from './Legend';
import { facilityCategoryCounts } from './facilityCategoryCounts';
import { DataActions } from './io/DataActions';

const KIND_SWATCH: Record<LayerKind, string> = {
  communities: rgbaCss([200, 80, 60, 220]),
  facilities: '#868e96',
  parks: rgbaCss(COLORS.park),
  parking: rgbaCss(COLORS.parking),
  network: COLORS.streetMainCasing,
  water: COLORS.water,
  buildings: rgbaCss(COLORS.building),
  units: rgbaCss(COLORS.unitLine),
};

/** Layer toggles with counts, facility categories with colours and counts, and the legend. */
export function LayersPanel() {
  const { t, i18n } = useTranslation();
  const layers = useStore((s) => s.layers);
  const visible = useStore((s) => s.visible);
  const hidden = useStore((s) => s.hiddenCategories);
  const rules = useStore((s) => s.rules);
  const toggleLayer = useStore((s) => s.toggleLayer);
  const setCategoryVisible = useStore((s) => s.setCategoryVisible);
  const setAll = useStore((s) => s.setAllCategoriesVisible);

  const categoryCounts = useMemo(() => {
    const counts = facilityCategoryCounts(layers.facilities?.fc);
    // Rule-set order keeps levels together (15 → 10 → 5 → block); unknown ids last.
    const order = new Map(rules.categories.map((c, i) => [c.id, i]));
    return [...counts.entries()].sort((a, b) => (order.get(a[0]) ?? 1e9) - (order.get(b[0]) ?? 1e9));
  }, [layers.facilities, rules]);

  return (
    <aside className="panel layers-panel" data-testid="layers-panel">
      <h2>{t('layers')}</h2>
      <DataActions />
      <ul className="layer-list">
        {LAYER_KINDS.filter((k) => layers[k]).map((kind) => (
          <li key={kind}>
            <label>
              <input
                type="checkbox"
                data-testid={`toggle-${kind}`}
                checked={visible[kind]}
                onChange={() => toggleLayer(kind)}
              />
              <i className="swatch" style={{ background: KIND_SWATCH[kind] }} />
              <span className="layer-name">{t(`layer_${kind}`)}</span>
              <span className="count" data-testid={`count-${kind}`}>{fmt(layers[kind]!.fc.features.length)}</span>
            </label>
          </li>
        ))}
      </ul>
      {categoryCounts.length > 0 && (
        <section className="categories">
          <h3>
            {t('facility_categories')}
            <button type="button" className="link" onClick={() => setAll([], true)}>{t('show_all')}</button>
            <button type="button" className="link" onClick={() => setAll(categoryCounts.map(([c]) => c), false)}>{t('show_none')}</button>
          </h3>
          <ul className="category-list" data-testid="category-list">
            {categoryCounts.map(([id, n]) => (
              <li key={id}>
                <label title={id}>
                  <input
                    type="checkbox"
                    data-testid={`toggle-category-${id}`}
                    checked={!hidden[id]}
                    onChange={(e) => setCategoryVisible(id, e.target.checked)}
                  />
                  <i className="dot" style={{ background: rgbaCss(categoryColor(id)) }} />
                  <span className="layer-name">{categoryName(rules, id, i18n.language)}</span>
                  <span className="count">{fmt(n)}</span>
                </label>
              </li>
            ))}
          </ul>
        </section>
      )}
      <Legend />
    </aside>
  );
}
