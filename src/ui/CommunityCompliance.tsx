import { useTranslation } from 'react-i18next';
import { useStore } from '../store/useStore';
import { categoryName, fmt, metres } from './featureText';
import { orderedLevels } from '../core/rules';
import { cellStatus } from '../core/analysis/compliance';
import { EvidenceBadge } from './workbench/EvidenceBadge';

/**
 * The selected community's compliance: per level, each mandatory category (and optional ones that
 * exist in the data) with walking distance, minutes and ✓/✗, or a grey 未提供数据 / "no data" when
 * the data hold no facility of the category (noDataPolicy). Clicking a row draws its route.
 */
export function CommunityCompliance({ index }: { index: number }) {
  const { t, i18n } = useTranslation();
  const coverage = useStore((s) => s.coverage);
  const rules = useStore((s) => s.rules);
  const routeCategory = useStore((s) => s.routeCategory ?? s.activeCategory);
  const setRouteCategory = useStore((s) => s.setRouteCategory);
  const route = useStore((s) => s.route);
  // the active scenario's values next to the baseline's, where they differ (issue 11)
  const scenario = useStore((s) => (s.activeScenarioId && s.scenarioResult && s.scenarioResult.coverage.communityCount === s.coverage?.communityCount ? s.scenarioResult.coverage : null));
  // choice and second-nearest (issue 13), when computed for these baseline results
  const choice = useStore((s) => (s.choice && s.choiceFor === s.coverage ? s.choice : null));
  if (!coverage || index >= coverage.communityCount) return null;
  const C = coverage.communityCount;
  const speed = rules.walk.speed_m_per_min;
  const stat = new Map(coverage.stats.categories.map((c) => [c.id, c]));
  return (
    <section className="compliance" data-testid="compliance">
      <h3>{t('compliance')}</h3>
      {orderedLevels(rules).map(({ id: levelId }) => {
        const l = coverage.levelIds.indexOf(levelId);
        if (l < 0) return null;
        const cats = rules.categories.filter((c) => c.level === levelId && (c.mandatory || (stat.get(c.id)?.facilities ?? 0) > 0));
        if (!cats.length) return null;
        const share = coverage.levelCompleteness[l * C + index];
        return (
          <div key={levelId} className="compliance-level">
            <h4>
              {t(`level_${levelId}`, { defaultValue: levelId })}
              {Number.isFinite(share) && <span className="muted"> · {Math.round(share * 100)}%</span>}
            </h4>
            <table>
              <tbody>
                {cats.map((c) => {
                  const k = coverage.categoryIds.indexOf(c.id);
                  const d = coverage.distance[k * C + index];
                  const status = cellStatus(coverage, k, index);
                  const ok = status === 'ok';
                  const noData = status === 'no_data';
                  return (
                    <tr
                      key={c.id}
                      data-testid={`compliance-${c.id}`}
                      data-distance={Number.isFinite(d) ? d.toFixed(1) : ''}
                      data-ok={ok ? '1' : '0'}
                      data-status={status}
                      className={`${c.id === routeCategory ? 'active' : ''}${noData ? ' nodata' : ''}`}
                      title={noData ? t('nd_no_data_title') : undefined}
                      onClick={() => setRouteCategory(c.id)}
                    >
                      <td className={noData ? 'nodata' : ok ? 'ok' : 'bad'}>{noData ? '–' : ok ? '✓' : '✗'}</td>
                      <td>
                        {categoryName(rules, c.id, i18n.language)}
                        {!c.mandatory && <small className="muted"> ({t('optional')})</small>}
                        <span onClick={(e) => e.stopPropagation()}><EvidenceBadge category={c} /></span>
                      </td>
                      <td className="num">
                        {noData ? t('nd_no_data') : Number.isFinite(d) ? metres(t, d) : t('no_facility_reachable')}
                        {scenario && (() => {
                          const sk = scenario.categoryIds.indexOf(c.id);
                          const sd = sk < 0 ? Infinity : scenario.distance[sk * C + index];
                          const sok = sk >= 0 && scenario.ok[sk * C + index] === 1;
                          if (sok === ok && Math.round(sd) === Math.round(d)) return null;
                          const value = `${Number.isFinite(sd) ? metres(t, sd) : t('no_facility_reachable')} ${sok ? '✓' : '✗'}`;
                          return (
                            <small className={`sc-card ${sok ? 'ok' : 'bad'}`} data-testid={`compliance-scenario-${c.id}`} data-ok={sok ? '1' : '0'}>
                              <br />
                              {t('sc_card_value', { value })}
                            </small>
                          );
                        })()}
                      </td>
                      <td className="num muted">
                        {Number.isFinite(d) ? t('minutes', { min: fmt(d / speed, 1) }) : ''}
                        {choice && !noData && (() => {
                          const ck = choice.categoryIds.indexOf(c.id);
                          if (ck < 0 || !choice.supply[ck]) return null;
                          const n = choice.count[ck * C + index], d2 = choice.second[ck * C + index], f = choice.fca[ck * C + index];
                          return (
                            <small className="choice-card" data-testid={`compliance-choice-${c.id}`} data-count={n} data-second={Number.isFinite(d2) ? d2.toFixed(1) : ''}>
                              <br />
                              {t('ac_card_count')} {n} · {t('ac_card_second')} {Number.isFinite(d2) ? metres(t, d2) : '—'}
                              {Number.isFinite(f) && ` · ${t('ac_card_fca')} ${fmt(f, 2)}`}
                            </small>
                          );
                        })()}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        );
      })}
      {route && route.communityIndex === index ? (
        <p className="route-info" data-testid="route-info" data-distance={route.distance.toFixed(1)}>
          {t('route_to', { category: categoryName(rules, route.categoryId, i18n.language), distance: fmt(route.distance) })}
        </p>
      ) : (
        <p className="muted small">{t('route_hint')}</p>
      )}
    </section>
  );
}
