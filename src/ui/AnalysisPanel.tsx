import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../store/useStore';
import { cancelAnalysis, defaultCategory } from '../store/analysisController';
import { effectiveRadius, orderedLevels } from '../core/rules';
import { categoryColor, rgbaCss } from '../map/palette';
import type { CommunityColoring } from '../store/viewSlice';
import { categoryName, fmt } from './featureText';
import { CoverageChart } from './CoverageChart';
import { CoverageLegend } from './CoverageLegend';
import { programmeStatus } from '../core/model';
import { facilityCategoryCounts } from './facilityCategoryCounts';
import { NoDataToggle } from './NoData';

const COLORINGS: CommunityColoring[] = ['category', 'level', 'missing', 'built_year'];
// 'missing' belongs to the gap map (workbench strings)
const coloringLabel = (c: CommunityColoring) => (c === 'missing' ? 'wb_color_missing' : `color_${c}`);

/** Settings, progress and results of the walking-coverage analysis. */
export function AnalysisPanel() {
  const { t, i18n } = useTranslation();
  const rules = useStore((s) => s.rules);
  const settings = useStore((s) => s.analysisSettings);
  const setSettings = useStore((s) => s.setAnalysisSettings);
  const status = useStore((s) => s.analysisStatus);
  const progress = useStore((s) => s.analysisProgress);
  const error = useStore((s) => s.analysisError);
  const ms = useStore((s) => s.analysisMs);
  const coverage = useStore((s) => s.coverage);
  const level = useStore((s) => s.activeLevel);
  const setLevel = useStore((s) => s.setActiveLevel);
  const category = useStore((s) => s.activeCategory);
  const setCategory = useStore((s) => s.setActiveCategory);
  const coloring = useStore((s) => s.coloring);
  const setColoring = useStore((s) => s.setColoring);
  const hasNetwork = useStore((s) => !!s.layers.network);
  const facilities = useStore((s) => s.layers.facilities);
  const graphStats = useStore((s) => s.graphStats);
  // the programme colouring is offered once communities carry a programme status (issue 14)
  const communitiesFc = useStore((s) => s.layers.communities?.fc);
  const hasProgramme = useMemo(() => !!communitiesFc?.features.some((f) => programmeStatus(f.properties) !== 'none'), [communitiesFc]);

  const counts = facilityCategoryCounts(facilities?.fc);
  const levelCats = rules.categories.filter((c) => c.level === level);
  const activeCat = levelCats.find((c) => c.id === category);

  return (
    <section className="analysis-panel" data-testid="analysis-panel">
      <h2>{t('analysis')}</h2>
      <div className="field">
        <label>{t('mode')}</label>
        <select
          data-testid="mode-select"
          value={hasNetwork ? settings.mode : 'euclidean'}
          disabled={!hasNetwork}
          onChange={(e) => setSettings({ mode: e.target.value as 'network' | 'euclidean' })}
        >
          <option value="network">{t('mode_network')}</option>
          <option value="euclidean">{t('mode_euclidean')}</option>
        </select>
      </div>
      {!hasNetwork && <p className="note">{t('no_network_note')}</p>}
      {(settings.mode === 'euclidean' || !hasNetwork) && (
        <div className="field">
          <label>{t('detour_factor')}</label>
          <input
            type="number"
            min={1}
            max={3}
            step={0.1}
            value={settings.detour}
            onChange={(e) => {
              const v = Number(e.target.value);
              if (v >= 1 && v <= 3) setSettings({ detour: v });
            }}
          />
        </div>
      )}
      <NoDataToggle />
      <div className="level-tabs" role="tablist">
        {orderedLevels(rules).map((l) => (
          <button
            key={l.id}
            type="button"
            role="tab"
            data-testid={`level-${l.id}`}
            aria-selected={l.id === level}
            className={l.id === level ? 'active' : ''}
            onClick={() => {
              setLevel(l.id);
              setCategory(defaultCategory(useStore.getState(), l.id));
            }}
          >
            {t(`level_${l.id}`, { defaultValue: l.id })}
          </button>
        ))}
      </div>
      <div className="field category-field">
        <label htmlFor="category-select">{t('category_picker')}</label>
        <select id="category-select" data-testid="category-select" value={category ?? ''} onChange={(e) => setCategory(e.target.value || null)}>
          {levelCats.map((c) => (
            <option key={c.id} value={c.id}>
              {categoryName(rules, c.id, i18n.language)}
              {counts.get(c.id) ? ` (${fmt(counts.get(c.id))})` : ` (${t('no_facilities')})`}
            </option>
          ))}
        </select>
        {activeCat && (
          <p className="category-facts muted" data-testid="category-facts">
            <i className="dot" style={{ background: rgbaCss(categoryColor(activeCat.id)) }} />
            {counts.get(activeCat.id) ? t('facilities_count', { count: counts.get(activeCat.id) }) : t('no_facilities')} · {t('radius_m', { radius: effectiveRadius(activeCat, rules) })}
          </p>
        )}
      </div>
      <div className="field">
        <label>{t('color_by')}</label>
        <div className="segmented">
          {(hasProgramme ? [...COLORINGS, 'programme' as const] : COLORINGS).map((c) => (
            <button key={c} type="button" data-testid={`color-${c}`} className={coloring === c ? 'active' : ''} onClick={() => setColoring(c)}>
              {t(coloringLabel(c))}
            </button>
          ))}
        </div>
      </div>
      <div className="analysis-status" data-testid="analysis-status" data-status={status}>
        {status === 'running' && (
          <>
            <progress max={1} value={progress} />
            <span>{t('running')}</span>
            <button type="button" data-testid="cancel-analysis" onClick={cancelAnalysis}>{t('cancel')}</button>
          </>
        )}
        {status === 'cancelled' && (
          <>
            <span>{t('cancelled')}</span>
            <button type="button" onClick={() => setSettings({})}>{t('run_again')}</button>
          </>
        )}
        {status === 'error' && <span className="error">{t('analysis_error', { message: error })}</span>}
        {status === 'done' && coverage && (
          <span className="muted">
            {t('analysis_done', { communities: fmt(coverage.communityCount), categories: coverage.categoryIds.length, ms: fmt(ms) })}
          </span>
        )}
      </div>
      {graphStats && settings.mode === 'network' && (
        <p className="muted small">{t('graph_stats', { nodes: fmt(graphStats.nodes), edges: fmt(graphStats.edges), components: fmt(graphStats.components) })}</p>
      )}
      {coverage && coverage.unreachableCommunities.length > 0 && (
        <p className="note">{t('unreachable_count', { count: coverage.unreachableCommunities.length, maxSnap: settings.maxSnap })}</p>
      )}
      <CoverageLegend />
      <CoverageChart />
    </section>
  );
}
