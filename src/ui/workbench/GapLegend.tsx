import { useTranslation } from 'react-i18next';
import { useStore } from '../../store/useStore';
import { selectGapGridPoints } from '../../map/overlays';
import { GAP_GRID_RANGE, rgbaCss, type MissingBin } from '../../map/palette';
import { selectMissingBins } from '../../map/missingColouring';
import { fmt } from '../featureText';
import type { GapScope } from '../../store/gapSlice';
import './compliance.css';

/** Label of a missing-count class: "0", "4", "1–3". */
export function binLabel(b: MissingBin): string {
  return b.min === b.max ? String(b.min) : `${b.min}–${b.max}`;
}

/** Which levels the missing count covers: the active level or all life-circle levels. */
export function GapScopeSwitch({ prefix }: { prefix: string }) {
  const { t } = useTranslation();
  const scope = useStore((s) => s.gapScope);
  const setScope = useStore((s) => s.setGapScope);
  const level = useStore((s) => s.activeLevel);
  return (
    <div className="segmented gap-scope">
      {(['level', 'all'] as GapScope[]).map((v) => (
        <button key={v} type="button" data-testid={`${prefix}-scope-${v}`} className={scope === v ? 'active' : ''} onClick={() => setScope(v)}>
          {v === 'level' ? t('wb_scope_level', { level: t(`level_${level}`, { defaultValue: level }) }) : t('wb_scope_all')}
        </button>
      ))}
    </div>
  );
}

/** Legend of the 'missing' colouring: bins of missing mandatory categories, with the scope switch. */
export function MissingLegend({ prefix = 'legend' }: { prefix?: string }) {
  const { t } = useTranslation();
  const bins = useStore(selectMissingBins);
  return (
    <div className="gap-legend" data-testid={`${prefix}-missing-legend`}>
      <div>{t('wb_missing_legend')}</div>
      <div className="legend-row coverage-legend">
        {bins.map((b) => (
          <span key={b.min} className="legend-stop">
            <i className="swatch" style={{ background: rgbaCss(b.color) }} />
            {binLabel(b)}
          </span>
        ))}
      </div>
      <GapScopeSwitch prefix={prefix} />
    </div>
  );
}

/** Legend of the uncovered-population hex grid, shown while the grid is on. */
export function GapGridLegend({ prefix = 'legend' }: { prefix?: string }) {
  const { t } = useTranslation();
  const points = useStore(selectGapGridPoints);
  const grid = useStore((s) => s.gapGrid);
  const radius = useStore((s) => s.gapGridRadius);
  if (!points || grid === 'off') return null;
  const total = points.reduce((a, p) => a + p.weight, 0);
  const ramp = `linear-gradient(to right, ${GAP_GRID_RANGE.map((c) => `rgb(${c.join(',')})`).join(', ')})`;
  return (
    <div className="gap-legend" data-testid={`${prefix}-grid-legend`} data-total={total}>
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
