import { useEffect, useMemo, useState } from 'react';
import { featureLabel } from '../../core/model';
import { useTranslation } from 'react-i18next';
import type { WeightedRate } from '../../core/analysis/coverage';
import type { ParkThreshold } from '../../core/rules';
import { useStore } from '../../store/useStore';
import { requestParkServiceAreas } from '../../store/analysisController';
import { flyToFeature } from '../../map/flyToFeature';
import { PLANNING_COLORS } from '../../map/planningPalette';
import { rgbaCss } from '../../map/palette';
import { fmt, metres } from '../featureText';
import { applyRuleEdit } from '../../core/rules';
import { NumberField } from './NumberField';
import { VerificationBadge, flagOf } from './VerificationBadge';
import './planning.css';

function pct(r: WeightedRate | null | undefined): string {
  return r?.rate == null ? '—' : `${(r.rate * 100).toFixed(1)}%`;
}

/** Asks the store for the park service areas of the current park result while the view is open. */
function useParkServiceAreas(): void {
  const parks = useStore((s) => s.parks);
  useEffect(() => requestParkServiceAreas(), [parks]);
}

/** Park service-radius coverage (公园绿地服务半径覆盖率): thresholds, rates, parks, communities left out. */
export function ParksView() {
  const { t } = useTranslation();
  const parks = useStore((s) => s.parks);
  const rules = useStore((s) => s.rules);
  const setRules = useStore((s) => s.setRules);
  const parkLayer = useStore((s) => s.layers.parks);
  const communities = useStore((s) => s.layers.communities);
  const weights = useStore((s) => s.weights);
  const select = useStore((s) => s.selectCommunity);
  const status = useStore((s) => s.analysisStatus);
  const [draft, setDraft] = useState<ParkThreshold[]>(rules.parks.thresholds);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => setDraft(rules.parks.thresholds), [rules.parks.thresholds]);
  useParkServiceAreas();

  const uncovered = useMemo(() => {
    if (!parks || !communities || parks.communityCount !== communities.fc.features.length) return [];
    const out: number[] = [];
    for (let c = 0; c < parks.communityCount; c++) if (!parks.ok[c]) out.push(c);
    return out.sort((a, b) => (weights?.population[b] ?? 0) - (weights?.population[a] ?? 0) || a - b);
  }, [parks, communities, weights]);

  const changeDraft = (i: number, patch: Partial<ParkThreshold>) => setDraft(draft.map((d, j) => (j === i ? { ...d, ...patch } : d)));
  const apply = () => {
    const r = applyRuleEdit(rules, { type: 'parkThresholds', thresholds: draft });
    if (!r.rules) return setProblem(r.problems.map((p) => p.message).join('; '));
    setProblem(null);
    setRules(r.rules);
  };
  const dirty = JSON.stringify(draft) !== JSON.stringify(rules.parks.thresholds);
  const name = (f: { properties?: Record<string, unknown> } | undefined, i: number) => featureLabel(f?.properties, i);

  return (
    <div className="pl-view pl-parks" data-testid="parks-view">
      <section className="pl-side">
        <h3>
          {t('pl_park_thresholds')} <VerificationBadge flag={flagOf(rules.parks.verification, 'thresholds')} what={rules.parks.source} />
        </h3>
        <table className="pl-table compact">
          <thead>
            <tr>
              <th>{t('pl_min_area')}</th>
              <th>{t('pl_max_area')}</th>
              <th>{t('pl_radius')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {draft.map((d, i) => (
              <tr key={i}>
                <td><NumberField value={d.min_area_m2} min={0} width={72} testId={`park-threshold-min-${i}`} onCommit={(v) => changeDraft(i, { min_area_m2: v ?? 0 })} /></td>
                <td>
                  <NumberField
                    value={d.max_area_m2 ?? null}
                    allowEmpty
                    placeholder="∞"
                    width={72}
                    testId={`park-threshold-max-${i}`}
                    onCommit={(v) => changeDraft(i, { max_area_m2: v ?? undefined })}
                  />
                </td>
                <td><NumberField value={d.radius_m} min={1} width={56} testId={`park-threshold-radius-${i}`} onCommit={(v) => changeDraft(i, { radius_m: v ?? 0 })} /></td>
                <td>
                  <button type="button" className="link" disabled={draft.length < 2} onClick={() => setDraft(draft.filter((_, j) => j !== i))}>
                    {t('pl_remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="pl-buttons">
          <button type="button" className="link" onClick={() => setDraft([...draft, { min_area_m2: 1000, max_area_m2: 2000, radius_m: 300 }])}>
            + {t('pl_add_threshold')}
          </button>
          <button type="button" data-testid="park-thresholds-apply" className={dirty ? "pl-primary" : ""} onClick={apply}>{t('pl_apply')}</button>
        </div>
        {problem && <p className="error small" role="alert">{problem}</p>}
        <p className="muted small">{t('pl_park_rule_hint')}</p>
      </section>
      <section className="pl-main">
        {!parkLayer && <p className="pl-empty">{t('pl_no_parks')}</p>}
        {parkLayer && !parks && <p className="pl-empty">{status === 'running' ? t('pl_wait_analysis') : t('pl_no_analysis')}</p>}
        {parks && (
          <>
            <div className="pl-cards">
              {(['communities', 'households', 'population'] as const).map((k) => (
                <div key={k} className="pl-card" data-testid={`park-rate-${k}`} data-rate={parks.stats[k].rate ?? ''}>
                  <b>{pct(parks.stats[k])}</b>
                  <span>{t(`pl_rate_${k}`)}</span>
                  <small>{fmt(parks.stats[k].covered)} / {fmt(parks.stats[k].total)}</small>
                </div>
              ))}
              <div className="pl-card" data-testid="park-rate-area" data-rate={parks.stats.area?.rate ?? ''}>
                <b>{pct(parks.stats.area)}</b>
                <span>{t('pl_rate_area')}</span>
                {parks.stats.area && <small>{fmt(parks.stats.area.covered / 10_000, 1)} / {fmt(parks.stats.area.total / 10_000, 1)} ha</small>}
              </div>
              <div className="pl-card" data-testid="park-count" data-qualifying={parks.stats.qualifyingParks}>
                <b>{parks.stats.qualifyingParks} / {parks.stats.parks}</b>
                <span>{t('pl_qualifying_parks')}</span>
              </div>
            </div>
            <div className="pl-legend">
              <span><i className="pl-swatch" style={{ background: rgbaCss(PLANNING_COLORS.parkServiceFill), borderColor: rgbaCss(PLANNING_COLORS.parkServiceLine) }} />{t('pl_legend_service_area')}</span>
              <span><i className="pl-swatch outline" style={{ borderColor: rgbaCss(PLANNING_COLORS.parkQualifying) }} />{t('pl_legend_qualifying')}</span>
              <span><i className="pl-swatch" style={{ background: rgbaCss(PLANNING_COLORS.parkCovered) }} />{t('pl_legend_covered')}</span>
              <span><i className="pl-swatch" style={{ background: rgbaCss(PLANNING_COLORS.parkUncovered) }} />{t('pl_legend_uncovered')}</span>
            </div>
            {parks.unreachableParks.length > 0 && <p className="note">{t('pl_unreachable_parks', { count: parks.unreachableParks.length })}</p>}
            <div className="pl-columns">
              <div>
                <h4>{t('pl_park_list')}</h4>
                <table className="pl-table" data-testid="park-table">
                  <thead>
                    <tr>
                      <th>{t('pl_name')}</th>
                      <th className="num">{t('pl_area_m2')}</th>
                      <th>{t('pl_class')}</th>
                      <th className="num">{t('pl_radius')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {Array.from({ length: parks.parks.count }, (_, p) => p)
                      .sort((a, b) => parks.parks.area[b] - parks.parks.area[a])
                      .map((p) => {
                        const th = parks.parks.threshold[p] >= 0 ? rules.parks.thresholds[parks.parks.threshold[p]] : null;
                        return (
                          <tr
                            key={p}
                            data-testid={`park-row-${p}`}
                            data-area={parks.parks.area[p]}
                            data-radius={Number.isFinite(parks.parks.radius[p]) ? parks.parks.radius[p] : ''}
                            className={th ? '' : 'muted'}
                            onClick={() => flyToFeature(parkLayer?.fc.features[p])}
                          >
                            <td className="pl-name">{name(parkLayer?.fc.features[p], p)}</td>
                            <td className="num">{fmt(parks.parks.area[p])}</td>
                            <td className="pl-nowrap">
                              {th
                                ? th.max_area_m2 != null
                                  ? t('pl_class_range', { min: fmt(th.min_area_m2), max: fmt(th.max_area_m2) })
                                  : t('pl_class_min', { min: fmt(th.min_area_m2) })
                                : t('pl_not_qualifying')}
                            </td>
                            <td className="num">{th ? metres(t, th.radius_m) : '—'}</td>
                          </tr>
                        );
                      })}
                  </tbody>
                </table>
              </div>
              <div>
                <h4 data-testid="park-uncovered-count" data-count={uncovered.length}>{t('pl_uncovered_title', { count: uncovered.length })}</h4>
                <table className="pl-table" data-testid="park-uncovered">
                  <thead>
                    <tr>
                      <th>{t('pl_name')}</th>
                      <th className="num">{t('pl_population')}</th>
                      <th className="num">{t('pl_nearest_park')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {uncovered.map((c) => (
                      <tr
                        key={c}
                        data-testid={`park-uncovered-${c}`}
                        onClick={() => select(c)}
                      >
                        <td className="pl-name">{name(communities?.fc.features[c], c)}</td>
                        <td className="num">{fmt(weights?.population[c])}</td>
                        <td className="num">{Number.isFinite(parks.distance[c]) ? metres(t, parks.distance[c]) : t('pl_none_reachable')}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
          </>
        )}
      </section>
    </div>
  );
}
