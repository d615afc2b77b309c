import { useTranslation } from 'react-i18next';
import { useStore } from '../store/useStore';
import { fmt } from './featureText';
import { CommunityCompliance } from './CommunityCompliance';
import { communityPopulation, featureLabel, isOld } from '../core/model';

const CANONICAL = ['households', 'population', 'built_year', 'parking_spaces'] as const;

/** The selected community's attributes (compliance per category joins here with the analysis). */
export function CommunityPanel() {
  const { t } = useTranslation();
  const index = useStore((s) => s.selectedCommunity);
  const fc = useStore((s) => s.layers.communities?.fc);
  const select = useStore((s) => s.selectCommunity);
  const rules = useStore((s) => s.rules);
  if (index == null || !fc) {
    return <p className="hint">{t('click_hint')}</p>;
  }
  const p = fc.features[index]?.properties;
  if (!p) return null;
  const w = communityPopulation(p, rules);
  const others = Object.entries(p).filter(
    ([k]) => !(CANONICAL as readonly string[]).includes(k) && !['name', 'is_old', 'population_estimated'].includes(k),
  );
  return (
    <section className="community-panel" data-testid="community-panel">
      <header>
        <h3 data-testid="community-name">{featureLabel(p, index)}</h3>
        {isOld(p, rules) && <span className="badge old">{t('old_community')}</span>}
        <button type="button" className="close" onClick={() => select(null)} aria-label={t('close')}>×</button>
      </header>
      <dl className="facts">
        <dt>{t('built_year')}</dt>
        <dd>{p.built_year == null ? '—' : String(p.built_year)}</dd>
        <dt>{t('households')}</dt>
        <dd>{fmt(p.households)}</dd>
        <dt>{t('population')}</dt>
        <dd>
          {fmt(w.population)}
          {w.estimated && <small> ({t('population_estimated')})</small>}
        </dd>
        <dt>{t('parking_spaces')}</dt>
        <dd>{fmt(p.parking_spaces)}</dd>
      </dl>
      <CommunityCompliance index={index} />
      {others.length > 0 && (
        <details>
          <summary>{t('attributes')}</summary>
          <dl className="facts small">
            {others.map(([k, v]) => (
              <div key={k} className="fact-row">
                <dt>{k}</dt>
                <dd>{typeof v === 'object' ? JSON.stringify(v) : String(v)}</dd>
              </div>
            ))}
          </dl>
        </details>
      )}
    </section>
  );
}
