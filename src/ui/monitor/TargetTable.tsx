import { useTranslation } from 'react-i18next';
import type { TargetRow } from '../../core/monitor';
import { useStore } from '../../store/useStore';
import { NumberField } from '../workbench/NumberField';
import { fmt } from '../featureText';

/** The departments a county's target sheet names (editable: any text is kept). */
export const DEPARTMENTS = ['教育局', '卫健局', '住建局', '民政局', '城管局', '自然资源局', '体育局', '商务局'];

/**
 * The target sheet as an editable table: target value, deadline, department and note are edited in
 * place (each commit re-evaluates the status); the value now, the baseline and the status are read.
 */
export function TargetTable({ rows, indicatorName, scopeName }: { rows: readonly TargetRow[]; indicatorName: (id: string) => string; scopeName: (s: TargetRow['target']['scope']) => string }) {
  const { t } = useTranslation();
  const update = useStore((s) => s.updateTarget);
  const setTargets = useStore((s) => s.setTargets);
  const targets = useStore((s) => s.targets);
  return (
    <table className="pl-table tg-table" data-testid="tg-table">
      <thead>
        <tr>
          <th>{t('tg_indicator')}</th><th>{t('tg_scope')}</th><th className="num">{t('tg_col_baseline')}</th><th className="num">{t('tg_now')}</th>
          <th className="num">{t('tg_value')}</th><th>{t('tg_deadline')}</th><th>{t('tg_department')}</th><th>{t('tg_note')}</th><th>{t('tg_status')}</th><th />
        </tr>
      </thead>
      <tbody>
        {rows.map(({ target: tg, value, status, baseline }) => (
          <tr key={tg.id} data-testid={`tg-row-${tg.id}`} data-status={status ?? ''} data-value={value ?? ''}>
            <td>{indicatorName(tg.indicator)}</td>
            <td>{scopeName(tg.scope)}</td>
            <td className="num" title={baseline ? `${baseline.label} (${baseline.date})` : ''}>{fmt(baseline?.value ?? null, 1)}</td>
            <td className="num">{fmt(value, 1)}</td>
            <td className="num"><NumberField value={tg.value} onCommit={(v) => v !== null && update(tg.id, { value: v })} width={64} testId={`tg-edit-value-${tg.id}`} /></td>
            <td><input type="date" value={tg.deadline} onChange={(e) => e.target.value && update(tg.id, { deadline: e.target.value })} data-testid={`tg-edit-deadline-${tg.id}`} /></td>
            <td><input list="tg-departments" className="tg-text" defaultValue={tg.department} onBlur={(e) => e.target.value !== tg.department && update(tg.id, { department: e.target.value })} /></td>
            <td><input className="tg-text" defaultValue={tg.note} onBlur={(e) => e.target.value !== tg.note && update(tg.id, { note: e.target.value })} /></td>
            <td className={`tg-status ${status ?? ''}`}>{status ? t(`tg_status_${status}`) : '—'}</td>
            <td><button type="button" className="link" onClick={() => setTargets(targets.filter((x) => x.id !== tg.id))}>{t('tg_remove')}</button></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
