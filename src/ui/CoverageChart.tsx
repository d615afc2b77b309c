import { useTranslation } from 'react-i18next';
import { useStore } from '../store/useStore';
import { categoryColor, rgbaCss } from '../map/palette';
import { categoryName, metres } from './featureText';
import { countedMandatory } from '../core/analysis/compliance';
import { NoDataList } from './NoData';

function pct(rate: number | null): string {
  return rate == null ? '—' : `${(rate * 100).toFixed(1)}%`;
}

/**
 * Population-weighted coverage per category of the active level, as labelled bars (plain HTML:
 * readable, accessible, and testable). Clicking a bar maps that category.
 */
export function CoverageChart() {
  const { t, i18n } = useTranslation();
  const coverage = useStore((s) => s.coverage);
  const rules = useStore((s) => s.rules);
  const level = useStore((s) => s.activeLevel);
  const active = useStore((s) => s.activeCategory);
  const setCategory = useStore((s) => s.setActiveCategory);
  const straight = useStore((s) => s.euclideanStats);
  if (!coverage) return null;
  const straightRate = new Map(straight?.categories.map((c) => [c.id, c.population.rate]) ?? []);
  const levelName = t(`level_${level}`, { defaultValue: level });
  const rows = coverage.stats.categories.filter((c) => c.level === level).sort((a, b) => Number(b.mandatory) - Number(a.mandatory));
  const levelStats = coverage.stats.levels.find((l) => l.id === level);
  return (
    <section className="coverage-chart" data-testid="coverage-chart">
      <h3>{t('coverage_chart', { level: levelName })}</h3>
      {levelStats && countedMandatory(levelStats).length > 0 && (
        <p className="headline" data-testid="level-complete" data-rate={levelStats.complete.population.rate ?? ''}>
          {t('level_complete', { level: levelName, rate: pct(levelStats.complete.population.rate) })}
        </p>
      )}
      <NoDataList level={level} testId="chart-no-data" />
      <ul>
        {rows.map((c) => {
          const rate = c.population.rate;
          const sl = straightRate.get(c.id);
          const differs = c.facilities > 0 && sl != null && rate != null && Math.abs(sl - rate) >= 0.0005;
          return (
            <li
              key={c.id}
              data-testid={`coverage-rate-${c.id}`}
              data-rate={c.noData ? '' : (rate ?? '')}
              data-status={c.noData ? 'no_data' : 'data'}
              className={`${c.id === active ? 'active' : ''}${c.noData ? ' nodata' : ''}`}
              onClick={() => setCategory(c.id)}
              title={c.noData ? t('nd_no_data_title') : `${c.communities.covered}/${c.communities.total} · ${metres(t, c.radius)}`}
            >
              <span className="bar-label">
                {categoryName(rules, c.id, i18n.language)}
                {!c.mandatory && <small> ({t('optional')})</small>}
              </span>
              <span className="bar-track">
                <span className="bar-fill" style={{ width: `${(rate ?? 0) * 100}%`, background: rgbaCss(categoryColor(c.id)) }} />
              </span>
              <span className="bar-value">{c.noData ? <span className="nd-chip">{t('nd_no_data')}</span> : c.facilities ? pct(rate) : t('no_facilities')}</span>
              {differs && (
                <span className="bar-straight" data-testid={`straight-rate-${c.id}`} data-rate={sl}>
                  {t('straight_line_rate', { rate: pct(sl) })}
                </span>
              )}
            </li>
          );
        })}
      </ul>
      <p className="muted small">{t('coverage_chart_hint')}</p>
      {straight && <p className="muted small">{t('straight_line_note')}</p>}
    </section>
  );
}
