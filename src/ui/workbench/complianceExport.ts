import type { TFunction } from 'i18next';
import { complianceCsv } from '../../core/io/export';
import { selectComplianceRows } from '../../store/selectCompliance';
import { useStore } from '../../store/useStore';
import { complianceCsvLabels } from './complianceCsvLabels';
import { downloadText } from '../../util/download';
import { complianceOrder } from '../../store/complianceOrder';

/**
 * The compliance table as the planner sees it — the rows that pass its filters, in its sort order
 * — as CSV text: headers in the UI language with 达标/未达标, or the machine field names
 * (`dist_<k>`, `ok_<k>`, true/false) when the view's "field names" option is on. Null before an
 * analysis of the loaded communities.
 */
export function complianceCsvOfView(t: TFunction, lang: string): string | null {
  const s = useStore.getState();
  const rows = selectComplianceRows(s);
  const communities = s.layers.communities?.fc;
  if (!rows || !s.coverage || !communities) return null;
  const order = complianceOrder(rows, s.coverage, s.complianceSort, s.complianceFilter);
  return complianceCsv(communities, s.coverage, { order, rules: s.rules, labels: s.complianceMachineNames ? null : complianceCsvLabels(t, s.rules, lang) });
}

/** Downloads complianceCsvOfView as lifecircle-compliance.csv (UTF-8 with BOM). */
export function downloadComplianceCsv(t: TFunction, lang: string): void {
  const csv = complianceCsvOfView(t, lang);
  if (csv) downloadText(csv, 'lifecircle-compliance.csv', 'text/csv;charset=utf-8');
}
