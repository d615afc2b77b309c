import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { missingMandatory } from '../../core/analysis/compliance';
import { orderedLevels } from '../../core/rules';
import { useStore } from '../../store/useStore';
import { selectMissingLevels } from '../../store/selectCompliance';
import { selectMissingBins } from '../../map/missingColouring';
import { defaultCategory } from '../../store/analysisController';
import type { GapGrid } from '../../store/gapSlice';
import { categoryColor, missingBinIndex, rgbaCss } from '../../map/palette';
import { categoryName, fmt, metres } from '../featureText';
import { countedMandatory } from '../../core/analysis/compliance';
import { GapGridLegend, MissingLegend, binLabel } from './GapLegend';
import './compliance.css';

const GRID_RADII = [100, 150, 250, 400];

function pct(x: number, total: number): string {
  return total > 0 ? `${((x / total) * 100).toFixed(1)}%` : '—';
}

/**
 * The gap map's controls and figures: colour communities by missing mandatory categories (active
 * level or all life-circle levels), aggregate uncovered residents on a hex grid, and list who is
 * uncovered per category of the active level.
 */
export function GapView() {
  const { t, i18n } = useTranslation();
  const coverage = useStore((s) => s.coverage);
  const weights = useStore((s) => s.weights);
  const rules = useStore((s) => s.rules);
  const status = useStore((s) => s.analysisStatus);
  const coloring = useStore((s) => s.coloring);
  const setColoring = useStore((s) => s.setColoring);
  const level = useStore((s) => s.activeLevel);
  const setLevel = useStore((s) => s.setActiveLevel);
  const category = useStore((s) => s.activeCategory);
  const setCategory = useStore((s) => s.setActiveCategory);
  const grid = useStore((s) => s.gapGrid);
  const setGrid = useStore((s) => s.setGapGrid);
  const radius = useStore((s) => s.gapGridRadius);
  const setRadius = useStore((s) => s.setGapGridRadius);
  const missingLevels = useStore(selectMissingLevels);
  const missingBins = useStore(selectMissingBins);

  const bins = useMemo(() => {
    if (!coverage || !weights) return null;
    const m = missingMandatory(coverage, missingLevels.split(','));
    const out = missingBins.map(() => ({ communities: 0, population: 0 }));
    for (let c = 0; c < m.communityCount; c++) {
      const i = missingBinIndex(missingBins, m.total[c]);
      out[i].communities++;
      out[i].population += weights.population[c];
    }
    return { out, max: m.mandatoryCount };
  }, [coverage, weights, missingLevels, missingBins]);

  const perCategory = useMemo(() => {
    if (!coverage || !weights) return [];
    const C = coverage.communityCount;
    return coverage.stats.categories
      .map((s, k) => ({ s, k }))
      .filter(({ s }) => s.level === level)
      .sort((a, b) => Number(b.s.mandatory) - Number(a.s.mandatory))
      .map(({ s, k }) => {
        let population = 0, communities = 0;
        for (let c = 0; c < C; c++) {
          if (!coverage.ok[k * C + c]) {
            population += weights.population[c];
            communities++;
          }
        }
        return { id: s.id, mandatory: s.mandatory, facilities: s.facilities, noData: !!s.noData, population, communities };
      });
  }, [coverage, weights, level]);

  if (!coverage || !weights || !bins) return <p className="cp-empty">{status === 'running' ? t('wb_running') : t('wb_no_analysis')}</p>;
  const totalPop = coverage.stats.totals.population;
  const levelStats = coverage.stats.levels.find((l) => l.id === level);
  const levelUncovered = levelStats && countedMandatory(levelStats).length ? levelStats.complete.population.total - levelStats.complete.population.covered : null;
  const levelName = (id: string) => t(`level_${id}`, { defaultValue: id });

  return (
    <div className="gap-view" data-testid="gap-view">
      <div className="gap-side">
        <h3>{t('wb_gap_colour')}</h3>
        <button
          type="button"
          data-testid="gap-colour-missing"
          className={`gap-toggle${coloring === 'missing' ? ' active' : ''}`}
          aria-pressed={coloring === 'missing'}
          onClick={() => setColoring(coloring === 'missing' ? 'level' : 'missing')}
        >
          {coloring === 'missing' ? t('wb_gap_colour_on') : t('wb_gap_colour_off')}
        </button>
        <div className="level-tabs" role="tablist">
          {orderedLevels(rules)
            .filter((l) => l.walk_minutes != null)
            .map((l) => (
              <button
                key={l.id}
                type="button"
                role="tab"
                data-testid={`gap-level-${l.id}`}
                aria-selected={l.id === level}
                className={l.id === level ? 'active' : ''}
                onClick={() => {
                  setLevel(l.id);
                  setCategory(defaultCategory(useStore.getState(), l.id));
                }}
              >
                {levelName(l.id)}
              </button>
            ))}
        </div>
        <MissingLegend prefix="gap" />
        <h3>{t('wb_grid')}</h3>
        <div className="segmented">
          {(['off', 'category', 'level'] as GapGrid[]).map((g) => (
            <button key={g} type="button" data-testid={`gap-grid-${g}`} className={grid === g ? 'active' : ''} onClick={() => setGrid(g)}>
              {t(`wb_grid_${g}`)}
            </button>
          ))}
        </div>
        <label className="gap-radius">
          {t('wb_grid_radius')}
          <select data-testid="gap-grid-radius" value={radius} onChange={(e) => setRadius(Number(e.target.value))}>
            {GRID_RADII.map((r) => (
              <option key={r} value={r}>{metres(t, r)}</option>
            ))}
          </select>
        </label>
        {grid === 'category' && category && (
          <p className="muted small">{t('wb_grid_of', { name: categoryName(rules, category, i18n.language) })}</p>
        )}
        <GapGridLegend prefix="gap" />
      </div>
      <div className="gap-tables">
      <div className="gap-main">
        <h3>{t('wb_bins_title', { scope: missingLevels.includes(',') ? t('wb_scope_all') : levelName(level), max: bins.max })}</h3>
        <table className="gap-table">
          <thead>
            <tr>
              <th>{t('wb_col_missing')}</th>
              <th className="num">{t('wb_communities')}</th>
              <th className="num">{t('wb_residents')}</th>
              <th className="num">{t('wb_share')}</th>
            </tr>
          </thead>
          <tbody>
            {bins.out.map((b, i) => (
              <tr key={i} data-testid={`gap-bin-${missingBins[i].min}`} data-communities={b.communities} data-population={b.population}>
                <td>
                  <i className="swatch" style={{ background: rgbaCss(missingBins[i].color) }} /> {binLabel(missingBins[i])}
                </td>
                <td className="num">{fmt(b.communities)}</td>
                <td className="num">{fmt(b.population)}</td>
                <td className="num">{pct(b.population, totalPop)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="gap-main wide">
        <h3>{t('wb_uncovered_title', { level: levelName(level) })}</h3>
        {levelUncovered != null && (
          <p className="gap-headline" data-testid="gap-level-uncovered" data-value={levelUncovered}>
            {t('wb_level_uncovered', { population: fmt(levelUncovered), share: pct(levelUncovered, totalPop), level: levelName(level) })}
          </p>
        )}
        <table className="gap-table">
          <thead>
            <tr>
              <th>{t('wb_category')}</th>
              <th className="num">{t('wb_residents')}</th>
              <th className="num">{t('wb_share')}</th>
              <th className="num">{t('wb_communities')}</th>
            </tr>
          </thead>
          <tbody>
            {perCategory.map((r) => (
              <tr
                key={r.id}
                data-testid={`gap-uncovered-${r.id}`}
                data-value={r.noData ? '' : r.population}
                data-status={r.noData ? 'no_data' : 'data'}
                className={`${r.id === category ? 'active' : ''}${r.mandatory ? '' : ' optional'}`}
                title={t('wb_uncovered_row_title')}
                onClick={() => {
                  setCategory(r.id);
                  if (grid === 'level') setGrid('category');
                }}
              >
                <td className="gap-name" title={categoryName(rules, r.id, i18n.language)}>
                  <i className="dot" style={{ background: rgbaCss(categoryColor(r.id)) }} /> {categoryName(rules, r.id, i18n.language)}
                  {!r.mandatory && <small className="muted"> ({t('optional')})</small>}
                  {r.noData ? <> <span className="nd-chip" title={t('nd_no_data_title')}>{t('nd_no_data')}</span></> : !r.facilities && <small className="muted"> · {t('wb_no_facilities')}</small>}
                </td>
                <td className="num">{r.noData ? '—' : fmt(r.population)}</td>
                <td className="num">{r.noData ? '—' : pct(r.population, totalPop)}</td>
                <td className="num">{r.noData ? '—' : fmt(r.communities)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      </div>
    </div>
  );
}
