import { useTranslation } from 'react-i18next';
import { featureLabel } from '../core/model';
import { area } from '@turf/turf';
import type { Feature, Geometry } from 'geojson';
import { useStore } from '../store/useStore';
import { categoryName, fmt } from './featureText';
import { communityPopulation } from '../core/model';
import { isOld } from '../core/model';

type F = Feature<Geometry, Record<string, unknown>>;

/** The compact card that follows the pointer. Text only: imported strings are never HTML. */
export function HoverCard() {
  const { t, i18n } = useTranslation();
  const hovered = useStore((s) => s.hovered);
  const layers = useStore((s) => s.layers);
  const rules = useStore((s) => s.rules);
  if (!hovered) return null;
  const f = layers[hovered.kind]?.fc.features[hovered.index] as F | undefined;
  if (!f) return null;
  const p = f.properties;
  const rows: [string, string][] = [];
  let title = featureLabel(p, hovered.index);
  if (hovered.kind === 'communities') {
    rows.push([t('built_year'), p.built_year == null ? '—' : String(p.built_year)]);
    const w = communityPopulation(p, rules);
    rows.push([t('households'), fmt(w.households)]);
    rows.push([t('population'), fmt(w.population) + (w.estimated ? ` (${t('population_estimated')})` : '')]);
    if (isOld(p, rules)) rows.push([t('old_community'), t('yes')]);
  } else if (hovered.kind === 'facilities') {
    rows.push([t('category'), categoryName(rules, String(p.category), i18n.language)]);
  } else if (hovered.kind === 'parks') {
    rows.push([t('area_m2'), `${fmt(area(f))} ${t('unit_m2')}`]);
  } else if (hovered.kind === 'parking') {
    rows.push([t('spaces'), fmt(p.spaces)]);
    rows.push([t('public'), p.public === false ? t('no') : t('yes')]);
  } else {
    title = title || t(`layer_${hovered.kind}`);
  }
  return (
    <div className="hover-card" data-testid="hover-card" style={{ left: hovered.x + 14, top: hovered.y + 14 }}>
      <div className="hover-title">{title}</div>
      <table>
        <tbody>
          {rows.map(([k, v]) => (
            <tr key={k}>
              <th>{k}</th>
              <td>{v}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
