import { useTranslation } from 'react-i18next';
import { useStore } from '../store/useStore';
import { categoryColor, rgbaCss } from '../map/palette';
import { categoryName, metres } from './featureText';
import { countedMandatory } from '../core/analysis/compliance';
import { NoDataList } from './NoData';
import { headlineMeasure, type CoverageTotals } from '../core/analysis/coverage';

/** Which measure the rates show, said in words (issue 15): never a silent "—" when weights are missing. */
export function RatesMeasure({ totals, area }: { totals: CoverageTotals; area: number | null }) {
  const { t } = useTranslation();
  const m = headlineMeasure(totals);
  if (m === 'communities') {
    return (
      <p className="muted small" data-testid="rates-measure" data-measure="communities">
        {t('rates_by_communities')}
        {area != null && ` ${t('rates_area', { rate: pct(area) })}`}
      </p>
    );
  }
  if (totals.weightUnknown > 0) {
    return <p className="muted small" data-testid="rates-measure" data-measure="population">{t('rates_weights_missing', { count: totals.weightUnknown })}</p>;
  }
  return null;
}

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
  // population-weighted where communities have weights, else shares of communities (issue 15)
  const totals = coverage.stats.totals;
  const m = headlineMeasure(totals);
  const straightRate = new Map(straight?.categories.map((c) => [c.id, c[m].rate]) ?? []);
  const levelName = t(`level_${level}`, { defaultValue: level });
  const rows = coverage.stats.categories.filter((c) => c.level === level).sort((a, b) => Number(b.mandatory) - Number(a.mandatory));
  const levelStats = coverage.stats.levels.find((l) => l.id === level);
  return (
    <section className="coverage-chart" data-testid="coverage-chart">
      <h3>{t(m === 'population' ? 'coverage_chart' : 'coverage_chart_communities', { level: levelName })}</h3>
      {levelStats && countedMandatory(levelStats).length > 0 && (
        <p className="headline" data-testid="level-complete" data-rate={levelStats.complete[m].rate ?? ''} data-measure={m}>
          {t(m === 'population' ? 'level_complete' : 'level_complete_communities', { level: levelName, rate: pct(levelStats.complete[m].rate) })}
        </p>
      )}
      <RatesMeasure totals={totals} area={levelStats?.complete.area.rate ?? null} />
      <NoDataList level={level} testId="chart-no-data" />
      <ul>
        {rows.map((c) => {
          const rate = c[m].rate;
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
              data-measure={m}
              title={c.noData ? t('nd_no_data_title') : `${c.communities.covered}/${c.communities.total}${m === 'communities' && c.area.rate != null ? ` · ${t('rates_area', { rate: pct(c.area.rate) })}` : ''} · ${metres(t, c.radius)}`}
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
