import type { Target } from './targets';

/**
 * The columns of a target sheet, in the order the export writes them: the header in each language
 * (what targetSheet writes) and the other names a planner's own sheet may use (what readTargets
 * also accepts). One list, so that a sheet written by the app is always read back.
 */
export const TARGET_COLUMNS: readonly { key: keyof Omit<Target, 'id'> | 'name'; zh: string; en: string; also: readonly string[] }[] = [
  { key: 'indicator', zh: '指标', en: 'indicator', also: [] },
  { key: 'name', zh: '指标名称', en: 'indicator name', also: [] },
  { key: 'scope', zh: '范围', en: 'scope', also: [] },
  { key: 'value', zh: '目标值', en: 'target', also: ['value', '目标'] },
  { key: 'deadline', zh: '期限', en: 'deadline', also: ['完成时限', '截止日期'] },
  { key: 'department', zh: '责任部门', en: 'department', also: ['部门'] },
  { key: 'note', zh: '备注', en: 'note', also: [] },
];

/** Whether a sheet's column header names target column `key` (case and surrounding spaces ignored). */
export function isTargetColumn(header: string, key: (typeof TARGET_COLUMNS)[number]['key']): boolean {
  const c = TARGET_COLUMNS.find((x) => x.key === key);
  const h = header.trim().toLowerCase();
  return !!c && [c.zh, c.en, ...c.also].some((n) => n.toLowerCase() === h);
}
