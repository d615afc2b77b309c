import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RuleCategory } from '../../core/rules';
import { localDate } from '../../core/model';

type Check = { by: string; date: string; clause: string; page: string; note: string };

/**
 * "I checked this against the printed standard" (issue 16): the planner records clause, page and a
 * note for the radius in force, kept in their rule set with their name and the date, exported with
 * it, shown as verified by the user; changing the value clears it.
 */
export function UserVerify({ category, onCheck }: { category: Pick<RuleCategory, 'id' | 'user_verified' | 'radius_m'>; onCheck: (c: Check | null) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState<Check>({ by: '', date: localDate(), clause: '', page: '', note: '' });
  const done = category.user_verified && category.user_verified.value === category.radius_m;
  if (done) {
    return (
      <small className="pl-sub">
        {t('ev_user_done', { by: category.user_verified!.by, date: category.user_verified!.date })}{' '}
        <button type="button" className="link" onClick={() => onCheck(null)}>{t('ev_user_withdraw')}</button>
      </small>
    );
  }
  if (!open) return <button type="button" className="link small" onClick={() => setOpen(true)} data-testid={`rule-verify-${category.id}`}>{t('ev_user_check')}</button>;
  const field = (k: keyof Check, label: string) => (
    <label className="small">{label} <input value={form[k]} onChange={(e) => setForm({ ...form, [k]: e.target.value })} size={k === 'note' ? 18 : 8} data-testid={`rule-verify-${category.id}-${k}`} /></label>
  );
  return (
    <span className="ev-form">
      {field('by', t('ev_by'))} {field('clause', t('ev_clause'))} {field('page', t('ev_page'))} {field('note', t('ev_note'))}
      <button type="button" disabled={!form.by.trim() || !form.clause.trim()} onClick={() => { onCheck(form); setOpen(false); }} data-testid={`rule-verify-${category.id}-save`}>{t('ev_user_save')}</button>
      <button type="button" className="link" onClick={() => setOpen(false)}>{t('cancel')}</button>
    </span>
  );
}
