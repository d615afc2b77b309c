import { useEffect, useMemo, useState } from 'react';
import { bbox as turfBbox } from '@turf/turf';
import { PrintTable } from './PrintTable';
import { useTranslation } from 'react-i18next';
import { briefingTables } from '../../core/io/export';
import { headlineMeasure } from '../../core/analysis/coverage';
import { rankByScore } from '../../core/analysis/renovation';
import { featureLabel, localDate } from '../../core/model';
import { orderedLevels } from '../../core/rules';
import { parseLanguage } from '../../core/messages';
import { useStore } from '../../store/useStore';
import { selectRenovation } from '../../store/selectRenovation';
import { selectStudyAreaResult } from '../../store/selectResult';
import { legendEntries, mapImage } from '../../map/mapImage';
import { activeMap } from '../../map/mapHandle';
import { categoryName, fmt } from '../featureText';
import { useBriefing } from './briefingState';
import './briefing.css';

/** A view's PNG as a data URL for an <img> (the map at that moment, framed). */
async function snapshot(title: string, lang: string, t: ReturnType<typeof useTranslation>['t']): Promise<string> {
  const s = useStore.getState();
  const blob = await mapImage({ title, scale: 1, legend: legendEntries(s, t, lang), footer: localDate(), attribution: null, northLabel: t('bf_north') });
  return await new Promise((done) => {
    const r = new FileReader();
    r.onload = () => done(String(r.result));
    r.readAsDataURL(blob);
  });
}

/**
 * The printable briefing (issue 12): a cover with the study-area map and the headline indicators,
 * coverage by level and category, the gap list, the renovation priorities with their reasons, the
 * scenario's before/after when one is active, the rule set with its sources, and an atlas page per
 * top community (its map and compliance). Laid out for A4/A3 portrait or landscape and printed to
 * PDF by the browser (window.print); page breaks never cut a table row.
 */
