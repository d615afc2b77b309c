import { useEffect } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import '../briefing/briefing.css';
import type { BriefingTable } from '../../core/io/export';
import { PrintTable } from '../briefing/PrintTable';
import { localDate } from '../../core/model';

/**
 * The one-page check report (issue 14: 月检查、季考察、年考核): the targets with their status, the
 * changes since the previous snapshot and the programme by year — the same tables the Excel export
 * holds (core/monitor monitorTables) — on an A4 page printed by the browser (the briefing's print
 * styles; drawn over the app through a portal).
 */
export function CheckReport({ title, tables, since, onClose }: { title: string; tables: readonly BriefingTable[]; since: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const host = document.querySelector('.app');
  useEffect(() => {
    document.documentElement.dataset.printing = 'briefing';
    return () => {
      document.documentElement.dataset.printing = '';
    };
  }, []);
  if (!host) return null;
  const heading = (tb: BriefingTable) => (tb.id === 'changes' && since ? t('tg_report_since', { label: since }) : tb.name);
  return createPortal(
    <div className="briefing paper-A4" data-testid="check-report">
      <style>{'@page { size: A4 portrait; margin: 12mm; }'}</style>
      <div className="briefing-bar no-print">
        <button type="button" className="primary" onClick={() => window.print()}>{t('bf_print')}</button>
        <button type="button" onClick={onClose} data-testid="check-report-close">{t('close')}</button>
      </div>
      <section className="page">
        <h1>{t('tg_report_title', { title })}</h1>
        <p className="muted">{localDate()}</p>
        {tables.map((tb) => (
          <div key={tb.id}>
            <h2>{heading(tb)}</h2>
            <PrintTable table={tb} testId={`check-report-${tb.id}`} />
          </div>
        ))}
      </section>
    </div>,
    host,
  );
}
