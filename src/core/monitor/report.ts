import type { FeatureCollection, Geometry } from 'geojson';
import type { StudyAreaResult } from '../studyArea/types';
import type { RuleSet } from '../rules/types';
import type { Language } from '../messages/language';
import { messageText } from '../messages/catalogue';
import type { BriefingTable } from '../io/export/briefingTables';
import { programmeProgress } from '../model/programme';
import { indicatorValues, type IndicatorId, type IndicatorScope } from './indicators';
import { targetStatus, type Target, type TargetStatus } from './targets';
import { snapshotValue, type Snapshot, type SnapshotComparison } from './snapshot';
import { TARGET_COLUMNS } from './targetColumns';

type FC = FeatureCollection<Geometry | null, Record<string, unknown> | null>;

/** A target with where it stands: the value now, its status, and the baseline it is measured from. */
export interface TargetRow {
  target: Target;
  value: number | null;
  status: TargetStatus | null;
  /** the baseline snapshot's value for the target's indicator and scope (null without one) */
  baseline: { label: string; date: string; value: number } | null;
}

/**
 * Every target's value and status on `today` (issue 14), the one evaluation for the app's table,
 * the check report, the Excel sheet and the CLI's `targets` block. The baseline is a snapshot (the
 * app's first, the CLI's `--compare`): its value for the target's indicator and scope starts the
 * straight line to the target (targetStatus); without one, a target not met is behind.
 */
export function evaluateTargets(targets: readonly Target[], result: StudyAreaResult, communities: FC, rules: RuleSet, baseline: Snapshot | null, today: string): TargetRow[] {
  const byScope = new Map<IndicatorScope, Record<IndicatorId, number | null>>();
  for (const t of targets) if (!byScope.has(t.scope)) {
    byScope.set(t.scope, indicatorValues([...new Set(targets.filter((x) => x.scope === t.scope).map((x) => x.indicator))], t.scope, result, communities, rules));
  }
  return targets.map((target) => {
    const value = byScope.get(target.scope)?.[target.indicator] ?? null;
    const b = baseline ? snapshotValue(baseline, target.indicator, target.scope) : null;
    const base = baseline && b !== null ? { label: baseline.label, date: baseline.date, value: b } : null;
    return { target, value, status: targetStatus(target, value, today, base), baseline: base };
  });
}

/** An indicator's name in a language, e.g. 幼儿园覆盖率（%）, 十五分钟生活圈全部达标（%）. */
export function indicatorLabel(id: IndicatorId, rules: RuleSet, lang: Language): string {
  const [kind, arg] = id.split(':');
  const zh = lang === 'zh-CN';
  if (kind === 'coverage') {
    const c = rules.categories.find((x) => x.id === arg);
    return messageText('tg_ind_coverage', lang, { category: c ? (zh ? c.name_zh : c.name_en) : arg });
  }
  if (kind === 'complete' || kind === 'completeness') {
    const level = messageText(`level_${arg}`, lang);
    return messageText(`tg_ind_${kind}`, lang, { level: level === `level_${arg}` ? arg : level });
  }
  return messageText(`tg_ind_${id}`, lang);
}

/** A scope's name: 全域, 老旧小区 or the 街道's own name. */
export function scopeLabel(scope: IndicatorScope, lang: Language): string {
  return scope === 'all' ? messageText('tg_scope_all', lang) : scope === 'old' ? messageText('tg_scope_old', lang) : scope.slice('subdistrict:'.length);
}

/**
 * The check report's tables for the workbook (issue 14 §4, 月检查、季考察、年考核): the targets with
 * their status, the indicator changes since the previous snapshot, and the programme by year. Tables
 * without rows are left out.
 */
export function monitorTables(
  rows: readonly TargetRow[],
  comparison: { since: string; cmp: SnapshotComparison } | null,
  communities: FC,
  rules: RuleSet,
  lang: Language,
): BriefingTable[] {
  const m = (code: string, p?: Record<string, unknown>) => messageText(code, lang, p);
  const tables: BriefingTable[] = [];
  if (rows.length) {
    tables.push({
      id: 'targets',
      name: m('tg_sheet_targets'),
      columns: [
        { key: 'indicator', header: m('tg_indicator'), format: 'text' },
        { key: 'scope', header: m('tg_scope'), format: 'text' },
        { key: 'baseline', header: m('tg_col_baseline'), format: 'dec1' },
        { key: 'value', header: m('tg_now'), format: 'dec1' },
        { key: 'target', header: m('tg_value'), format: 'dec1' },
        { key: 'deadline', header: m('tg_deadline'), format: 'text' },
        { key: 'department', header: m('tg_department'), format: 'text' },
        { key: 'status', header: m('tg_status'), format: 'text' },
        { key: 'note', header: m('tg_note'), format: 'text' },
      ],
      rows: rows.map((r) => ({
        indicator: indicatorLabel(r.target.indicator, rules, lang), scope: scopeLabel(r.target.scope, lang),
        baseline: r.baseline?.value ?? null, value: r.value, target: r.target.value, deadline: r.target.deadline,
        department: r.target.department, status: r.status ? m(`tg_status_${r.status}`) : null, note: r.target.note,
      })),
    });
  }
  const changed = comparison?.cmp.indicators.filter((d) => d.delta !== null && d.delta !== 0) ?? [];
  if (comparison && changed.length) {
    tables.push({
      id: 'changes',
      name: m('tg_sheet_changes'),
      columns: [
        { key: 'indicator', header: m('tg_indicator'), format: 'text' },
        { key: 'before', header: m('tg_col_before', { label: comparison.since }), format: 'dec1' },
        { key: 'after', header: m('tg_now'), format: 'dec1' },
        { key: 'delta', header: m('tg_col_delta'), format: 'dec1' },
      ],
      rows: changed.map((d) => ({ indicator: indicatorLabel(d.id, rules, lang), before: d.before, after: d.after, delta: d.delta })),
    });
  }
  const pg = programmeProgress(communities.features);
  if (pg.byYear.length) {
    tables.push({
      id: 'programme',
      name: m('pg_title'),
      columns: [
        { key: 'year', header: m('pg_year'), format: 'year' },
        { key: 'planned', header: m('pg_col_planned'), format: 'int' },
        { key: 'building', header: m('pg_col_building'), format: 'int' },
        { key: 'done', header: m('pg_col_done'), format: 'int' },
        { key: 'investment', header: m('pg_investment_col'), format: 'dec1' },
      ],
      rows: pg.byYear.map((y) => ({ ...y })),
    });
  }
  return tables;
}

/**
 * The target sheet as a table to hand round and read back (readTargets): 指标 holds the indicator's
 * id (what the app reads back exactly), 指标名称 its name, then 范围, 目标值, 期限, 责任部门, 备注.
 */
export function targetSheet(targets: readonly Target[], rules: RuleSet, lang: Language): BriefingTable {
  const zh = lang === 'zh-CN';
  return {
    id: 'target-sheet',
    name: messageText('tg_sheet_targets', lang),
    columns: TARGET_COLUMNS.map((c) => ({ key: c.key, header: zh ? c.zh : c.en, format: c.key === 'value' ? ('dec1' as const) : ('text' as const) })),
    rows: targets.map((t) => ({
      indicator: t.indicator, name: indicatorLabel(t.indicator, rules, lang), scope: scopeLabel(t.scope, lang),
      value: t.value, deadline: t.deadline, department: t.department, note: t.note,
    })),
  };
}
