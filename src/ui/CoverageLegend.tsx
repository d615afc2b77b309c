import { useTranslation } from 'react-i18next';
import { useStore } from '../store/useStore';
import { COVERAGE_COLORS, completenessColor, rgbaCss } from '../map/palette';
import { GapGridLegend, MissingLegend } from './workbench/GapLegend';

/** Legends of the analysis colouring and of the gap grid currently on the map. */
export function CoverageLegend() {
  return (
    <>
      <ColoringLegend />
      <GapGridLegend />
    </>
  );
}

function ColoringLegend() {
  const { t } = useTranslation();
  const coloring = useStore((s) => s.coloring);
  const hasCoverage = useStore((s) => !!s.coverage);
  const noData = useStore((s) => !!s.coverage?.stats.categories.find((c) => c.id === s.activeCategory)?.noData);
  if (!hasCoverage || coloring === 'built_year') return null;
  if (coloring === 'missing') return <MissingLegend />;
  if (coloring === 'level') {
    return (
      <div className="legend-row coverage-legend" data-testid="coverage-legend">
        {t('completeness_legend')}:
        {[0, 0.5, 1].map((v) => (
          <span key={v} className="legend-stop">
            <i className="swatch" style={{ background: rgbaCss(completenessColor(v)) }} />
            {Math.round(v * 100)}%
          </span>
        ))}
      </div>
    );
  }
  if (noData) {
    return (
      <div className="legend-row coverage-legend" data-testid="coverage-legend">
        <span className="legend-stop">
          <i className="swatch" style={{ background: rgbaCss(COVERAGE_COLORS.noData) }} />
          {t('nd_no_data')}
        </span>
      </div>
    );
  }
  return (
    <div className="legend-row coverage-legend" data-testid="coverage-legend">
      {(['covered', 'notCovered', 'unreachable'] as const).map((k) => (
        <span key={k} className="legend-stop">
          <i className="swatch" style={{ background: rgbaCss(COVERAGE_COLORS[k]) }} />
          {t(k === 'notCovered' ? 'not_covered' : k)}
        </span>
      ))}
    </div>
  );
}
