import { useTranslation } from 'react-i18next';
import { useStore } from '../../store/useStore';
import { selectGapGridPoints } from '../../map/gapGridOverlay';
import { GAP_GRID_RANGE, MISSING_BINS, rgbaCss } from '../../map/palette';
import { fmt } from '../featureText';
import type { GapScope } from '../../store/gapSlice';
import './compliance.css';

/** Label of a missing-count bin: "0", "1", "3–4", "8+". */
export function binLabel(i: number): string {
  const min = MISSING_BINS[i][0];
  const next = MISSING_BINS[i + 1]?.[0];
  if (next === undefined) return `${min}+`;
  return next - 1 === min ? String(min) : `${min}–${next - 1}`;
}

/** Which levels the missing count covers: the active level or all life-circle levels. */
export function GapScopeSwitch() {
  const { t } = useTranslation();
  const scope = useStore((s) => s.gapScope);
  const setScope = useStore((s) => s.setGapScope);
  const level = useStore((s) => s.activeLevel);
  return (
    <div className="segmented gap-scope">
      {(['level', 'all'] as GapScope[]).map((v) => (
        <button key={v} type="button" data-testid={`gap-scope-${v}`} className={scope === v ? 'active' : ''} onClick={() => setScope(v)}>
          {v === 'level' ? t('wb_scope_level', { level: t(`level_${level}`, { defaultValue: level }) }) : t('wb_scope_all')}
        </button>
      ))}
    </div>
  );
}

/** Legend of the 'missing' colouring: bins of missing mandatory categories, with the scope switch. */
export function MissingLegend({ withSwitch = true }: { withSwitch?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="gap-legend" data-testid="missing-legend">
      <div className="legend-row coverage-legend">
        {t('wb_missing_legend')}:
        {MISSING_BINS.map(([min, color], i) => (
          <span key={min} className="legend-stop">
            <i className="swatch" style={{ background: rgbaCss(color) }} />
            {binLabel(i)}
          </span>
        ))}
      </div>
      {withSwitch && <GapScopeSwitch />}
    </div>
  );
}

/** Legend of the uncovered-population hex grid, shown while the grid is on. */
export function GapGridLegend() {
  const { t } = useTranslation();
  const points = useStore(selectGapGridPoints);
  const grid = useStore((s) => s.gapGrid);
  const radius = useStore((s) => s.gapGridRadius);
  if (!points || grid === 'off') return null;
  const total = points.reduce((a, p) => a + p.weight, 0);
  const ramp = `linear-gradient(to right, ${GAP_GRID_RANGE.map((c) => `rgb(${c.join(',')})`).join(', ')})`;
  return (
    <div className="gap-legend" data-testid="gap-grid-legend" data-total={total}>
      <div className="legend-row coverage-legend">
        {t(grid === 'category' ? 'wb_grid_legend_category' : 'wb_grid_legend_level', { radius })}
      </div>
      <div className="gap-ramp-row">
        <span className="muted small">{t('wb_fewer')}</span>
        <i className="gap-ramp" style={{ background: ramp }} />
        <span className="muted small">{t('wb_more')}</span>
      </div>
      <div className="muted small">{t('wb_grid_total', { population: fmt(total), communities: fmt(points.length) })}</div>
    </div>
  );
}
