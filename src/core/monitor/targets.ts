import { higherIsBetter, type IndicatorId, type IndicatorScope } from './indicators';

/** A target on the county's sheet (issue 14): 项项有指标、限时必达标. */
export interface Target {
  id: string;
  indicator: IndicatorId;
  scope: IndicatorScope;
  /** the value to reach (a share 0–100, or a count / spaces) */
  value: number;
  /** YYYY-MM-DD */
  deadline: string;
  /** 责任部门, e.g. 教育局 */
  department: string;
  note: string;
}

export type TargetStatus = 'met' | 'on_track' | 'behind' | 'overdue';

const day = (iso: string) => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);

/**
 * A target's status on a date (DESIGN §4 Targets): met when the value reaches the target (≥, or ≤
 * for gaps); past the deadline and not met, overdue; else on track when the value is at least the
 * straight line from the baseline (date t0, value v0) to the target at the deadline,
 * v0 + (target − v0)·(t − t0)/(t1 − t0), behind otherwise. Without a baseline (or one dated at or
 * after the deadline) there is no line to be on: a target not yet met is behind.
 */
export function targetStatus(t: Pick<Target, 'indicator' | 'value' | 'deadline'>, value: number | null, today: string, baseline: { date: string; value: number } | null): TargetStatus | null {
  if (value === null || !Number.isFinite(value)) return null;
  const up = higherIsBetter(t.indicator);
  const reached = (v: number, goal: number) => (up ? v >= goal - 1e-9 : v <= goal + 1e-9);
  if (reached(value, t.value)) return 'met';
  const now = day(today), t1 = day(t.deadline);
  if (now > t1) return 'overdue';
  if (!baseline) return 'behind';
  const t0 = day(baseline.date);
  if (!(t1 > t0)) return 'behind';
  const f = Math.min(1, Math.max(0, (now - t0) / (t1 - t0)));
  const line = baseline.value + (t.value - baseline.value) * f;
  return reached(value, line) ? 'on_track' : 'behind';
}
