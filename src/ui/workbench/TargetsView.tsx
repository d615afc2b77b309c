import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { indicatorIds, indicatorScopes, indicatorSeries, readTargets, takeSnapshot, targetSheet, type IndicatorScope, type Target } from '../../core/monitor';
import { briefingCsv } from '../../core/io/export';
import { readTable } from '../../core/io';
import { orderedLevels } from '../../core/rules';
import { useStore } from '../../store/useStore';
import { selectMonitorTables } from '../../store/selectMonitor';
import { downloadBytes } from '../../util/download';
import { useMonitor } from '../monitor/useMonitor';
import { localDate } from '../../core/model';
import { DEPARTMENTS, TargetTable } from '../monitor/TargetTable';
import { TimelineChart } from '../monitor/TimelineChart';
import { SnapshotCompare } from '../monitor/SnapshotCompare';
import { ProgrammeTable } from '../monitor/ProgrammeTable';
import { CheckReport } from '../monitor/CheckReport';
import './planning.css';

/**
 * Keeping score (issue 14): the target sheet (indicator, scope, value, deadline, department, note;
 * edited in place, imported and exported) with each target's value now and status against the line
 * from the first snapshot; dated snapshots, an indicator over time with its target, the comparison
 * of any two snapshots (also on the map), the renovation programme, and the one-page check report.
 */
