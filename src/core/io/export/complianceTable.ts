import type { FeatureCollection } from 'geojson';
import type { CoverageTable } from './coverageAttributes';
import { communityCoverageAttributes, roundDistance } from './coverageAttributes';
import { cellStatus, type CellStatus, type CellStatusCoverage } from '../../analysis/compliance/noDataPolicy';
import { toCsv } from './exportCsv';
import { communityPopulation } from '../../model/communityPopulation';
import { isOld } from '../../model/oldCommunity';
import type { DefaultOverrides } from '../../rules/defaults';

/** The community columns that lead the compliance table, in order. */
export const COMPLIANCE_COLUMNS = ['id', 'name', 'households', 'population', 'built_year', 'is_old'] as const;
export type ComplianceColumnName = (typeof COMPLIANCE_COLUMNS)[number];

/**
 * Headers and cell words in the reader's language (the UI builds them from its dictionaries, so
 * units and words come from one place): e.g. 小区名称, 幼儿园距离(米), 幼儿园是否达标, 达标/未达标.
 */
export interface ComplianceCsvLabels {
  columns: Record<ComplianceColumnName, string>;
  /** header of a category's distance column, e.g. "幼儿园距离(米)" */
  distance: (categoryId: string) => string;
  /** header of a category's covered column, e.g. "幼儿园是否达标" */
  covered: (categoryId: string) => string;
  /** the covered cell per status (达标 / 未达标 / 未提供数据) */
  status: Record<CellStatus, string>;
  /** is_old true / false */
  yes: string;
  no: string;
}

export interface ComplianceCsvOptions {
  /** community indexes in row order (the table's filtered and sorted rows); default every community in input order */
  order?: ArrayLike<number>;
  /** headers and words in a language; without them the CLI's machine names (dist_<k>, ok_<k>, true/false) */
  labels?: ComplianceCsvLabels | null;
  /** the rule set in force: population estimate and "old" (core/model) @default the defaults */
  rules?: DefaultOverrides | null;
}

type Result = CoverageTable & Partial<Pick<CellStatusCoverage, 'stats'>>;

/**
 * The compliance (达标/缺项) table as CSV with a UTF-8 BOM (Excel shows Chinese): one row per
 * community of `order` with its id, name, households, population, built year and old flag, then
 * per category of the result its distance (metres, one decimal, empty when unreachable) and
 * whether it is met. Machine names (no labels): `dist_<k>` / `ok_<k>` (true/false) as the CLI and
 * the GeoJSON export write them, so the table joins with them. With labels: the reader's headers,
 * and 达标 / 未达标 / 未提供数据 (no facility of the category in the data, noDataPolicy).
 */
export function complianceCsv(communities: FeatureCollection, result: Result, options: ComplianceCsvOptions = {}): string {
  const n = Math.min(result.communityCount, communities.features.length);
  const order = options.order ?? Array.from({ length: n }, (_, c) => c);
  const L = options.labels;
  const C = result.communityCount;
  const status = (k: number, c: number): CellStatus =>
    result.stats ? cellStatus(result as CellStatusCoverage, k, c) : result.ok[k * C + c] === 1 ? 'ok' : 'gap';
  const rows: Record<string, unknown>[] = [];
  for (let i = 0; i < order.length; i++) {
    const c = order[i];
    if (!(c >= 0 && c < n)) continue;
    const p = (communities.features[c].properties ?? {}) as Record<string, unknown>;
    const row: Record<string, unknown> = {};
    for (const k of COMPLIANCE_COLUMNS) row[k] = p[k] ?? null;
    // as the analysis reads them: the one population estimate and the one "old" rule
    const w = communityPopulation(p, options.rules);
    row.households = w.households;
    row.population = w.population;
    row.is_old = isOld(p, options.rules);
    if (!L) Object.assign(row, communityCoverageAttributes(result, c));
    else {
      if (typeof row.is_old === 'boolean') row.is_old = row.is_old ? L.yes : L.no;
      result.categoryIds.forEach((id, k) => {
        row[`dist_${id}`] = roundDistance(result.distance[k * C + c]);
        row[`ok_${id}`] = L.status[status(k, c)];
      });
    }
    rows.push(row);
  }
  const fields = [...COMPLIANCE_COLUMNS, ...result.categoryIds.flatMap((id) => [`dist_${id}`, `ok_${id}`])];
  const header = (f: string): string =>
    !L ? f : f.startsWith('dist_') ? L.distance(f.slice(5)) : f.startsWith('ok_') ? L.covered(f.slice(3)) : L.columns[f as ComplianceColumnName];
  return toCsv(rows, { columns: fields, headers: fields.map(header), bom: true });
}
