import { useTranslation } from 'react-i18next';
import type { ComplianceRows } from '../../core/analysis/compliance';
import { useStore } from '../../store/useStore';
import { categoryName, fmt } from '../featureText';
import { NO_FILTER } from '../../store/complianceOrder';
import { downloadComplianceCsv } from './complianceExport';

/** Filters of the compliance table: name, old only, level, a missing category, minimum missing count. */
export function ComplianceToolbar({ rows, shown }: { rows: ComplianceRows; shown: number }) {
  const { t, i18n } = useTranslation();
  const rules = useStore((s) => s.rules);
  const filter = useStore((s) => s.complianceFilter);
  const setFilter = useStore((s) => s.setComplianceFilter);
  const reset = useStore((s) => s.resetComplianceFilter);
  const machineNames = useStore((s) => s.complianceMachineNames);
  const setMachineNames = useStore((s) => s.setComplianceMachineNames);
  const levels = filter.level ? rows.levels.filter((l) => l.id === filter.level) : rows.levels;
  const max = filter.level ? (levels[0]?.countedCount ?? 0) : rows.mandatoryCount;
  const active = JSON.stringify(filter) !== JSON.stringify(NO_FILTER);
  return (
    <div className="cp-toolbar" role="search">
      <input
        type="search"
        data-testid="cp-search"
        placeholder={t('wb_search_name')}
        aria-label={t('wb_search_name')}
        value={filter.search}
        onChange={(e) => setFilter({ search: e.target.value })}
      />
      <label className="cp-check">
        <input type="checkbox" data-testid="cp-old-only" checked={filter.oldOnly} onChange={(e) => setFilter({ oldOnly: e.target.checked })} />
        {t('wb_old_only')}
      </label>
      <label>
        {t('wb_level')}
        <select
          data-testid="cp-level"
          value={filter.level ?? ''}
          onChange={(e) => {
            const level = e.target.value || null;
            const keep = level && filter.missingCategory && !rows.levels.find((l) => l.id === level)?.categories.includes(filter.missingCategory);
            setFilter({ level, ...(keep ? { missingCategory: null } : {}) });
          }}
        >
          <option value="">{t('wb_all_levels')}</option>
          {rows.levels.map((l) => (
            <option key={l.id} value={l.id}>{t(`level_${l.id}`, { defaultValue: l.id })}</option>
          ))}
        </select>
      </label>
      <label>
        {t('wb_missing_category')}
        <select data-testid="cp-missing-category" value={filter.missingCategory ?? ''} onChange={(e) => setFilter({ missingCategory: e.target.value || null })}>
          <option value="">{t('wb_any')}</option>
          {levels.map((l) => (
            <optgroup key={l.id} label={t(`level_${l.id}`, { defaultValue: l.id })}>
              {l.categories.filter((_, j) => l.counted[j]).map((id) => (
                <option key={id} value={id}>{categoryName(rules, id, i18n.language)}</option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
      <label>
        {t('wb_min_missing')}
        <input
          type="number"
          data-testid="cp-min-missing"
          min={0}
          max={max}
          value={filter.minMissing}
          onChange={(e) => {
            const v = Math.round(Number(e.target.value));
            if (Number.isFinite(v) && v >= 0) setFilter({ minMissing: v });
          }}
        />
      </label>
      {active && (
        <button type="button" className="link" data-testid="cp-clear" onClick={reset}>
          {t('wb_clear_filters')}
        </button>
      )}
      <span className="cp-count muted" data-testid="cp-count" data-shown={shown}>
        {t('wb_rows_shown', { shown: fmt(shown), total: fmt(rows.communityCount) })}
      </span>
      <span className="cp-export">
        <button type="button" data-testid="cp-export-csv" title={t('cp_export_csv_title')} disabled={shown === 0} onClick={() => downloadComplianceCsv(t, i18n.language)}>
          {t('cp_export_csv')}
        </button>
        <label className="cp-check" title={t('cp_export_fields_title')}>
          <input type="checkbox" data-testid="cp-export-fields" checked={machineNames} onChange={(e) => setMachineNames(e.target.checked)} />
          {t('cp_export_fields')}
        </label>
      </span>
    </div>
  );
}