export function BriefingView() {
  const { t, i18n } = useTranslation();
  const lang = parseLanguage(i18n.language) ?? 'zh-CN';
  const open = useBriefing((b) => b.open);
  const paper = useBriefing((b) => b.paper);
  const landscape = useBriefing((b) => b.landscape);
  const topN = useBriefing((b) => b.topN);
  // the briefing reads most of the state; it is open only while the planner prepares a print
  const s = useStore();
  const [cover, setCover] = useState<string | null>(null);
  const [atlas, setAtlas] = useState<Record<number, string>>({});
  const [busy, setBusy] = useState(false);
  // memoised in the store (selectRenovation): the same object while its inputs stay
  const renovation = useStore((st) => (st.coverage ? selectRenovation(st) : null));
  const title = s.demo ? (lang === 'zh-CN' ? s.demo.name_zh : s.demo.name_en) : t('bf_title');
  const communities = s.layers.communities?.fc ?? null;
  const weights = s.weights;
  const ranking = useMemo(() => (renovation && weights ? Array.from(rankByScore(renovation.score, weights.population).subarray(0, topN)) : []), [renovation, weights, topN]);

  // the map images: the current view for the cover, then each atlas community framed in turn
  useEffect(() => {
    if (!open || !communities) return;
    let cancelled = false;
    const map = activeMap();
    const view = map ? { center: map.getCenter(), zoom: map.getZoom(), bearing: map.getBearing() } : null;
    setBusy(true);
    (async () => {
      const c = await snapshot(title, lang, t);
      if (cancelled) return;
      setCover(c);
      const pages: Record<number, string> = {};
      for (const i of ranking) {
        const f = communities.features[i];
        if (!map || !f?.geometry || cancelled) break;
        const b = turfBbox(f.geometry);
        if (!b.every(Number.isFinite)) continue;
        map.fitBounds([[b[0], b[1]], [b[2], b[3]]], { padding: 80, duration: 0, maxZoom: 17 });
        pages[i] = await snapshot(featureLabel(f.properties, i), lang, t);
      }
      if (view && map) map.jumpTo(view);
      if (!cancelled) setAtlas(pages);
      setBusy(false);
    })().catch(() => setBusy(false));
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, ranking]);

  useEffect(() => {
    document.documentElement.dataset.printing = open ? 'briefing' : '';
  }, [open]);
  const result = selectStudyAreaResult(s);
  if (!open || !s.coverage || !s.weights || !renovation || !result || !communities) return null;
  const tables = briefingTables(communities, result, s.rules, lang);
  const cats = tables.find((x) => x.id === 'categories')!;
  const gaps = tables.find((x) => x.id === 'gaps')!;
  const units = tables.find((x) => x.id === 'units')!;
  const m = headlineMeasure(s.coverage.stats.totals);
  const C = s.coverage.communityCount;
  const pct = (r: number | null | undefined) => (r == null ? '—' : `${(r * 100).toFixed(1)}%`);
  const levelName = (id: string) => t(`level_${id}`, { defaultValue: id });
  const gapsByPopulation = [...gaps.rows].sort((a, b) => Number(b.population ?? 0) - Number(a.population ?? 0)).slice(0, 30);
  const reasons = (c: number) => renovation.keys
    .map((k, i) => ({ k, part: renovation.part[i * C + c] }))
    .filter((x) => x.part > 0)
    .sort((a, b) => b.part - a.part)
    .slice(0, 3)
    .map((x) => `${s.rules.levels.some((l) => l.id === x.k) ? t('pl_ind_level', { level: levelName(x.k) }) : t(`pl_ind_${x.k}`, { defaultValue: x.k })} ${fmt(x.part, 1)}`)
    .join('、');
  const close = () => useBriefing.setState({ open: false });

  return (
    <div className={`briefing paper-${paper}${landscape ? ' landscape' : ''}`} data-testid="briefing">
      <style>{`@page { size: ${paper} ${landscape ? 'landscape' : 'portrait'}; margin: 12mm; }`}</style>
      <div className="briefing-bar no-print">
        <label>{t('bf_paper')}{' '}
          <select value={paper} onChange={(e) => useBriefing.setState({ paper: e.target.value as 'A4' | 'A3' })} data-testid="briefing-paper">
            <option value="A4">A4</option>
            <option value="A3">A3</option>
          </select>
        </label>
        <label><input type="checkbox" checked={landscape} onChange={(e) => useBriefing.setState({ landscape: e.target.checked })} /> {t('bf_landscape')}</label>
        <label>{t('bf_atlas_n')}{' '}
          <select value={topN} onChange={(e) => useBriefing.setState({ topN: Number(e.target.value) })} data-testid="briefing-top-n">
            {[0, 5, 10, 20].map((n) => <option key={n} value={n}>{n}</option>)}
          </select>
        </label>
        {busy && <span className="muted">{t('bf_preparing')}</span>}
        <button type="button" className="primary" onClick={() => window.print()} disabled={busy} data-testid="briefing-print">{t('bf_print')}</button>
        <button type="button" onClick={close} data-testid="briefing-close">{t('close')}</button>
      </div>

      <section className="page cover" data-testid="briefing-cover">
        <h1>{title}</h1>
        <p className="muted">{t('bf_subtitle', { date: localDate(), rules: lang === 'zh-CN' ? s.rules.name_zh : s.rules.name_en })}</p>
        {cover ? <img src={cover} alt={t('bf_map_alt')} className="cover-map" data-testid="briefing-cover-map" /> : <div className="cover-map placeholder">{t('bf_preparing')}</div>}
        <div className="headlines">
          {orderedLevels(s.rules).map((l) => {
            const ls = s.coverage!.stats.levels.find((x) => x.id === l.id);
            if (!ls || !ls.countedCategories.length) return null;
            return (
              <div key={l.id} className="headline-card" data-testid={`briefing-level-${l.id}`} data-rate={ls.complete[m].rate ?? ''}>
                <b>{pct(ls.complete[m].rate)}</b>
                <span>{t(m === 'population' ? 'level_complete' : 'level_complete_communities', { level: levelName(l.id), rate: '' }).replace(/[:：]\s*(的)?(居民|小区|of residents|of communities)?$/, '')}</span>
              </div>
            );
          })}
          <div className="headline-card"><b>{fmt(C)}</b><span>{t('bf_communities')}</span></div>
          <div className="headline-card"><b>{fmt(s.coverage.stats.totals.population)}</b><span>{t('bf_residents')}</span></div>
        </div>
      </section>

      <section className="page">
        <h2>{t('bf_coverage')}</h2>
        <PrintTable table={{ ...cats, columns: cats.columns.filter((c) => c.key !== 'id' && c.key !== 'source') }} testId="briefing-categories" />
        {units.rows.length > 1 && (
          <>
            <h2>{units.name}</h2>
            <PrintTable table={units} testId="briefing-units" />
          </>
        )}
      </section>

      <section className="page">
        <h2>{t('bf_gaps', { n: gapsByPopulation.length, total: gaps.rows.length })}</h2>
        <PrintTable table={{ ...gaps, rows: gapsByPopulation }} testId="briefing-gaps" />
        <h2>{t('bf_renovation', { n: ranking.length })}</h2>
        <table className="print-table" data-testid="briefing-renovation">
          <thead><tr><th>#</th><th>{t('pl_name')}</th><th>{t('bf_score')}</th><th>{t('bf_reasons')}</th></tr></thead>
          <tbody>{ranking.map((c, i) => <tr key={c}><td className="num">{i + 1}</td><td>{featureLabel(communities.features[c]?.properties, c)}</td><td className="num">{fmt(renovation.score[c], 1)}</td><td>{reasons(c)}</td></tr>)}</tbody>
        </table>
      </section>

      {s.scenarioDiff && s.activeScenarioId && (
        <section className="page" data-testid="briefing-scenario">
          <h2>{t('bf_scenario', { name: s.scenarios.find((x) => x.id === s.activeScenarioId)?.name ?? '' })}</h2>
          <table className="print-table">
            <thead><tr><th>{t('ac_category')}</th><th>{t('bf_gained')}</th><th>{t('bf_lost')}</th></tr></thead>
            <tbody>
              {s.scenarioDiff.categories.filter((d) => d.gained.communities || d.lost.communities).map((d) => (
                <tr key={d.id}><td>{categoryName(s.rules, d.id, i18n.language)}</td><td className="num">{fmt(d.gained.communities)} · {fmt(d.gained.population)}</td><td className="num">{fmt(d.lost.communities)} · {fmt(d.lost.population)}</td></tr>
              ))}
            </tbody>
          </table>
        </section>
      )}

      <section className="page">
        <h2>{t('bf_rules', { name: lang === 'zh-CN' ? s.rules.name_zh : s.rules.name_en })}</h2>
        <table className="print-table" data-testid="briefing-rules">
          <thead><tr><th>{t('ac_category')}</th><th>{t('ac_radius')}</th><th>{t('pl_mandatory')}</th><th>{t('pl_source')}</th><th>{t('bf_verification')}</th></tr></thead>
          <tbody>
            {s.rules.categories.map((c) => (
              <tr key={c.id}>
                <td>{categoryName(s.rules, c.id, i18n.language)}</td><td className="num">{c.radius_m ?? '—'}</td><td>{c.mandatory ? '✓' : ''}</td><td className="small">{c.source}</td>
                <td className="small">{typeof c.verification === 'string' ? t(`bf_ver_${c.verification}`, { defaultValue: c.verification }) : Object.values(c.verification).map((v) => t(`bf_ver_${v}`, { defaultValue: v })).join(' / ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      {ranking.map((c, i) => {
        const f = communities.features[c];
        return (
          <section key={c} className="page atlas" data-testid={`briefing-atlas-${c}`}>
            <h2>{t('bf_atlas_title', { n: i + 1, name: featureLabel(f?.properties, c) })}</h2>
            {atlas[c] ? <img src={atlas[c]} alt="" className="atlas-map" /> : <div className="atlas-map placeholder">{t('bf_preparing')}</div>}
            <table className="print-table">
              <thead><tr><th>{t('ac_category')}</th><th>{t('ac_radius')}</th><th>{t('bf_distance')}</th><th>{t('bf_status')}</th></tr></thead>
              <tbody>
                {s.coverage!.stats.categories.filter((x) => x.mandatory).map((x) => {
                  const k = s.coverage!.categoryIds.indexOf(x.id);
                  const d = s.coverage!.distance[k * C + c];
                  return (
                    <tr key={x.id}>
                      <td>{categoryName(s.rules, x.id, i18n.language)}</td><td className="num">{x.radius}</td>
                      <td className="num">{Number.isFinite(d) ? fmt(d) : '—'}</td>
                      <td>{x.noData ? t('nd_no_data') : s.coverage!.ok[k * C + c] ? '✓' : '✗'}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </section>
        );
      })}
    </div>
  );
}
