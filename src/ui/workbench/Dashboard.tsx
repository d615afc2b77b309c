import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { countOldWithGaps } from '../../core/analysis/compliance';
import { useStore } from '../../store/useStore';
import { selectComplianceRows } from '../../store/selectCompliance';
import { categoryColor, rgbaCss } from '../../map/palette';
import { categoryName, fmt } from '../featureText';
import { countedMandatory } from '../../core/analysis/compliance';
import { NoDataList, NoDataToggle } from '../NoData';
import { RatesMeasure } from '../CoverageChart';
import { confirmedCount } from '../../core/rules';
import { headlineMeasure } from '../../core/analysis/coverage';
import './compliance.css';

function pct(rate: number | null | undefined): string {
  return rate == null || !Number.isFinite(rate) ? '—' : `${(rate * 100).toFixed(1)}%`;
}

/** A headline number: the shown text, the raw value in data-value (empty when unavailable). */
function Headline({ id, label, value, text, children }: { id: string; label: string; value: number | null | undefined; text: string; children?: ReactNode }) {
  return (
    <div className="dash-card">
      <div className="dash-label">{label}</div>
      <div className="dash-number" data-testid={`dash-${id}`} data-value={value == null || !Number.isFinite(value) ? '' : String(value)}>
        {text}
      </div>
      {children && <div className="dash-sub">{children}</div>}
    </div>
  );
}

/** The same rate with straight-line distances, shown when it differs from the walking one. */
function StraightLine({ rate, network, id }: { rate: number | null | undefined; network: number | null; id: string }) {
  const { t } = useTranslation();
  if (rate == null || network == null || Math.abs(rate - network) < 0.0005) return null;
  return (
    <>
      <br />
      <span data-testid={id} data-value={rate}>{t('straight_line_rate', { rate: pct(rate) })}</span>
    </>
  );
}

/**
 * Mandatory categories whose facilities exist in the data but none takes part (e.g. all beyond the
 * network's snapping distance): the level cannot be met. Categories without any facility in the
 * data are "no data" instead (NoDataList).
 */
function NoFacilities({ ids, categories }: { ids: string[]; categories: { id: string; facilities: number; noData?: boolean }[] }) {
  const { t, i18n } = useTranslation();
  const rules = useStore((s) => s.rules);
  const none = ids.filter((id) => {
    const c = categories.find((x) => x.id === id);
    return c?.facilities === 0 && !c.noData;
  });
  if (!none.length) return null;
  return (
    <>
      <br />
      <span className="dash-warn" title={none.map((id) => categoryName(rules, id, i18n.language)).join(', ')}>
        {t('wb_dash_no_facility_categories', { n: none.length })}
      </span>
    </>
  );
}

/**
 * The headline indicators of the study area: population-weighted coverage per life-circle level
 * (share of residents whose community meets all of the level's mandatory categories, and the
 * mean completeness), park service-radius coverage (community- and area-based), the total parking
 * gap, old communities missing a mandatory facility; then coverage per category grouped by level.
 */
