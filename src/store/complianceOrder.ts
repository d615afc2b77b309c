import type { ComplianceRows } from '../core/analysis/compliance';

/**
 * Sort keys of the compliance table: 'name', 'built_year', 'old', 'households', 'population',
 * 'missing' (total), 'missing:<levelId>', 'cat:<categoryId>' (walking distance).
 */
export type ComplianceSortKey = string;

export interface ComplianceSort {
  key: ComplianceSortKey;
  dir: 'asc' | 'desc';
}

export interface ComplianceFilter {
  oldOnly: boolean;
  /** show this level only; `minMissing` then counts this level's missing categories */
  level: string | null;
  /** rows where this category is not met */
  missingCategory: string | null;
  /** rows missing at least this many mandatory categories (0 = all rows) */
  minMissing: number;
  /** case-insensitive part of the name */
  search: string;
}

export const NO_FILTER: ComplianceFilter = { oldOnly: false, level: null, missingCategory: null, minMissing: 0, search: '' };

/** The cells a sort may read besides the rows: distance and ok per category (category-major). */
export interface ComplianceCells {
  categoryIds: readonly string[];
  distance: ArrayLike<number>;
  ok: ArrayLike<number>;
}

const nameRanks = new WeakMap<string[], Int32Array>();
const collator = new Intl.Collator(['zh-CN', 'en'], { numeric: true, sensitivity: 'base' });

/** Rank of each name in collation order, computed once per table (sorting 20k names by collator on every click is slow). */
function nameRank(names: string[]): Int32Array {
  let r = nameRanks.get(names);
  if (r) return r;
  const ids = Array.from(names, (_, i) => i).sort((a, b) => collator.compare(names[a], names[b]) || a - b);
  r = new Int32Array(names.length);
  ids.forEach((c, pos) => (r![c] = pos));
  nameRanks.set(names, r);
  return r;
}

/** The number a sort key reads for community c; NaN sorts last in both directions. */
function sortValue(rows: ComplianceRows, cells: ComplianceCells, key: string): (c: number) => number {
  const C = rows.communityCount;
  switch (key) {
    case 'name': {
      const r = nameRank(rows.names);
      return (c) => r[c];
    }
    case 'built_year':
      return (c) => rows.builtYear[c];
    case 'old':
      return (c) => rows.isOld[c];
    case 'households':
      return (c) => rows.households[c];
    case 'population':
      return (c) => rows.population[c];
    case 'missing':
      return (c) => rows.total[c];
  }
  if (key.startsWith('missing:')) {
    const i = rows.levels.findIndex((l) => l.id === key.slice(8));
    if (i >= 0) return (c) => rows.perLevel[i * C + c];
  }
  if (key.startsWith('cat:')) {
    const k = cells.categoryIds.indexOf(key.slice(4));
    // Infinity (unreachable, no facility) is the worst distance: last ascending, first descending.
    if (k >= 0) return (c) => cells.distance[k * C + c];
  }
  return (c) => c;
}

/**
 * The visible rows of the compliance table: community indexes that pass the filter, in sort
 * order (ties keep the input order, so the order is stable and reproducible).
 */
export function complianceOrder(rows: ComplianceRows, cells: ComplianceCells, sort: ComplianceSort | null, filter: ComplianceFilter = NO_FILTER): Int32Array {
  const C = rows.communityCount;
  const li = filter.level ? rows.levels.findIndex((l) => l.id === filter.level) : -1;
  const k = filter.missingCategory ? cells.categoryIds.indexOf(filter.missingCategory) : -1;
  const q = filter.search.trim().toLowerCase();
  const ids: number[] = [];
  for (let c = 0; c < C; c++) {
    if (filter.oldOnly && !rows.isOld[c]) continue;
    if (k >= 0 && cells.ok[k * C + c]) continue;
    const missing = li >= 0 ? rows.perLevel[li * C + c] : rows.total[c];
    if (missing < filter.minMissing) continue;
    if (q && !rows.names[c].toLowerCase().includes(q)) continue;
    ids.push(c);
  }
  if (sort) {
    const v = sortValue(rows, cells, sort.key);
    const sign = sort.dir === 'asc' ? 1 : -1;
    ids.sort((a, b) => {
      const x = v(a), y = v(b);
      const xn = Number.isNaN(x), yn = Number.isNaN(y);
      if (xn || yn) return xn === yn ? a - b : xn ? 1 : -1;
      return x < y ? -sign : x > y ? sign : a - b;
    });
  }
  return Int32Array.from(ids);
}
