import { useEffect, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import '../briefing/briefing.css';
import { useTranslation } from 'react-i18next';
import { compareSnapshots, indicatorIds, indicatorValue, readTargets, takeSnapshot, targetStatus, type IndicatorScope, type Target } from '../../core/monitor';
import { readTable } from '../../core/io';
import { PROGRAMME_STATUSES, programmeProgress } from '../../core/model';
import { orderedLevels } from '../../core/rules';
import { useStore } from '../../store/useStore';
import { selectRenovation } from '../../store/selectRenovation';
import { categoryName, fmt } from '../featureText';
import './planning.css';

const DEPARTMENTS = ['教育局', '卫健局', '住建局', '民政局', '城管局', '自然资源局', '体育局', '商务局'];
const today = () => new Date().toISOString().slice(0, 10);

/**
 * Keeping score (issue 14): the target sheet (indicator, scope, value, deadline, department) with
 * each target's value now and status against the line from the first snapshot; dated snapshots and
 * the comparison of any two (indicator deltas, communities gaining or losing coverage, facilities
 * added or removed).
 */
export function TargetsView() {
  const { t, i18n } = useTranslation();
  const s = useStore();
  const renovation = useStore((st) => (st.coverage ? selectRenovation(st) : null));
  const communities = s.layers.communities?.fc ?? null;
  const result = s.coverage && s.weights && s.parking && renovation ? { coverage: s.coverage, weights: s.weights, parks: s.parks, parking: s.parking, renovation } : null;
  const [label, setLabel] = useState(`${new Date().getFullYear()}年度`);
  const [pair, setPair] = useState<[number, number]>([0, 1]);
  const [draft, setDraft] = useState<Omit<Target, 'id'>>({ indicator: `complete:${orderedLevels(s.rules).at(-1)?.id ?? ''}`, scope: 'all', value: 80, deadline: `${new Date().getFullYear() + 2}-12-31`, department: DEPARTMENTS[0], note: '' });
  const [problems, setProblems] = useState<string[]>([]);
  const file = useRef<HTMLInputElement>(null);

  const indicatorName = (id: string) => {
    const [kind, arg] = id.split(':');
    const level = () => t(`level_${arg}`, { defaultValue: arg });
    if (kind === 'coverage') return t('tg_ind_coverage', { category: categoryName(s.rules, arg, i18n.language) });
    if (kind === 'complete') return t('tg_ind_complete', { level: level() });
    if (kind === 'completeness') return t('tg_ind_completeness', { level: level() });
    return t(`tg_ind_${id}`);
  };
  const scopeName = (sc: IndicatorScope) => (sc === 'all' ? t('tg_scope_all') : sc === 'old' ? t('tg_scope_old') : sc.slice('subdistrict:'.length));
  const units = useMemo(() => [...new Set((communities?.features ?? []).map((f) => f.properties.subdistrict).filter((x): x is string => typeof x === 'string' && x !== ''))], [communities]);
  const baseline = s.snapshots[0] ?? null;

  const rows = s.targets.map((tg) => {
    const value = result && communities ? indicatorValue(tg.indicator, tg.scope, result, communities, s.rules) : null;
    const b = baseline && tg.scope === 'all' ? baseline.indicators[tg.indicator] : undefined;
    const status = targetStatus(tg, value, today(), typeof b === 'number' ? { date: baseline!.date, value: b } : null);
    return { tg, value, status };
  });
  const save = () => {
    if (!result || !communities || !s.layers.facilities) return;
    s.addSnapshot(takeSnapshot(label.trim() || today(), today(), communities, s.layers.facilities.fc, result, s.rules));
  };
  const addTarget = () => s.setTargets([...s.targets, { ...draft, id: `t${Date.now().toString(36)}` }]);
  const importTargets = async (f: File) => {
    const r = await readTable(f.name, new Uint8Array(await f.arrayBuffer()));
    if (!r.ok) return setProblems([i18n.language.startsWith('zh') ? r.detail_zh : r.detail]);
    const read = readTargets(r.table, s.rules);
    s.setTargets([...s.targets, ...read.targets]);
    setProblems(read.problems.map((p) => t('tg_row_problem', { file: f.name, row: p.row, problem: p.problem })));
  };
  const [i, j] = pair;
  const [report, setReport] = useState(false);
  const cmp = s.snapshots[i] && s.snapshots[j] && i !== j ? compareSnapshots(s.snapshots[i], s.snapshots[j]) : null;

  return (
    <div className="pl-view pl-targets" data-testid="targets-view">
      <section className="pl-side">
        <h3>{t('tg_new')}</h3>
        <div className="field">
          <label>{t('tg_indicator')}</label>
          <select value={draft.indicator} onChange={(e) => setDraft({ ...draft, indicator: e.target.value })} data-testid="tg-indicator">
            {indicatorIds(s.rules).map((id) => <option key={id} value={id}>{indicatorName(id)}</option>)}
          </select>
        </div>
        <div className="field">
          <label>{t('tg_scope')}</label>
          <select value={draft.scope} onChange={(e) => setDraft({ ...draft, scope: e.target.value as IndicatorScope })} data-testid="tg-scope">
            <option value="all">{t('tg_scope_all')}</option>
            <option value="old">{t('tg_scope_old')}</option>
            {units.map((u) => <option key={u} value={`subdistrict:${u}`}>{u}</option>)}
          </select>
        </div>
        <div className="field">
          <label>{t('tg_value')}</label>
          <input type="number" value={draft.value} onChange={(e) => setDraft({ ...draft, value: Number(e.target.value) })} data-testid="tg-value" />
        </div>
        <div className="field">
          <label>{t('tg_deadline')}</label>
          <input type="date" value={draft.deadline} onChange={(e) => setDraft({ ...draft, deadline: e.target.value })} data-testid="tg-deadline" />
        </div>
        <div className="field">
          <label>{t('tg_department')}</label>
          <input list="tg-departments" value={draft.department} onChange={(e) => setDraft({ ...draft, department: e.target.value })} />
          <datalist id="tg-departments">{DEPARTMENTS.map((d) => <option key={d} value={d} />)}</datalist>
        </div>
        <button type="button" className="primary" onClick={addTarget} data-testid="tg-add">{t('tg_add')}</button>{' '}
        <button type="button" className="link" onClick={() => file.current?.click()}>{t('tg_import')}</button>
        <input ref={file} type="file" accept=".csv,.xlsx,.tsv,.txt" hidden onChange={(e) => { const f = e.target.files?.[0]; if (f) void importTargets(f); e.target.value = ''; }} />
        {problems.map((p, k) => <p key={k} className="error small">{p}</p>)}
        <h3>{t('tg_snapshot')}</h3>
        <div className="field">
          <label>{t('tg_snapshot_label')}</label>
          <input value={label} onChange={(e) => setLabel(e.target.value)} data-testid="tg-snapshot-label" />
        </div>
        <button type="button" onClick={save} disabled={!result} data-testid="tg-snapshot-save">{t('tg_snapshot_save')}</button>
      </section>
      <section className="pl-main">
        <button type="button" onClick={() => setReport(true)} disabled={!rows.length} data-testid="tg-report">{t('tg_report')}</button>
        {report && (
          <CheckReport
            title={s.demo ? (i18n.language.startsWith('zh') ? s.demo.name_zh : s.demo.name_en) : t('bf_title')}
            rows={rows.map(({ tg, value, status }) => ({ indicator: indicatorName(tg.indicator), scope: scopeName(tg.scope), value, target: tg.value, deadline: tg.deadline, department: tg.department, status: status ? t(`tg_status_${status}`) : '—' }))}
            deltas={s.snapshots.length >= 2 ? compareSnapshots(s.snapshots[s.snapshots.length - 2], s.snapshots[s.snapshots.length - 1]).indicators.filter((d) => d.delta).map((d) => ({ indicator: indicatorName(d.id), before: d.before, after: d.after, delta: d.delta })) : []}
            since={s.snapshots.length >= 2 ? s.snapshots[s.snapshots.length - 2].label : null}
            programme={communities ? programmeProgress(communities.features) : null}
            onClose={() => setReport(false)}
          />
        )}
        <table className="pl-table" data-testid="tg-table">
          <thead><tr><th>{t('tg_indicator')}</th><th>{t('tg_scope')}</th><th className="num">{t('tg_now')}</th><th className="num">{t('tg_value')}</th><th>{t('tg_deadline')}</th><th>{t('tg_department')}</th><th>{t('tg_status')}</th><th /></tr></thead>
          <tbody>
            {rows.map(({ tg, value, status }) => (
              <tr key={tg.id} data-testid={`tg-row-${tg.id}`} data-status={status ?? ''} data-value={value ?? ''}>
                <td>{indicatorName(tg.indicator)}</td><td>{scopeName(tg.scope)}</td>
                <td className="num">{fmt(value, 1)}</td><td className="num">{fmt(tg.value, 1)}</td><td>{tg.deadline}</td><td>{tg.department}</td>
                <td className={`tg-status ${status ?? ''}`}>{status ? t(`tg_status_${status}`) : '—'}</td>
                <td><button type="button" className="link" onClick={() => s.setTargets(s.targets.filter((x) => x.id !== tg.id))}>{t('tg_remove')}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
        {!rows.length && <p className="muted">{t('tg_none')}</p>}
        {baseline && <p className="muted small">{t('tg_baseline', { label: baseline.label, date: baseline.date })}</p>}
        <h3>{t('tg_snapshots', { count: s.snapshots.length })}</h3>
        {s.snapshots.length >= 2 && (
          <p>
            <select value={i} onChange={(e) => setPair([Number(e.target.value), j])} data-testid="tg-compare-a">{s.snapshots.map((x, k) => <option key={k} value={k}>{x.label} ({x.date})</option>)}</select>
            {' → '}
            <select value={j} onChange={(e) => setPair([i, Number(e.target.value)])} data-testid="tg-compare-b">{s.snapshots.map((x, k) => <option key={k} value={k}>{x.label} ({x.date})</option>)}</select>
          </p>
        )}
        {cmp && (
          <>
            <p data-testid="tg-facilities" data-added={cmp.facilitiesAdded.length} data-removed={cmp.facilitiesRemoved.length}>{t('tg_facilities_changed', { added: cmp.facilitiesAdded.length, removed: cmp.facilitiesRemoved.length })}</p>
            <table className="pl-table" data-testid="tg-deltas">
              <thead><tr><th>{t('tg_indicator')}</th><th className="num">{s.snapshots[i].label}</th><th className="num">{s.snapshots[j].label}</th><th className="num">Δ</th></tr></thead>
              <tbody>
                {cmp.indicators.filter((d) => d.delta !== 0 && d.delta !== null).map((d) => (
                  <tr key={d.id} data-testid={`tg-delta-${d.id}`} data-delta={d.delta ?? ''}><td>{indicatorName(d.id)}</td><td className="num">{fmt(d.before, 1)}</td><td className="num">{fmt(d.after, 1)}</td><td className="num">{d.delta! > 0 ? '+' : ''}{fmt(d.delta, 1)}</td></tr>
                ))}
              </tbody>
            </table>
          </>
        )}
        {(() => {
          const pg = communities ? programmeProgress(communities.features) : null;
          if (!pg || pg.byStatus.none === communities!.features.length) return <p className="muted small">{t('pg_none')}</p>;
          return (
            <section data-testid="programme-progress" data-done={pg.byStatus.done} data-planned={pg.byStatus.planned} data-building={pg.byStatus.building}>
              <h3>{t('pg_title')}</h3>
              <p>{PROGRAMME_STATUSES.filter((k) => k !== 'none').map((k) => `${t(`pg_status_${k}`)} ${pg.byStatus[k]}`).join(' · ')} · {t('pg_investment', { value: fmt(pg.investment, 1) })}</p>
              <table className="pl-table">
                <thead><tr><th>{t('pg_year')}</th><th className="num">{t('pg_status_planned')}</th><th className="num">{t('pg_status_building')}</th><th className="num">{t('pg_status_done')}</th><th className="num">{t('pg_investment_col')}</th></tr></thead>
                <tbody>{pg.byYear.map((y) => <tr key={y.year}><td>{y.year}</td><td className="num">{y.planned}</td><td className="num">{y.building}</td><td className="num">{y.done}</td><td className="num">{fmt(y.investment, 1)}</td></tr>)}</tbody>
              </table>
            </section>
          );
        })()}
        {s.snapshots.map((x) => (
          <p key={`${x.label}${x.date}`} className="small">
            {x.label} · {x.date} · {t('tg_snapshot_inputs', { communities: x.inputs.communities, facilities: x.inputs.facilities })}{' '}
            <button type="button" className="link" onClick={() => s.removeSnapshot(x.label, x.date)}>{t('tg_remove')}</button>
          </p>
        ))}
      </section>
    </div>
  );
}

/**
 * The one-page check report (issue 14: 月检查、季考察、年考核): targets with their status, the
 * changes since the previous snapshot and the programme's progress, on an A4 page printed by the
 * browser (the briefing's print styles; drawn over the app through a portal).
 */
function CheckReport(p: {
  title: string;
  rows: { indicator: string; scope: string; value: number | null; target: number; deadline: string; department: string; status: string }[];
  deltas: { indicator: string; before: number | null; after: number | null; delta: number | null }[];
  since: string | null;
  programme: ReturnType<typeof programmeProgress> | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const host = document.querySelector('.app');
  useEffect(() => {
    document.documentElement.dataset.printing = 'briefing';
    return () => {
      document.documentElement.dataset.printing = '';
    };
  }, []);
  if (!host) return null;
  return createPortal(
    <div className="briefing paper-A4" data-testid="check-report">
      <style>{'@page { size: A4 portrait; margin: 12mm; }'}</style>
      <div className="briefing-bar no-print">
        <button type="button" className="primary" onClick={() => window.print()}>{t('bf_print')}</button>
        <button type="button" onClick={p.onClose} data-testid="check-report-close">{t('close')}</button>
      </div>
      <section className="page">
        <h1>{t('tg_report_title', { title: p.title })}</h1>
        <p className="muted">{new Date().toISOString().slice(0, 10)}</p>
        <h2>{t('tg_tab')}</h2>
        <table className="print-table">
          <thead><tr><th>{t('tg_indicator')}</th><th>{t('tg_scope')}</th><th>{t('tg_now')}</th><th>{t('tg_value')}</th><th>{t('tg_deadline')}</th><th>{t('tg_department')}</th><th>{t('tg_status')}</th></tr></thead>
          <tbody>{p.rows.map((r, k) => <tr key={k}><td>{r.indicator}</td><td>{r.scope}</td><td className="num">{fmt(r.value, 1)}</td><td className="num">{fmt(r.target, 1)}</td><td>{r.deadline}</td><td>{r.department}</td><td>{r.status}</td></tr>)}</tbody>
        </table>
        {p.since && (
          <>
            <h2>{t('tg_report_since', { label: p.since })}</h2>
            <table className="print-table">
              <thead><tr><th>{t('tg_indicator')}</th><th>{t('tg_report_before')}</th><th>{t('tg_now')}</th><th>Δ</th></tr></thead>
              <tbody>{p.deltas.map((d, k) => <tr key={k}><td>{d.indicator}</td><td className="num">{fmt(d.before, 1)}</td><td className="num">{fmt(d.after, 1)}</td><td className="num">{d.delta! > 0 ? '+' : ''}{fmt(d.delta, 1)}</td></tr>)}</tbody>
            </table>
          </>
        )}
        {p.programme && p.programme.byYear.length > 0 && (
          <>
            <h2>{t('pg_title')}</h2>
            <table className="print-table">
              <thead><tr><th>{t('pg_year')}</th><th>{t('pg_status_planned')}</th><th>{t('pg_status_building')}</th><th>{t('pg_status_done')}</th><th>{t('pg_investment_col')}</th></tr></thead>
              <tbody>{p.programme.byYear.map((y) => <tr key={y.year}><td>{y.year}</td><td className="num">{y.planned}</td><td className="num">{y.building}</td><td className="num">{y.done}</td><td className="num">{fmt(y.investment, 1)}</td></tr>)}</tbody>
            </table>
          </>
        )}
      </section>
    </div>,
    host,
  );
}
