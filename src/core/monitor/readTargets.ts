import type { JoinTable } from '../join/applyJoin';
import type { RuleSet } from '../rules/types';
import { indicatorIds } from './indicators';
import { indicatorLabel, scopeLabel } from './report';
import type { Target } from './targets';
import { isTargetColumn } from './targetColumns';

/**
 * A target sheet (CSV/Excel read as a table) as targets (issue 14): columns (TARGET_COLUMNS) 指标 / indicator (an
 * indicator id, its name as the app writes it, e.g. 幼儿园覆盖率（%）, or a category id or name for
 * its coverage), 范围 / scope (全域 | 老旧小区 | a 街道),
 * 目标值 / target, 期限 / deadline (YYYY-MM-DD, 2025 or 2025年), 责任部门, 备注. Rows that cannot be
 * read are listed with the reason.
 */
export function readTargets(table: JoinTable, rules: RuleSet): { targets: Target[]; problems: { row: number; problem: string }[] } {
  const col = (k: keyof Omit<Target, 'id'>) => table.columns.find((c) => isTargetColumn(c, k)) ?? null;
  const known = new Set(indicatorIds(rules));
  const byName = new Map(rules.categories.flatMap((c) => [[c.id, c.id], [c.name_zh, c.id], [c.name_en.toLowerCase(), c.id]]));
  const byLabel = new Map([...known].flatMap((id) => [[indicatorLabel(id, rules, 'zh-CN'), id], [indicatorLabel(id, rules, 'en').toLowerCase(), id]]));
  // a scope as written: its id, or its name in either language (scopeLabel, what the export writes)
  const is = (text: string, sc: 'all' | 'old') => [sc, scopeLabel(sc, 'zh-CN'), scopeLabel(sc, 'en')].some((x) => x.toLowerCase() === text.toLowerCase());
  const targets: Target[] = [];
  const problems: { row: number; problem: string }[] = [];
  table.rows.forEach((r, i) => {
    const get = (k: keyof Omit<Target, 'id'>) => {
      const c = col(k);
      return c ? r[c] : undefined;
    };
    const raw = String(get('indicator') ?? '').trim();
    const indicator = known.has(raw) ? raw : byLabel.get(raw) ?? byLabel.get(raw.toLowerCase()) ?? (byName.has(raw) || byName.has(raw.toLowerCase()) ? `coverage:${byName.get(raw) ?? byName.get(raw.toLowerCase())}` : null);
    if (!indicator) return void problems.push({ row: i + 2, problem: `unknown indicator "${raw}"` });
    const value = Number(String(get('value') ?? '').replace(/[%％,，]/g, ''));
    if (!Number.isFinite(value)) return void problems.push({ row: i + 2, problem: `target value "${String(get('value') ?? '')}" is not a number` });
    const d = String(get('deadline') ?? '').trim();
    const m = /^(\d{4})(?:[-/.年](\d{1,2}))?(?:[-/.月](\d{1,2}))?/.exec(d);
    if (!m) return void problems.push({ row: i + 2, problem: `deadline "${d}" is not a date` });
    // a year or a month alone means its last day
    const month = Number(m[2] ?? 12);
    const last = new Date(Date.UTC(Number(m[1]), month, 0)).getUTCDate();
    const deadline = `${m[1]}-${String(month).padStart(2, '0')}-${String(m[3] ?? last).padStart(2, '0')}`;
    const s = String(get('scope') ?? '').trim();
    const scope = !s || is(s, 'all') ? 'all' : is(s, 'old') ? 'old' : (`subdistrict:${s}` as const);
    targets.push({ id: `t${i + 1}`, indicator, scope, value, deadline, department: String(get('department') ?? ''), note: String(get('note') ?? '') });
  });
  return { targets, problems };
}
