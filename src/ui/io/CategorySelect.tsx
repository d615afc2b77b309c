import { useTranslation } from 'react-i18next';
import type { RuleSet } from '../../core/rules';
import { orderedLevels } from '../../core/rules';

/** A select of rule-set categories grouped by level, with an optional "not loaded" entry. */
export function CategorySelect({ rules, value, onChange, allowNone, noneLabel, testId }: {
  rules: RuleSet;
  value: string | null;
  onChange: (id: string | null) => void;
  allowNone: boolean;
  noneLabel?: string;
  testId?: string;
}) {
  const { t, i18n } = useTranslation();
  const zh = i18n.language.startsWith('zh');
  return (
    <select data-testid={testId} value={value ?? ''} onChange={(e) => onChange(e.target.value || null)}>
      {(allowNone || value === null) && <option value="">{noneLabel ?? t('io_category_none')}</option>}
      {orderedLevels(rules).map((l) => (
        <optgroup key={l.id} label={zh ? l.name_zh : l.name_en}>
          {rules.categories
            .filter((c) => c.level === l.id)
            .map((c) => (
              <option key={c.id} value={c.id}>
                {zh ? c.name_zh : c.name_en}
              </option>
            ))}
        </optgroup>
      ))}
    </select>
  );
}
