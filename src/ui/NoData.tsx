import { useTranslation } from 'react-i18next';
import { noDataCategoryIds } from '../core/analysis/compliance';
import { useStore } from '../store/useStore';
import { categoryName } from './featureText';

/** The analysis setting "count categories without data as missing" (core/analysis/noDataPolicy). */
export function NoDataToggle({ testId = 'count-no-data' }: { testId?: string }) {
  const { t } = useTranslation();
  const countNoData = useStore((s) => s.analysisSettings.countNoData);
  const setSettings = useStore((s) => s.setAnalysisSettings);
  return (
    <label className="nd-toggle small" title={t('nd_count_toggle_title')}>
      <input type="checkbox" data-testid={testId} checked={countNoData} onChange={(e) => setSettings({ countNoData: e.target.checked })} />
      {t('nd_count_toggle')}
    </label>
  );
}

/**
 * Which categories have no facility in the data (all, or one level's mandatory ones), and whether
 * they are counted: shown on the dashboard and beside the coverage chart's headline.
 */
export function NoDataList({ level, testId }: { level?: string; testId: string }) {
  const { t, i18n } = useTranslation();
  const coverage = useStore((s) => s.coverage);
  const rules = useStore((s) => s.rules);
  if (!coverage) return null;
  const ids = noDataCategoryIds(coverage, level ? { level, mandatoryOnly: true } : {});
  if (!ids.length) return null;
  const counted = coverage.stats.levels[0]?.countNoData ?? false;
  const names = ids.map((id) => categoryName(rules, id, i18n.language)).join(i18n.language.startsWith('zh') ? '、' : ', ');
  return (
    <p className="nd-list small" data-testid={testId} data-ids={ids.join(',')} data-counted={counted ? '1' : '0'}>
      <span className="nd-chip">{t('nd_no_data')}</span>{' '}
      {level && !counted ? t('nd_level_note', { names }) : t('nd_list', { n: ids.length, counted: t(counted ? 'nd_counted' : 'nd_not_counted'), names })}
    </p>
  );
}