export function TargetsView() {
  const { t } = useTranslation();
  const m = useMonitor();
  const s = useStore();
  const { communities, result, rows, lang } = m;
  const [label, setLabel] = useState(`${new Date().getFullYear()}年度`);
  const [date, setDate] = useState(localDate());
  const [draft, setDraft] = useState<Omit<Target, 'id'>>({ indicator: `complete:${orderedLevels(s.rules).at(-1)?.id ?? ''}`, scope: 'all', value: 80, deadline: `${new Date().getFullYear() + 2}-12-31`, department: DEPARTMENTS[0], note: '' });
  const [problems, setProblems] = useState<string[]>([]);
  const [report, setReport] = useState(false);
  const [chartOf, setChartOf] = useState<string>('');
  const file = useRef<HTMLInputElement>(null);
  const units = communities ? indicatorScopes(communities).filter((sc) => sc.startsWith('subdistrict:')).map((sc) => sc.slice('subdistrict:'.length)) : [];

  const save = () => {
    if (!result || !communities || !s.layers.facilities) return;
    s.addSnapshot(takeSnapshot(label.trim() || date, date || localDate(), communities, s.layers.facilities.fc, result, s.rules));
  };
  const addTarget = () => s.setTargets([...s.targets, { ...draft, id: `t${Date.now().toString(36)}` }]);
  const importTargets = async (f: File) => {
    const r = await readTable(f.name, new Uint8Array(await f.arrayBuffer()));
    if (!r.ok) return setProblems([lang === 'zh-CN' ? r.detail_zh : r.detail]);
    const read = readTargets(r.table, s.rules);
    // ids from the file's row numbers could repeat those already on the sheet
    const stamp = Date.now().toString(36);
    s.setTargets([...s.targets, ...read.targets.map((x) => ({ ...x, id: `${x.id}-${stamp}` }))]);
    setProblems(read.problems.map((p) => t('tg_row_problem', { file: f.name, row: p.row, problem: p.problem })));
  };
  const exportTargets = () => downloadBytes(new TextEncoder().encode(briefingCsv(targetSheet(s.targets, s.rules, lang), lang)), `targets-${localDate()}.csv`, 'text/csv');

  // the timeline: a target's indicator and scope (default the first target's), or any indicator for the whole area
  const chartTarget = s.targets.find((x) => x.id === chartOf) ?? (chartOf ? null : s.targets[0] ?? null);
  const chartIndicator = chartTarget?.indicator ?? (chartOf || draft.indicator);
  const chartScope: IndicatorScope = chartTarget?.scope ?? 'all';
  const series = indicatorSeries(s.snapshots, chartIndicator, chartScope);
  const nowRow = chartTarget ? rows.find((r) => r.target.id === chartTarget.id) : null;

  return (
    <div className="pl-view pl-targets" data-testid="targets-view">
      <section className="pl-side">
        <h3>{t('tg_new')}</h3>
        <div className="field">
          <label>{t('tg_indicator')}</label>
          <select value={draft.indicator} onChange={(e) => setDraft({ ...draft, indicator: e.target.value })} data-testid="tg-indicator">
            {indicatorIds(s.rules).map((id) => <option key={id} value={id}>{m.indicatorName(id)}</option>)}
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
        <button type="button" className="primary" onClick={addTarget} data-testid="tg-add">{t('tg_add')}</button>
        <p>
          <button type="button" className="link" onClick={() => file.current?.click()}>{t('tg_import')}</button>{' '}
          <button type="button" className="link" onClick={exportTargets} disabled={!s.targets.length} data-testid="tg-export">{t('tg_export')}</button>
        </p>
        <input ref={file} type="file" accept=".csv,.xlsx,.tsv,.txt" hidden onChange={(e) => { const f = e.target.files?.[0]; if (f) void importTargets(f); e.target.value = ''; }} data-testid="tg-import-file" />
        {problems.map((p, k) => <p key={k} className="error small">{p}</p>)}
        <h3>{t('tg_snapshot')}</h3>
        <div className="field">
          <label>{t('tg_snapshot_label')}</label>
          <input value={label} onChange={(e) => setLabel(e.target.value)} data-testid="tg-snapshot-label" />
        </div>
        <div className="field">
          <label>{t('tg_snapshot_date')}</label>
          <input type="date" value={date} onChange={(e) => setDate(e.target.value)} data-testid="tg-snapshot-date" />
        </div>
        <button type="button" onClick={save} disabled={!result} data-testid="tg-snapshot-save">{t('tg_snapshot_save')}</button>
      </section>
      <section className="pl-main">
        <button type="button" onClick={() => setReport(true)} disabled={!rows.length && s.snapshots.length < 2} data-testid="tg-report">{t('tg_report')}</button>
        {report && <CheckReport title={s.demo ? (lang === 'zh-CN' ? s.demo.name_zh : s.demo.name_en) : t('bf_title')} {...selectMonitorTables(s, lang)} onClose={() => setReport(false)} />}
        <TargetTable rows={rows} indicatorName={m.indicatorName} scopeName={m.scopeName} />
        {!rows.length && <p className="muted">{t('tg_none')}</p>}
        {m.baseline && <p className="muted small">{t('tg_baseline', { label: m.baseline.label, date: m.baseline.date })}</p>}
        <h3>{t('tg_timeline')}</h3>
        <p>
          <select value={chartTarget?.id ?? chartIndicator} onChange={(e) => setChartOf(e.target.value)} data-testid="tg-timeline-of">
            {s.targets.map((x) => <option key={x.id} value={x.id}>{m.indicatorName(x.indicator)} · {m.scopeName(x.scope)}</option>)}
            {indicatorIds(s.rules).map((id) => <option key={id} value={id}>{m.indicatorName(id)}</option>)}
          </select>
        </p>
        {s.snapshots.length ? (
          <TimelineChart
            series={series}
            now={nowRow ? { label: t('tg_timeline_now'), date: localDate(), value: nowRow.value } : null}
            target={chartTarget ? { value: chartTarget.value, deadline: chartTarget.deadline } : null}
          />
        ) : <p className="muted small">{t('tg_timeline_few')}</p>}
        <h3>{t('tg_snapshots', { count: s.snapshots.length })}</h3>
        <SnapshotCompare indicatorName={m.indicatorName} />
        {s.snapshots.map((x) => (
          <p key={`${x.label}${x.date}`} className="small">
            {x.label} · {x.date} · {t('tg_snapshot_inputs', { communities: x.inputs.communities, facilities: x.inputs.facilities })}{' '}
            <button type="button" className="link" onClick={() => s.removeSnapshot(x.label, x.date)}>{t('tg_remove')}</button>
          </p>
        ))}
        <ProgrammeTable />
      </section>
    </div>
  );
}
