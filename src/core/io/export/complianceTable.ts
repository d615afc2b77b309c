import type { FeatureCollection } from 'geojson';
import type { CoverageTable } from './coverageAttributes';
import { communityCoverageAttributes } from './coverageAttributes';
import { toCsv } from './exportCsv';

/** The community columns that lead the compliance table, in order. */
export const COMPLIANCE_COLUMNS = ['id', 'name', 'households', 'population', 'built_year', 'is_old'] as const;

/**
 * The compliance (达标/缺项) table: one row per analysed community with its id, name, households,
 * population, built year and old flag, then `dist_<k>` (metres, one decimal, empty when
 * unreachable) and `ok_<k>` for every category k of the result, as CSV with a UTF-8 BOM so Excel
 * shows Chinese. Columns use the CLI's flat names so the table joins with exported GeoJSON.
 */
export function complianceCsv(communities: FeatureCollection, result: CoverageTable): string {
  const rows: Record<string, unknown>[] = [];
  const n = Math.min(result.communityCount, communities.features.length);
  for (let c = 0; c < n; c++) {
    const p = (communities.features[c].properties ?? {}) as Record<string, unknown>;
    const row: Record<string, unknown> = {};
    for (const k of COMPLIANCE_COLUMNS) row[k] = p[k] ?? null;
    Object.assign(row, communityCoverageAttributes(result, c));
    rows.push(row);
  }
  const columns = [...COMPLIANCE_COLUMNS, ...result.categoryIds.flatMap((id) => [`dist_${id}`, `ok_${id}`])];
  return toCsv(rows, { columns, bom: true });
}
