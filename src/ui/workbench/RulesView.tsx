import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RuleSet } from '../../core/rules';
import { parseRuleSet } from '../../core/rules';
import { defaultRules } from '../../core/rules';
import { useStore } from '../../store/useStore';
import { prunedWeights } from './rankingRows';
import { applyRuleEdit } from '../../core/rules';
import { RuleCategoryTable } from './RuleCategoryTable';
import { AddCategoryForm } from './AddCategoryForm';
import './planning.css';

/** Saves a rule set as `<id>.json` through a Blob link (no server involved). */
function downloadRules(rules: RuleSet): void {
  const blob = new Blob([JSON.stringify(rules, null, 2) + '\n'], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `${rules.id}.json`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * The rule editor: levels and categories with sources and verification flags, in-place edits,
 * new categories, save as a named rule set, reset to GB 50180-2018, import and export as JSON.
 * Every change goes to the store's `rules`; the analysis controller re-runs by itself.
 */
export function RulesView() {
  const { t, i18n } = useTranslation();
  const zh = i18n.language.startsWith('zh');
  const rules = useStore((s) => s.rules);
  const setRules = useStore((s) => s.setRules);
  const status = useStore((s) => s.analysisStatus);
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const [importError, setImportError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const change = (next: RuleSet, message: string | null = null) => {
    const weights = prunedWeights(useStore.getState().renovationWeights, next.levels.map((l) => l.id));
    if (weights) useStore.getState().setRenovationWeights(weights);
    setRules(next);
    setNotice(message);
  };
  const save = () => {
    const r = applyRuleEdit(rules, { type: 'rename', name, now: Date.now() });
    if (!r.rules) return setNameError(t('pl_name_required'));
    setNameError(null);
    change(r.rules, t('pl_saved_as', { name: name.trim() }));
    setName('');
  };
  const importFile = async (file: File) => {
    try {
      const next = parseRuleSet(await file.text(), file.name);
      setImportError(null);
      change(next, t('pl_imported', { file: file.name }));
    } catch (e) {
      // the current rules stay; the message names the file and every bad path
      setImportError((e as Error).message);
      setNotice(null);
    }
  };
  const edited = rules !== defaultRules;

  return (
    <div className="pl-view pl-rules" data-testid="rules-view">
      <section className="pl-side">
        <h3 data-testid="rules-name" data-id={rules.id}>{zh ? rules.name_zh : rules.name_en}</h3>
        <p className="muted small">
          {rules.id} · <span data-testid="rules-status">{(zh ? rules.status_zh : rules.status_en) ?? rules.status}</span>
        </p>
        {edited && rules.id === defaultRules.id && <p className="note small">{t('pl_default_edited')}</p>}
        <div className="analysis-status small" data-testid="rules-analysis" data-status={status}>
          {status === 'running' ? t('pl_rerunning') : status === 'done' ? t('pl_rerun_done') : ''}
        </div>
        <label className="pl-form-field">
          <span>{t('pl_save_as')}</span>
          <input value={name} placeholder={t('pl_save_as_placeholder')} data-testid="rules-save-name" onChange={(e) => setName(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && save()} />
          {nameError && <span className="pl-field-error" role="alert">{nameError}</span>}
        </label>
        <div className="pl-buttons">
          <button type="button" data-testid="rules-save" onClick={save}>{t('pl_save')}</button>
          <button type="button" data-testid="rules-reset" disabled={!edited} onClick={() => change(defaultRules, t('pl_reset_done'))}>
            {t('pl_reset_default')}
          </button>
        </div>
        <div className="pl-buttons">
          <button type="button" data-testid="rules-import" onClick={() => fileInput.current?.click()}>{t('pl_import')}</button>
          <button type="button" data-testid="rules-export" onClick={() => downloadRules(rules)}>{t('pl_export')}</button>
          <input
            ref={fileInput}
            type="file"
            accept=".json,application/json"
            hidden
            data-testid="rules-import-file"
            onChange={(e) => {
              const f = e.target.files?.[0];
              e.target.value = '';
              if (f) void importFile(f);
            }}
          />
        </div>
        {notice && <p className="muted small" data-testid="rules-notice">{notice}</p>}
        {importError && (
          <div className="pl-import-error" role="alert" data-testid="rules-import-error">
            <b>{t('pl_import_failed')}</b>
            <pre>{importError}</pre>
            <small>{t('pl_import_kept')}</small>
          </div>
        )}
        <p className="muted small">
          {t('pl_flags_hint')} <span className="pl-flag unverified">{t('pl_unverified')}</span>
        </p>
      </section>
      <section className="pl-main">
        <RuleCategoryTable rules={rules} onChange={(r) => change(r)} />
        <AddCategoryForm rules={rules} onAdd={(r) => change(r)} />
      </section>
    </div>
  );
}
