import { useTranslation } from 'react-i18next';
import type { RuleSet } from '../../core/rules';
import type { ColumnSummary } from '../../core/io';
import { CategorySelect } from './CategorySelect';

export interface CategoryState {
  mode: 'values' | 'all';
  /** distinct value of the category column → category id (null: not loaded) */
  values: Record<string, string | null>;
  all: string | null;
}

/** How many features a category choice loads, of those with geometry. */
export function loadedCount(state: CategoryState, column: ColumnSummary | undefined, total: number): number {
  if (state.mode === 'all') return state.all ? total : 0;
  if (!column) return 0;
  return column.distinct.reduce((n, d) => n + (state.values[d.value] ? d.count : 0), 0);
}

/**
 * Facilities need a rule-set category: when the file's category column holds other values
 * (Chinese names, Amap types ...), each distinct value is mapped (pre-filled by
 * matchCategoryValue), or one category is chosen for the whole file.
 */
export function CategoryMapping({ rules, column, state, onChange, total }: {
  rules: RuleSet;
  column: ColumnSummary | undefined;
  state: CategoryState;
  onChange: (s: CategoryState) => void;
  total: number;
}) {
  const { t } = useTranslation();
  const ids = new Set(rules.categories.map((c) => c.id));
  const allKnown = !!column && !column.truncated && column.distinct.length > 0 && column.distinct.every((d) => ids.has(d.value));
  const n = loadedCount(state, column, total);
  return (
    <section className="io-section" data-testid="io-category-mapping">
      <h3>{t('io_category_title')}</h3>
      {column && (
        <div className="io-radio">
          <label>
            <input type="radio" data-testid="io-category-mode-values" checked={state.mode === 'values'} onChange={() => onChange({ ...state, mode: 'values' })} />
            {t('io_category_by_values', { column: column.key })}
          </label>
          <label>
            <input type="radio" data-testid="io-category-mode-all" checked={state.mode === 'all'} onChange={() => onChange({ ...state, mode: 'all' })} />
            {t('io_category_one_for_all')}
          </label>
        </div>
      )}
      {!column && <p className="hint small">{t('io_category_no_column')}</p>}
      {state.mode === 'all' && (
        <div className="field">
          <CategorySelect rules={rules} value={state.all} onChange={(all) => onChange({ ...state, all })} allowNone={false} noneLabel={t('io_category_pick')} testId="io-category-all" />
        </div>
      )}
      {state.mode === 'values' && column && allKnown && <p className="hint small">{t('io_category_all_known', { count: column.distinct.length })}</p>}
      {state.mode === 'values' && column && !allKnown && (
        <div className="io-scroll">
          <table className="io-mapping">
            <thead>
              <tr>
                <th>{t('io_category_value')}</th>
                <th className="num">{t('io_category_count')}</th>
                <th>{t('io_category_target')}</th>
              </tr>
            </thead>
            <tbody>
              {column.distinct.map((d, i) => (
                <tr key={d.value}>
                  <td className="io-value" data-testid={`io-category-value-${i}`}>{d.value}</td>
                  <td className="num">{d.count}</td>
                  <td>
                    <CategorySelect
                      rules={rules}
                      value={state.values[d.value] ?? null}
                      onChange={(id) => onChange({ ...state, values: { ...state.values, [d.value]: id } })}
                      allowNone
                      testId={`io-category-for-${i}`}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {column.truncated && <p className="hint small">{t('io_category_truncated', { count: column.distinct.length })}</p>}
        </div>
      )}
      <p className={n < total ? 'note small' : 'hint small'} data-testid="io-category-summary">
        {t('io_category_summary', { loaded: n, total })}
      </p>
    </section>
  );
}
