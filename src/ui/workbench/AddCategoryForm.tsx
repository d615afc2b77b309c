import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RuleSet } from '../../core/rules';
import { orderedLevels } from '../../core/rules';
import { applyRuleEdit, draftField, type CategoryDraft } from '../../core/rules';

const EMPTY: CategoryDraft = { id: '', name_zh: '', name_en: '', level: '5min', radius_m: null, mandatory: false };

/** Adds a planner-defined category, validated with the rule-set schema; problems show by their field. */
export function AddCategoryForm({ rules, onAdd }: { rules: RuleSet; onAdd: (rules: RuleSet) => void }) {
  const { t, i18n } = useTranslation();
  const zh = i18n.language.startsWith('zh');
  const levels = orderedLevels(rules);
  const [draft, setDraft] = useState<CategoryDraft>({ ...EMPTY, level: levels[0]?.id ?? '' });
  const [radiusText, setRadiusText] = useState('');
  const [errors, setErrors] = useState<Partial<Record<keyof CategoryDraft | 'form', string>>>({});
  const [added, setAdded] = useState<string | null>(null);

  const submit = () => {
    const radius = radiusText.trim() === '' ? null : Number(radiusText);
    const r = applyRuleEdit(rules, { type: 'addCategory', category: { ...draft, radius_m: radius } });
    if (!r.rules) {
      const e: typeof errors = {};
      for (const p of r.problems) {
        const f = draftField(p.path) ?? 'form';
        e[f] = e[f] ? `${e[f]}; ${p.message}` : p.message;
      }
      setErrors(e);
      setAdded(null);
      return;
    }
    setErrors({});
    setAdded(draft.id.trim());
    onAdd(r.rules);
    setDraft({ ...EMPTY, level: draft.level });
    setRadiusText('');
  };

  const err = (f: keyof CategoryDraft | 'form') =>
    errors[f] ? <span className="pl-field-error" role="alert" data-testid={`add-category-error-${f}`}>{errors[f]}</span> : null;
  const text = (f: 'id' | 'name_zh' | 'name_en', placeholder: string) => (
    <label className="pl-form-field">
      <span>{t(`pl_new_${f}`)}</span>
      <input
        value={draft[f]}
        placeholder={placeholder}
        data-testid={`add-category-${f}`}
        aria-invalid={!!errors[f]}
        onChange={(e) => setDraft({ ...draft, [f]: e.target.value })}
      />
      {err(f)}
    </label>
  );

  return (
    <section className="pl-add-category" data-testid="add-category">
      <h4>{t('pl_add_category')}</h4>
      <div className="pl-form">
        {text('id', 'community_library')}
        {text('name_zh', '社区书屋')}
        {text('name_en', 'Community library')}
        <label className="pl-form-field">
          <span>{t('pl_level')}</span>
          <select value={draft.level} data-testid="add-category-level" onChange={(e) => setDraft({ ...draft, level: e.target.value })}>
            {levels.map((l) => (
              <option key={l.id} value={l.id}>{zh ? l.name_zh : l.name_en}</option>
            ))}
          </select>
          {err('level')}
        </label>
        <label className="pl-form-field">
          <span>{t('pl_radius_own')}</span>
          <input
            type="number"
            value={radiusText}
            placeholder={String(levels.find((l) => l.id === draft.level)?.walk_m ?? '')}
            data-testid="add-category-radius"
            aria-invalid={!!errors.radius_m}
            onChange={(e) => setRadiusText(e.target.value)}
          />
          {err('radius_m')}
        </label>
        <label className="pl-form-field inline">
          <input type="checkbox" checked={draft.mandatory} data-testid="add-category-mandatory" onChange={(e) => setDraft({ ...draft, mandatory: e.target.checked })} />
          <span>{t('pl_mandatory')}</span>
        </label>
        <button type="button" data-testid="add-category-submit" onClick={submit}>{t('pl_add')}</button>
      </div>
      {err('form')}
      {added && <p className="muted small" data-testid="add-category-done">{t('pl_category_added', { id: added })}</p>}
      <p className="muted small">{t('pl_add_category_hint')}</p>
    </section>
  );
}
