import type { ComplianceRows } from '../../core/analysis/compliance';

/** A column of the compliance table. */
export interface ComplianceColumn {
  /** sort key (see complianceOrder) and test id suffix */
  key: string;
  kind: 'name' | 'missing' | 'year' | 'old' | 'number' | 'level-missing' | 'category';
  /** pixels */
  width: number;
  /** first click sorts this way: worst / largest first for counts and distances */
  firstDir: 'asc' | 'desc';
  /** level group (level columns and categories) */
  level?: string;
  /** level index into rows.levels */
  li?: number;
  /** category id and its index into coverage.categoryIds */
  category?: string;
  k?: number;
}

/** A level's header span: its id and how many columns it covers. */
export interface ComplianceGroup {
  level: string | null;
  width: number;
  mandatory: number;
}

export const FIXED_COLUMNS: ComplianceColumn[] = [
  { key: 'name', kind: 'name', width: 150, firstDir: 'asc' },
  { key: 'missing', kind: 'missing', width: 62, firstDir: 'desc' },
  { key: 'built_year', kind: 'year', width: 56, firstDir: 'asc' },
  { key: 'old', kind: 'old', width: 40, firstDir: 'desc' },
  { key: 'households', kind: 'number', width: 74, firstDir: 'desc' },
  { key: 'population', kind: 'number', width: 72, firstDir: 'desc' },
];

const CATEGORY_WIDTH = 76;
const LEVEL_MISSING_WIDTH = 58;

/**
 * The table's columns: the fixed ones, then per level (in display order, or only `level`) its
 * missing count and its mandatory categories. Returns the header groups too.
 */
export function complianceColumns(rows: ComplianceRows, level: string | null): { columns: ComplianceColumn[]; groups: ComplianceGroup[] } {
  const columns = [...FIXED_COLUMNS];
  const groups: ComplianceGroup[] = [{ level: null, width: FIXED_COLUMNS.reduce((a, c) => a + c.width, 0), mandatory: 0 }];
  rows.levels.forEach((lv, li) => {
    if (level && lv.id !== level) return;
    const cols: ComplianceColumn[] = [
      { key: `missing:${lv.id}`, kind: 'level-missing', width: LEVEL_MISSING_WIDTH, firstDir: 'desc', level: lv.id, li },
      ...lv.categories.map((id, j): ComplianceColumn => ({ key: `cat:${id}`, kind: 'category', width: CATEGORY_WIDTH, firstDir: 'desc', level: lv.id, li, category: id, k: lv.k[j] })),
    ];
    columns.push(...cols);
    groups.push({ level: lv.id, width: cols.reduce((a, c) => a + c.width, 0), mandatory: lv.categories.length });
  });
  return { columns, groups };
}
