import { Fragment, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { programmeStatus } from '../../core/model';
import type { TFunction } from 'i18next';
import { useStore, type AppState } from '../../store/useStore';
import { selectRenovation } from '../../store/selectRenovation';
import { DEFAULT_RENOVATION_WEIGHTS, RENOVATION_EXTRA_INDICATORS, resolveRenovationWeights } from '../../core/analysis/renovation';
import { indicatorColor } from '../../map/planningPalette';
import { rgbaCss } from '../../map/palette';
import { fmt } from '../featureText';
import { NumberField } from './NumberField';
import { rankingRows, withWeight, type RankingPart, type RankingRow } from './rankingRows';
import './planning.css';

const PAGE = 100;

/** The scores, or the reason there are none (a string: zustand compares it by value). */
function safeRenovation(s: AppState) {
  try {
    return selectRenovation(s);
  } catch (e) {
    return (e as Error).message;
  }
}

/** An indicator's name: levels by the level's name ("5-min facilities missing"), the others by key. */
export function indicatorName(t: TFunction, key: string): string {
  if (['parking', 'park', 'age', 'elderly'].includes(key)) return t(`pl_ind_${key}`);
  return t('pl_ind_level', { level: t(`level_${key}`, { defaultValue: key }) });
}

/** What an indicator value means for one community, in words. */
function indicatorText(t: TFunction, p: RankingPart, row: RankingRow, oldBefore: number): string {
  const x = p.indicator;
  if (Number.isNaN(x)) return t('pl_ind_unavailable');
  switch (p.key) {
    case 'parking':
      return t('pl_explain_parking', { value: x.toFixed(2) });
    case 'park':
      return x ? t('pl_explain_park_no') : t('pl_explain_park_yes');
    case 'age':
      return t('pl_explain_age', { year: row.builtYear ?? '—', before: oldBefore, value: x.toFixed(2) });
    case 'elderly':
      return t('pl_explain_elderly', { share: `${(x * 100).toFixed(1)}%` });
    default: {
      const f = row.populationFactor;
      const missing = f > 0 ? x / f : 0;
      return t('pl_explain_level', { missing: `${(missing * 100).toFixed(0)}%`, factor: f.toFixed(2), value: x.toFixed(2) });
    }
  }
}

/** The renovation-priority ranking: weight sliders, the ranked old communities with their score's parts. */
export function RankingView() {
  const { t } = useTranslation();
  const renovation = useStore(safeRenovation);
  const stored = useStore((s) => s.renovationWeights);
  const setWeights = useStore((s) => s.setRenovationWeights);
  const coverageLevels = useStore((s) => s.coverage?.levelIds);
  const rules = useStore((s) => s.rules);
  const communities = useStore((s) => s.layers.communities);
  const population = useStore((s) => s.weights?.population);
  const oldBefore = rules.old_before_year;
  const selected = useStore((s) => s.selectedCommunity);
  const select = useStore((s) => s.selectCommunity);
  const topN = useStore((s) => s.rankingTopN);
  const setTopN = useStore((s) => s.setRankingTopN);
  const status = useStore((s) => s.analysisStatus);
  const [open, setOpen] = useState<number | null>(null);
  const [limit, setLimit] = useState(PAGE);
  const [weightError, setWeightError] = useState<string | null>(null);
  // the renovation programme (issue 14): communities already planned, under way or done can be left out
  const [hideProgramme, setHideProgramme] = useState(false);

  const resolved = useMemo(() => {
    try {
      return resolveRenovationWeights(coverageLevels ?? rules.levels.map((l) => l.id), stored);
    } catch (e) {
      return (e as Error).message;
    }
  }, [coverageLevels, rules, stored]);

  const allRows = useMemo(
    () => (typeof renovation === 'object' && renovation && communities && population
      ? rankingRows(renovation, communities.fc.features.map((f) => f.properties), population)
      : []),
    [renovation, communities, population],
  );
  const inProgramme = useMemo(() => new Set((communities?.fc.features ?? []).map((f, i) => (programmeStatus(f.properties) === 'none' ? -1 : i)).filter((i) => i >= 0)), [communities]);
  const rows = useMemo(() => (hideProgramme ? allRows.filter((r) => !inProgramme.has(r.index)) : allRows), [allRows, hideProgramme, inProgramme]);

  const reset = () => {
    // only the defaults of indicators this rule set has (an imported set may lack a level)
    const known = new Set<string>([...(coverageLevels ?? rules.levels.map((l) => l.id)), ...RENOVATION_EXTRA_INDICATORS]);
    setWeightError(null);
    setWeights(Object.fromEntries(Object.entries(DEFAULT_RENOVATION_WEIGHTS).filter(([k]) => known.has(k))));
  };

  // a community selected on the map: bring its row into view
  const table = useRef<HTMLTableElement>(null);
  useEffect(() => {
    if (selected != null) table.current?.querySelector(`tr[data-index="${selected}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  if (!communities) return <p className="pl-empty">{t('pl_no_communities')}</p>;

  return (
    <div className="pl-view pl-ranking" data-testid="ranking-view">
      <section className="pl-side">
        {inProgramme.size > 0 && (
          <label className="check small" data-testid="ranking-hide-programme-label">
            <input type="checkbox" checked={hideProgramme} onChange={(e) => setHideProgramme(e.target.checked)} data-testid="ranking-hide-programme" />{' '}
            {t('pg_hide', { count: inProgramme.size })}
          </label>
        )}
        <h3>{t('pl_weights')}</h3>
        {typeof resolved === 'string' ? (
          <p className="error">{resolved}</p>
        ) : (
          <table className="pl-weights">
            <tbody>
              {resolved.keys.map((key, i) => (
                <tr key={key}>
                  <td>
                    <i className="pl-swatch" style={{ background: rgbaCss(indicatorColor(key)) }} />
                    {indicatorName(t, key)}
                  </td>
                  <td>
                    <input
                      type="range"
                      min={0}
                      max={1}
                      step={0.01}
                      value={resolved.raw[i]}
                      data-testid={`weight-${key}`}
                      aria-label={indicatorName(t, key)}
                      onChange={(e) => {
                        const next = withWeight(resolved.keys, resolved.raw, key, Number(e.target.value));
                        if (!next) return setWeightError(t('pl_weights_all_zero'));
                        setWeightError(null);
                        setWeights(next);
                      }}
                    />
                  </td>
                  <td className="num" data-testid={`weight-norm-${key}`} data-weight={resolved.normalised[i]}>
                    {(resolved.normalised[i] * 100).toFixed(1)}%
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {weightError && <p className="error small">{weightError}</p>}
        <p className="muted small">{t('pl_weights_hint')}</p>
        <button type="button" data-testid="weights-reset" onClick={reset}>{t('pl_weights_reset')}</button>
        <div className="field">
          <label>{t('pl_top_n')}</label>
          <NumberField value={topN} min={0} step={1} testId="ranking-top-n" onCommit={(n) => setTopN(n ?? 0)} />
        </div>
        <p className="muted small">{t('pl_top_n_hint')}</p>
      </section>
      <section className="pl-main">
        {typeof renovation === 'string' && (
          <p className="error">
            {renovation} <button type="button" className="link" onClick={reset}>{t('pl_weights_reset')}</button>
          </p>
        )}
        {renovation === null && <p className="pl-empty">{status === 'running' ? t('pl_wait_analysis') : t('pl_no_analysis')}</p>}
        {typeof renovation === 'object' && renovation && (
          <>
            <div className="pl-legend" data-testid="ranking-legend">
              {renovation.keys.map((k) => (
                <span key={k}>
                  <i className="pl-swatch" style={{ background: rgbaCss(indicatorColor(k)) }} />
                  {indicatorName(t, k)}
                </span>
              ))}
            </div>
            <p className="muted small">{t('pl_ranking_summary', { count: rows.length, before: oldBefore })}</p>
            {rows.length === 0 ? (
              <p className="pl-empty">{t('pl_no_old', { before: oldBefore })}</p>
            ) : (
              <table ref={table} className="pl-table pl-rank-table" data-testid="ranking-table">
                <thead>
                  <tr>
                    <th className="num">{t('pl_rank')}</th>
                    <th>{t('pl_name')}</th>
                    <th className="num">{t('pl_built_year')}</th>
                    <th className="num">{t('pl_population')}</th>
                    <th className="num">{t('pl_score')}</th>
                    <th className="pl-bar-col">{t('pl_score_parts')}</th>
                    <th />
                  </tr>
                </thead>
                <tbody>
                  {rows.slice(0, limit).map((r) => (
                    <Fragment key={r.index}>
                      <tr
                        data-testid={`rank-row-${r.position}`}
                        data-index={r.index}
                        data-score={r.score}
                        className={`${r.index === selected ? 'active' : ''}${r.position <= topN ? ' top' : ''}`}
                        onClick={() => select(r.index)}
                      >
                        <td className="num">{r.position}</td>
                        <td className="pl-name">{r.name}</td>
                        <td className="num">{r.builtYear ?? '—'}</td>
                        <td className="num">{fmt(r.population)}</td>
                        <td className="num"><b>{r.score.toFixed(1)}</b></td>
                        <td className="pl-bar-col">
                          <span className="pl-stack" title={r.parts.filter((p) => p.part > 0).map((p) => `${indicatorName(t, p.key)} ${p.part.toFixed(1)}`).join('\n')}>
                            {r.parts.map((p) =>
                              p.part > 0 ? (
                                <span key={p.key} style={{ width: `${p.part}%`, background: rgbaCss(indicatorColor(p.key)) }} />
                              ) : null,
                            )}
                          </span>
                        </td>
                        <td>
                          <button
                            type="button"
                            className="link"
                            data-testid={`rank-explain-${r.position}`}
                            aria-expanded={open === r.index}
                            onClick={(e) => {
                              e.stopPropagation();
                              setOpen(open === r.index ? null : r.index);
                            }}
                          >
                            {open === r.index ? t('pl_hide') : t('pl_why')}
                          </button>
                        </td>
                      </tr>
                      {open === r.index && (
                        <tr className="pl-explain" data-testid={`rank-explanation-${r.position}`}>
                          <td />
                          <td colSpan={6}>
                            <table>
                              <tbody>
                                {r.parts.map((p) => (
                                  <tr key={p.key}>
                                    <td>
                                      <i className="pl-swatch" style={{ background: rgbaCss(indicatorColor(p.key)) }} />
                                      {indicatorName(t, p.key)}
                                    </td>
                                    <td>{indicatorText(t, p, r, oldBefore)}</td>
                                    <td className="num">
                                      {Number.isNaN(p.indicator) ? '—' : `${p.indicator.toFixed(2)} × ${(p.weight * 100).toFixed(1)}% × 100`}
                                    </td>
                                    <td className="num">= {p.part.toFixed(1)}</td>
                                  </tr>
                                ))}
                                <tr className="pl-total">
                                  <td colSpan={3}>{t('pl_score')}</td>
                                  <td className="num">{r.score.toFixed(1)}</td>
                                </tr>
                              </tbody>
                            </table>
                          </td>
                        </tr>
                      )}
                    </Fragment>
                  ))}
                </tbody>
              </table>
            )}
            {rows.length > limit && (
              <button type="button" className="link" onClick={() => setLimit(limit + PAGE * 5)}>
                {t('pl_show_more', { shown: limit, total: rows.length })}
              </button>
            )}
          </>
        )}
      </section>
    </div>
  );
}
