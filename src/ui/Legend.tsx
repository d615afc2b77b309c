import { useTranslation } from 'react-i18next';
import { useStore } from '../store/useStore';
import { COLORS, oldCommunityColor, OLD_RAMP_STOPS, rgbaCss } from '../map/palette';

/** The community colour legend (built year); facility colours sit beside their toggles. */
export function Legend() {
  const { t } = useTranslation();
  const oldBefore = useStore((s) => s.rules.old_before_year);
  return (
    <section className="legend" data-testid="legend">
      <h3>{t('legend_built_year')}</h3>
      <div className="legend-ramp">
        {OLD_RAMP_STOPS.map((y) => (
          <span key={y} className="legend-stop">
            <i className="swatch" style={{ background: rgbaCss(oldCommunityColor(y, oldBefore)) }} />
            {y}
          </span>
        ))}
      </div>
      <div className="legend-row">
        <i className="swatch" style={{ background: rgbaCss(oldCommunityColor(1990, oldBefore)) }} />
        {t('legend_old', { year: oldBefore })}
      </div>
      <div className="legend-row">
        <i className="swatch" style={{ background: rgbaCss(COLORS.communityNew) }} />
        {t('legend_new', { year: oldBefore })}
      </div>
      <div className="legend-row">
        <i className="swatch" style={{ background: rgbaCss(COLORS.communityUnknown) }} />
        {t('legend_unknown_year')}
      </div>
    </section>
  );
}
