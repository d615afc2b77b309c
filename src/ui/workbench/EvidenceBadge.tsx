import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { categoryStanding, type RuleCategory } from '../../core/rules';

const MARK: Record<string, string> = { user_verified: '✓✓', confirmed: '✓', weak: '~', contradicted: '✗', none: '?' };

/**
 * A value's evidence as a small badge (issue 16): ✓ confirmed by a published source, ~ weak, ?
 * none found, ✗ contradicted, ✓✓ checked by the planner; click for the sources, their grade and
 * quote (text only: sources are data, never HTML).
 */
export function EvidenceBadge({ category }: { category: Pick<RuleCategory, 'id' | 'evidence' | 'evidence_status' | 'user_verified' | 'radius_m' | 'radius_range'> }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const standing = categoryStanding(category);
  const ev = category.evidence ?? [];
  const title = t(`ev_${standing}`);
  return (
    <span className="ev-wrap">
      <button type="button" className={`ev-badge ${standing}`} title={title} onClick={() => setOpen(!open)} data-testid={`evidence-${category.id}`} data-standing={standing}>
        {MARK[standing]}
      </button>
      {open && (
        <span className="ev-pop" role="dialog" data-testid={`evidence-pop-${category.id}`}>
          <b>{title}</b>
          {category.user_verified && (
            <span className="ev-line">{t('ev_user_line', { by: category.user_verified.by, date: category.user_verified.date, clause: category.user_verified.clause, page: category.user_verified.page, value: category.user_verified.value ?? '—' })}{category.user_verified.note ? ` · ${category.user_verified.note}` : ''}</span>
          )}
          {ev.map((e, i) => (
            <span key={i} className="ev-line">
              [{e.grade ?? '–'}] {e.source.title}{e.quote ? ` · “${e.quote}”` : ''}
              {e.source.url && <> · <a href={e.source.url} target="_blank" rel="noreferrer noopener">{t('ev_link')}</a></>}
            </span>
          ))}
          {!ev.length && <span className="ev-line">{t('ev_none_found')}</span>}
          {category.radius_range && <span className="ev-line">{t('ev_range', { min: category.radius_range.min, max: category.radius_range.max, source: category.radius_range.source })}</span>}
        </span>
      )}
    </span>
  );
}
