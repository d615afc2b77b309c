import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { builtYear, featureLabel, isOld, PROGRAMME_STATUSES, PROGRAMME_WORKS, programmeProgress, programmeStatus, programmeWorks, type ProgrammeStatus } from '../../core/model';
import { useStore } from '../../store/useStore';
import { editProgramme } from '../../store/programmeActions';
import { NumberField } from '../workbench/NumberField';
import { fmt } from '../featureText';

/** Rows shown at once: the list is for finding and editing, not for reading through 10,000 rows. */
const SHOWN = 60;

/**
 * The renovation programme (issue 14 §3): progress by status and year, a button to colour the map
 * by status, and the old communities (and any already in the programme) with their status, year,
 * works and investment, edited in place (undoable; the analysis does not re-run).
 */
export function ProgrammeTable() {
  const { t } = useTranslation();
  const communities = useStore((s) => s.layers.communities?.fc ?? null);
  const rules = useStore((s) => s.rules);
  const setColoring = useStore((s) => s.setColoring);
  const coloring = useStore((s) => s.coloring);
  const [query, setQuery] = useState('');
  const pg = useMemo(() => (communities ? programmeProgress(communities.features) : null), [communities]);
  const listed = useMemo(
    () => (communities?.features ?? []).flatMap((f, i) => (isOld(f.properties, rules) || programmeStatus(f.properties) !== 'none' ? [{ i, name: featureLabel(f.properties, i), p: f.properties }] : [])),
    [communities, rules],
  );
  if (!communities || !pg) return null;
  const q = query.trim();
  const found = q ? listed.filter((r) => r.name.includes(q)) : listed;
  const inProgramme = pg.byStatus.planned + pg.byStatus.building + pg.byStatus.done;
  return (
    <section data-testid="programme-progress" data-done={pg.byStatus.done} data-planned={pg.byStatus.planned} data-building={pg.byStatus.building}>
      <h3>{t('pg_title')}</h3>
      {inProgramme === 0 && <p className="muted small">{t('pg_none')}</p>}
      <p>
        {PROGRAMME_STATUSES.filter((k) => k !== 'none').map((k) => `${t(`pg_status_${k}`)} ${pg.byStatus[k]}`).join(' · ')} · {t('pg_investment', { value: fmt(pg.investment, 1) })}{' '}
        <button type="button" className={coloring === 'programme' ? 'active' : ''} onClick={() => setColoring('programme')} data-testid="pg-map">{t('pg_show_map')}</button>
      </p>
      {pg.byYear.length > 0 && (
        <table className="pl-table">
          <thead><tr><th>{t('pg_year')}</th><th className="num">{t('pg_status_planned')}</th><th className="num">{t('pg_status_building')}</th><th className="num">{t('pg_status_done')}</th><th className="num">{t('pg_investment_col')}</th></tr></thead>
          <tbody>{pg.byYear.map((y) => <tr key={y.year}><td>{y.year}</td><td className="num">{y.planned}</td><td className="num">{y.building}</td><td className="num">{y.done}</td><td className="num">{fmt(y.investment, 1)}</td></tr>)}</tbody>
        </table>
      )}
      <h3>{t('pg_edit_title')} ({listed.length})</h3>
      <input className="tg-text" placeholder={t('pg_filter')} value={query} onChange={(e) => setQuery(e.target.value)} data-testid="pg-filter" />
      <table className="pl-table pg-table" data-testid="pg-table">
        <thead><tr><th>{t('pl_name')}</th><th className="num">{t('built_year')}</th><th>{t('tg_status')}</th><th>{t('pg_year')}</th><th>{t('pg_works')}</th><th>{t('pg_investment_col')}</th></tr></thead>
        <tbody>
          {found.slice(0, SHOWN).map(({ i, name, p }) => {
            const works = programmeWorks(p);
            const year = Number(String(p?.programme_year ?? '').slice(0, 4)) || null;
            const inv = Number(String(p?.programme_investment ?? '').replace(/[,，万元\s]/g, ''));
            return (
              <tr key={i} data-testid={`pg-row-${i}`} data-status={programmeStatus(p)}>
                <td>{name}</td>
                <td className="num">{builtYear(p) ?? '—'}</td>
                <td>
                  <select value={programmeStatus(p)} onChange={(e) => editProgramme(i, { status: e.target.value as ProgrammeStatus })} data-testid={`pg-status-${i}`}>
                    {PROGRAMME_STATUSES.map((k) => <option key={k} value={k}>{t(`pg_status_${k}`)}</option>)}
                  </select>
                </td>
                <td><NumberField value={year} allowEmpty onCommit={(v) => editProgramme(i, { year: v })} width={56} testId={`pg-year-${i}`} /></td>
                <td className="pg-works">
                  {[...PROGRAMME_WORKS, ...works.filter((w) => !PROGRAMME_WORKS.includes(w))].map((w) => (
                    <button key={w} type="button" className={`chip${works.includes(w) ? ' on' : ''}`} aria-pressed={works.includes(w)}
                      onClick={() => editProgramme(i, { works: works.includes(w) ? works.filter((x) => x !== w) : [...works, w] })}>{w}</button>
                  ))}
                </td>
                <td><NumberField value={Number.isFinite(inv) && String(p?.programme_investment ?? '') !== '' ? inv : null} allowEmpty onCommit={(v) => editProgramme(i, { investment: v })} width={64} /></td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {found.length > SHOWN && <p className="muted small">{t('pg_more', { count: found.length - SHOWN })}</p>}
    </section>
  );
}
