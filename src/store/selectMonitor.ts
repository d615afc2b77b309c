import { compareSnapshots, coverageChangeCodes, evaluateTargets, monitorTables, type Snapshot, type SnapshotComparison, type TargetRow } from '../core/monitor';
import type { BriefingTable } from '../core/io/export';
import type { Language } from '../core/messages';
import { selectStudyAreaResult } from './selectResult';
import { memoLast } from '../util/memoLast';
import type { AppState } from './useStore';
import { localDate } from '../core/model';

/** The two snapshots compared, what changed between them, and per community of the layer the change code. */
export interface SnapshotCompareView {
  a: Snapshot;
  b: Snapshot;
  cmp: SnapshotComparison;
  /** per community of the current layer: +1 gained coverage of some category, −1 lost, 2 both, 0 unchanged */
  change: Int8Array;
  gained: number;
  lost: number;
}

const compute = memoLast((a: Snapshot | undefined, b: Snapshot | undefined, communities: AppState['layers']['communities']): SnapshotCompareView | null => {
  if (!a || !b || a === b) return null;
  const cmp = compareSnapshots(a, b);
  const change = communities ? coverageChangeCodes(cmp, communities.fc) : new Int8Array(0);
  let gained = 0, lost = 0;
  for (const c of change) {
    if (c === 1 || c === 2) gained++;
    if (c === -1 || c === 2) lost++;
  }
  return { a, b, cmp, change, gained, lost };
});

/** The comparison of the selected pair of snapshots (the targets view's table and the map's colouring), or null. */
export function selectSnapshotCompare(s: Pick<AppState, 'snapshots' | 'snapshotPair' | 'layers'>): SnapshotCompareView | null {
  const [i, j] = s.snapshotPair;
  return compute(s.snapshots[i], s.snapshots[j], s.layers.communities);
}

const evaluate = memoLast((targets: AppState['targets'], result: ReturnType<typeof selectStudyAreaResult>, communities: AppState['layers']['communities'], rules: AppState['rules'], baseline: Snapshot | null): TargetRow[] =>
  result && communities
    ? evaluateTargets(targets, result, communities.fc, rules, baseline, localDate())
    : targets.map((target) => ({ target, value: null, status: null, baseline: null })));

/**
 * The targets evaluated now (core/monitor evaluateTargets, as the CLI): each against the first
 * snapshot, on today's date; without an analysis, the targets alone. The targets view and the check
 * report read this one evaluation.
 */
export function selectTargetRows(s: AppState): TargetRow[] {
  return evaluate(s.targets, selectStudyAreaResult(s), s.layers.communities, s.rules, s.snapshots[0] ?? null);
}

/**
 * The check report's tables (core/monitor monitorTables): the targets evaluated against the first
 * snapshot, the changes between the latest two snapshots, the programme by year — what the printed
 * report shows and the Excel export and bundle add after the briefing's sheets. Empty without an
 * analysis.
 */
export function selectMonitorTables(s: AppState, lang: Language): { tables: BriefingTable[]; since: string | null } {
  const result = selectStudyAreaResult(s);
  const communities = s.layers.communities?.fc;
  if (!result || !communities) return { tables: [], since: null };
  const n = s.snapshots.length;
  const rows = selectTargetRows(s);
  const last = n >= 2 ? { since: s.snapshots[n - 2].label, cmp: compareSnapshots(s.snapshots[n - 2], s.snapshots[n - 1]) } : null;
  return { tables: monitorTables(rows, last, communities, s.rules, lang), since: last?.since ?? null };
}
