import { useTranslation } from 'react-i18next';
import type { BriefingTable } from '../../core/io/export';
import { fmt } from '../featureText';

/** One of the briefing tables (core briefingTables: the Excel sheets' rows and headers), printed. */
export function PrintTable({ table, testId }: { table: BriefingTable; testId: string }) {
  const { t } = useTranslation();
  return (
    <table className="print-table" data-testid={testId}>
      <thead><tr>{table.columns.map((c) => <th key={c.key}>{c.header}</th>)}</tr></thead>
      <tbody>{table.rows.map((r, i) => <tr key={i}>{table.columns.map((c) => <td key={c.key} className={c.format === 'text' ? '' : 'num'}>{cell(r[c.key], c.format, t)}</td>)}</tr>)}</tbody>
    </table>
  );
}

function cell(v: unknown, format: string, t: (k: string) => string): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'boolean') return v ? t('yes') : t('no');
  if (typeof v === 'number') return format === 'pct' ? `${v.toFixed(1)}` : format === 'dec1' ? fmt(v, 1) : format === 'year' ? String(v) : fmt(v);
  return String(v);
}

