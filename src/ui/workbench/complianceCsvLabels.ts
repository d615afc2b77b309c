import type { TFunction } from 'i18next';
import type { ComplianceCsvLabels } from '../../core/io/export';
import type { RuleSet } from '../../core/rules';
import { categoryName } from '../featureText';

/** The compliance CSV's headers and words in the UI language (units from the `unit_m` key). */
export function complianceCsvLabels(t: TFunction, rules: RuleSet, lang: string): ComplianceCsvLabels {
  const name = (id: string) => categoryName(rules, id, lang);
  return {
    columns: {
      id: t('csv_col_id'), name: t('csv_col_name'), households: t('csv_col_households'),
      population: t('csv_col_population'), built_year: t('csv_col_built_year'), is_old: t('csv_col_is_old'),
    },
    distance: (id) => t('csv_distance', { category: name(id), unit: t('unit_m') }),
    covered: (id) => t('csv_covered', { category: name(id) }),
    status: { ok: t('csv_ok'), gap: t('csv_gap'), no_data: t('nd_no_data') },
    yes: t('yes'),
    no: t('no'),
  };
}