export function Dashboard() {
  const { t, i18n } = useTranslation();
  const coverage = useStore((s) => s.coverage);
  const parks = useStore((s) => s.parks);
  const parking = useStore((s) => s.parking);
  const rows = useStore(selectComplianceRows);
  const straight = useStore((s) => s.euclideanStats);
  const rules = useStore((s) => s.rules);
  const status = useStore((s) => s.analysisStatus);
  const hasParksLayer = useStore((s) => !!s.layers.parks);
  const hasParkingLayer = useStore((s) => !!s.layers.parking);
  const setLevel = useStore((s) => s.setActiveLevel);
  const setCategory = useStore((s) => s.setActiveCategory);
  const oldStats = useMemo(() => {
    if (!rows) return null;
    const C = rows.communityCount;
    let old = 0;
    const perLevel = rows.levels.map(() => 0);
    for (let c = 0; c < C; c++) {
      if (!rows.isOld[c]) continue;
      old++;
      rows.levels.forEach((_, i) => {
        if (rows.perLevel[i * C + c] > 0) perLevel[i]++;
      });
    }
    return { old, withGaps: countOldWithGaps(rows), perLevel };
  }, [rows]);

  if (!coverage || !rows) return <p className="cp-empty">{status === 'running' ? t('wb_running') : t('wb_no_analysis')}</p>;
  const levelName = (id: string) => t(`level_${id}`, { defaultValue: id });
  const totals = coverage.stats.totals;
  const m = headlineMeasure(totals);
  const straightRate = new Map(straight?.categories.map((c) => [c.id, c[m].rate]) ?? []);
  const levels = rows.levels.map((lv) => coverage.stats.levels.find((s) => s.id === lv.id)).filter((x) => !!x);

  return (
    <div className="dash-view" data-testid="dashboard">
      <RatesMeasure totals={totals} area={levels[0]?.complete.area.rate ?? null} />
      {(() => {
        const e = confirmedCount(rules);
        return <p className="muted small" data-testid="dash-evidence" data-confirmed={e.confirmed} data-total={e.total}>{t('ev_dashboard', { confirmed: e.confirmed, total: e.total, user: e.userVerified })}</p>;
      })()}
      <div className="dash-cards">
        {levels.map((ls) => (
          <Headline
            key={ls.id}
            id={`level-${ls.id}`}
            label={t('wb_dash_level', { level: levelName(ls.id) })}
            value={ls.complete[m].rate}
            text={pct(ls.complete[m].rate)}
          >
            {t('wb_dash_level_sub', { n: countedMandatory(ls).length })}
            <br />
            <span data-testid={`dash-mean-${ls.id}`} data-value={ls.meanCompleteness.population ?? ''}>
              {t('wb_dash_mean', { rate: pct(ls.meanCompleteness.population) })}
            </span>
            <StraightLine rate={straight?.levels.find((x) => x.id === ls.id)?.complete[m].rate} network={ls.complete[m].rate} id={`dash-straight-${ls.id}`} />
            <NoFacilities ids={ls.mandatoryCategories} categories={coverage.stats.categories} />
          </Headline>
        ))}
        <Headline id="park-rate" label={t('wb_dash_park')} value={parks?.stats.population.rate} text={parks ? pct(parks.stats.population.rate) : '—'}>
          {parks ? (
            <>
              <span data-testid="dash-park-area-rate" data-value={parks.stats.area?.rate ?? ''}>
                {t('wb_dash_park_area', { rate: pct(parks.stats.area?.rate) })}
              </span>
              <br />
              {t('wb_dash_park_sub', { covered: fmt(parks.stats.communities.covered), total: fmt(parks.stats.communities.total), parks: fmt(parks.stats.qualifyingParks) })}
            </>
          ) : (
            t(hasParksLayer ? 'wb_running' : 'wb_dash_no_parks')
          )}
        </Headline>
        <Headline id="parking-gap" label={t('wb_dash_parking')} value={parking?.totals.gap} text={parking ? t('wb_spaces', { n: fmt(parking.totals.gap) }) : '—'}>
          {parking
            ? t('wb_dash_parking_sub', { n: fmt(parking.totals.communitiesWithGap), demand: fmt(parking.totals.demand), supply: fmt(parking.totals.supply) })
            : t(hasParkingLayer ? 'wb_running' : 'wb_dash_no_parking')}
        </Headline>
        <Headline id="old-missing" label={t('wb_dash_old_missing')} value={oldStats?.withGaps} text={fmt(oldStats?.withGaps)}>
          {t('wb_dash_old_missing_sub', { old: fmt(oldStats?.old) })}
          <br />
          {rows.levels.map((l, i) => (
            <span key={l.id} className="dash-chip" data-testid={`dash-old-missing-${l.id}`} data-value={oldStats?.perLevel[i] ?? ''}>
              {levelName(l.id)} {fmt(oldStats?.perLevel[i])}
            </span>
          ))}
        </Headline>
        <Headline id="population" label={t('wb_dash_residents')} value={totals.population} text={fmt(totals.population)}>
          {t('wb_dash_residents_sub', { communities: fmt(totals.communities), households: fmt(totals.households) })}
          {totals.populationEstimated > 0 && (
            <>
              <br />
              {t('wb_dash_estimated', { n: fmt(totals.populationEstimated) })}
            </>
          )}
        </Headline>
      </div>
      <div className="dash-no-data">
        <NoDataList testId="dash-no-data" />
        <NoDataToggle testId="dash-count-no-data" />
      </div>
      <h3 className="dash-title">{t('wb_dash_categories')}</h3>
      <div className="dash-levels">
        {rows.levels.map((lv) => {
          const cats = coverage.stats.categories.filter((c) => c.level === lv.id).sort((a, b) => Number(b.mandatory) - Number(a.mandatory));
          return (
            <section key={lv.id} className="dash-level" data-testid={`dash-cats-${lv.id}`}>
              <h4>{levelName(lv.id)}</h4>
              <ul className="dash-bars">
                {cats.map((c) => {
                  const sl = straightRate.get(c.id);
                  return (
                  <li
                    key={c.id}
                    data-testid={`dash-cat-${c.id}`}
                    data-value={c.noData ? '' : (c[m].rate ?? '')}
                    data-status={c.noData ? 'no_data' : 'data'}
                    className={`${c.mandatory ? '' : 'optional'}${c.noData ? ' nodata' : ''}`}
                    title={
                      t('wb_dash_cat_title', { covered: fmt(c.communities.covered), total: fmt(c.communities.total), radius: c.radius, facilities: c.facilities }) +
                      (sl != null ? ` · ${t('straight_line_rate', { rate: pct(sl) })}` : '')
                    }
                    onClick={() => {
                      setLevel(lv.id);
                      setCategory(c.id);
                    }}
                  >
                    <span className="dash-bar-label">
                      {categoryName(rules, c.id, i18n.language)}
                      {!c.mandatory && <small> ({t('optional')})</small>}
                    </span>
                    <span className="bar-track">
                      <span className="bar-fill" style={{ width: `${(c[m].rate ?? 0) * 100}%`, background: rgbaCss(categoryColor(c.id)) }} />
                      {sl != null && c.facilities > 0 && <i className="dash-straight-mark" style={{ left: `${sl * 100}%` }} />}
                    </span>
                    <span className="dash-bar-value">{c.noData ? <span className="nd-chip">{t('nd_no_data')}</span> : c.facilities ? pct(c[m].rate) : t('no_facilities')}</span>
                  </li>
                  );
                })}
              </ul>
            </section>
          );
        })}
      </div>
      <p className="muted small">
        {t('wb_dash_note', { mode: t(coverage.mode === 'network' ? 'mode_network' : 'mode_euclidean') })}
        {straight && <> {t('wb_dash_straight_note')}</>}
      </p>
    </div>
  );
}
