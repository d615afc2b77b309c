import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RuleSet } from '../../core/rules';
import { effectiveRadius, orderedLevels } from '../../core/rules';
import { defaultRules } from '../../core/rules';
import { categoryColor, rgbaCss } from '../../map/palette';
import { applyRuleEdit, type RuleEdit } from '../../core/rules';
import { NumberField } from './NumberField';
import { EvidenceBadge } from './EvidenceBadge';
import { UserVerify } from './UserVerify';
import { VerificationBadge, flagOf } from './VerificationBadge';
import { metres } from '../featureText';

interface Props {
  rules: RuleSet;
  onChange: (rules: RuleSet) => void;
}

/**
 * The rule set's levels and categories, each value with its source clause and verification flag;
 * radius (empty = the level's distance), mandatory flag and level distance editable in place.
 */
export function RuleCategoryTable({ rules, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const zh = i18n.language.startsWith('zh');
  const [errors, setErrors] = useState<Record<string, string>>({});

  const apply = (key: string, edit: RuleEdit) => {
    const r = applyRuleEdit(rules, edit);
    setErrors({ ...errors, [key]: r.rules ? '' : r.problems.map((p) => p.message).join('; ') });
    if (r.rules) onChange(r.rules);
  };

  return (
    <>
      {orderedLevels(rules).map((level) => {
        const defLevel = defaultRules.levels.find((l) => l.id === level.id);
        const cats = rules.categories.filter((c) => c.level === level.id);
        return (
          <section key={level.id} className="pl-rule-level" data-testid={`rule-level-${level.id}`}>
            <h4>
              <span>{zh ? level.name_zh : level.name_en}</span>
              <span className="pl-level-walk">
                {t('pl_level_walk')}
                <NumberField
                  value={level.walk_m}
                  min={1}
                  step={50}
                  width={64}
                  testId={`rule-level-walk-${level.id}`}
                  error={errors[`level.${level.id}`] || null}
                  onCommit={(v) => apply(`level.${level.id}`, { type: 'levelWalk', id: level.id, walk_m: v ?? NaN })}
                />
                m
                <VerificationBadge flag={flagOf(level.verification, 'walk_m')} what={level.source} />
                {level.walk_m_range && (
                  <small className="muted">
                    ({level.walk_m_range[0] === level.walk_m_range[1]
                      ? t('pl_standard_value', { value: level.walk_m_range[0] })
                      : t('pl_standard_range', { min: level.walk_m_range[0], max: level.walk_m_range[1] })})
                    {/* the range's other end, one click away (issue 16) */}
                    {level.walk_m_range[0] !== level.walk_m_range[1] && level.walk_m_range.filter((v) => v !== level.walk_m).map((v) => (
                      <button key={v} type="button" className="link" onClick={() => apply(`level.${level.id}`, { type: 'levelWalk', id: level.id, walk_m: v })} data-testid={`rule-level-range-use-${level.id}-${v}`}>
                        {' '}{t('ev_use', { value: v })}
                      </button>
                    ))}
                  </small>
                )}
                {level.evidence_status && <span className={`ev-badge ${level.evidence_status}`} title={[t(`ev_${level.evidence_status}`), ...(level.evidence ?? []).map((e) => `[${e.grade ?? '–'}] ${e.source.title}${e.quote ? ` “${e.quote}”` : ''}`)].join('\n')} data-testid={`evidence-level-${level.id}`}>{({ confirmed: '✓', weak: '~', contradicted: '✗', none: '?' } as const)[level.evidence_status]}</span>}
                {defLevel && defLevel.walk_m !== level.walk_m && <small className="pl-edited">{t('pl_edited_from', { value: metres(t, defLevel.walk_m) })}</small>}
              </span>
              <small className="muted pl-source">{level.source}</small>
            </h4>
            <table className="pl-table pl-rule-table">
              <thead>
                <tr>
                  <th>{t('pl_category')}</th>
                  <th>{t('pl_radius_own')}</th>
                  <th className="num">{t('pl_radius_effective')}</th>
                  <th>{t('pl_mandatory')}</th>
                  <th title={t('pl_norm_hint')}>{t('pl_norm')}</th>
                  <th title={t('pl_min_count_hint')}>{t('pl_min_count')}</th>
                  <th>{t('pl_source')}</th>
                </tr>
              </thead>
              <tbody>
                {cats.map((c) => {
                  const def = defaultRules.categories.find((d) => d.id === c.id);
                  return (
                    <tr key={c.id} data-testid={`rule-row-${c.id}`} data-unverified={flagOf(c.verification, 'radius') !== 'verified' ? 1 : 0}>
                      <td title={c.note}>
                        <i className="dot" style={{ background: rgbaCss(categoryColor(c.id)) }} /> {zh ? c.name_zh : c.name_en}
                        {c.custom && <small className="pl-edited"> {t('pl_custom')}</small>}
                        <small className="pl-sub">{zh ? c.name_en : c.name_zh} · {c.id}</small>
                      </td>
                      <td>
                        <NumberField
                          value={c.radius_m}
                          allowEmpty
                          min={1}
                          step={50}
                          width={64}
                          placeholder={String(level.walk_m)}
                          label={t('pl_radius_own')}
                          testId={`rule-radius-${c.id}`}
                          error={errors[`${c.id}.radius`] || null}
                          onCommit={(v) => apply(`${c.id}.radius`, { type: 'categoryRadius', id: c.id, radius_m: v })}
                        />
                        <EvidenceBadge category={c} />
                        {c.radius_range && (
                          <small className="pl-sub" data-testid={`rule-range-${c.id}`}>
                            {t('ev_range_short', { min: c.radius_range.min, max: c.radius_range.max })}{' '}
                            {[c.radius_range.min, c.radius_range.max].filter((v) => v !== c.radius_m).map((v) => (
                              <button key={v} type="button" className="link" onClick={() => apply(`${c.id}.radius`, { type: 'categoryRadius', id: c.id, radius_m: v })} data-testid={`rule-range-use-${c.id}-${v}`}>{t('ev_use', { value: v })}</button>
                            ))}
                          </small>
                        )}
                        <UserVerify category={c} onCheck={(check) => apply(`${c.id}.user`, { type: 'categoryUserVerified', id: c.id, check })} />
                        {def && def.radius_m !== c.radius_m && (
                          <small className="pl-edited pl-sub">{t('pl_edited_from', { value: def.radius_m == null ? t('pl_level_default') : metres(t, def.radius_m) })}</small>
                        )}
                      </td>
                      <td className="num" data-testid={`rule-effective-${c.id}`}>
                        {effectiveRadius(c, rules)} m{c.radius_m == null && <small className="muted"> ({t('pl_level_default')})</small>}
                      </td>
                      <td>
                        <input
                          type="checkbox"
                          checked={c.mandatory}
                          data-testid={`rule-mandatory-${c.id}`}
                          aria-label={t('pl_mandatory')}
                          onChange={(e) => apply(`${c.id}.mandatory`, { type: 'categoryMandatory', id: c.id, mandatory: e.target.checked })}
                        />
                        <VerificationBadge flag={flagOf(c.verification, 'mandatory')} what={c.source} />
                        {def && def.mandatory !== c.mandatory && <small className="pl-edited">{t('pl_edited')}</small>}
                      </td>
                      <td>
                        <NumberField
                          value={c.norm?.per_1000 ?? null}
                          allowEmpty
                          min={0.001}
                          step={1}
                          width={56}
                          placeholder="—"
                          label={t('pl_norm')}
                          testId={`rule-norm-${c.id}`}
                          error={errors[`${c.id}.norm`] || null}
                          onCommit={(v) => apply(`${c.id}.norm`, { type: 'categoryNorm', id: c.id, per_1000: v })}
                        />
                        {c.norm && (
                          <select
                            value={c.norm.per ?? 'residents'}
                            data-testid={`rule-norm-per-${c.id}`}
                            aria-label={t('pl_norm_per')}
                            onChange={(e) => apply(`${c.id}.norm`, { type: 'categoryNorm', id: c.id, per_1000: c.norm!.per_1000, per: e.target.value as 'residents' | 'elderly' })}
                          >
                            <option value="residents">{t('pl_norm_residents')}</option>
                            <option value="elderly">{t('pl_norm_elderly')}</option>
                          </select>
                        )}
                        {c.norm && <VerificationBadge flag={flagOf(c.norm.verification ?? 'app-convention', 'norm')} what={c.norm.source ?? ''} />}
                      </td>
                      <td>
                        <NumberField
                          value={c.min_count ?? null}
                          allowEmpty
                          min={1}
                          step={1}
                          width={40}
                          placeholder="1"
                          label={t('pl_min_count')}
                          testId={`rule-min-count-${c.id}`}
                          error={errors[`${c.id}.min`] || null}
                          onCommit={(v) => apply(`${c.id}.min`, { type: 'categoryMinCount', id: c.id, min_count: v === null ? null : Math.round(v) })}
                        />
                      </td>
                      <td className="muted small pl-source">{c.source}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </section>
        );
      })}
    </>
  );
}
