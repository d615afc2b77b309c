import { useTranslation } from 'react-i18next';
import { useStore } from '../store/useStore';
import { COVERAGE_COLORS, completenessColor, rgbaCss } from '../map/palette';
import { GapGridLegend, MissingLegend } from './workbench/GapLegend';
import { useShallow } from 'zustand/react/shallow';
import { coloringLegend } from '../map/mapImage';
import { effectiveColoring } from '../store/mapViews';

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
  if (coloring === 'programme' || coloring === 'change' || coloring === 'choice' || coloring === 'snapshot') return <EntriesLegend />;
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

/** The colourings whose legend is the exported image's (map/mapImage legendEntries): one list for both. */
function EntriesLegend() {
  const { t, i18n } = useTranslation();
  const s = useStore(useShallow((st) => ({ coverage: st.coverage, coloring: st.coloring, activeCategory: st.activeCategory, rules: st.rules, snapshots: st.snapshots, snapshotPair: st.snapshotPair, layers: st.layers })));
  const legend = coloringLegend(s, t, i18n.language);
  if (effectiveColoring(s) === 'built_year') return null;
  return (
    <div className="legend-row coverage-legend" data-testid="coverage-legend">
      {legend.title}:
      {legend.entries.map((e) => (
        <span key={e.label} className="legend-stop">
          <i className="swatch" style={{ background: rgbaCss(e.color) }} />
          {e.label}
        </span>
      ))}
    </div>
  );
}
