import { objectSink, type AttributeSink } from './attributeSink';

/** The parts of the park, parking and renovation results the exports read. */
export interface WorkbenchTables {
  parks?: { ok: ArrayLike<number>; distance: ArrayLike<number> } | null;
  parking?: { demand: ArrayLike<number>; supply: ArrayLike<number>; gap: ArrayLike<number> } | null;
  renovation?: { isOld: ArrayLike<number>; score: ArrayLike<number> } | null;
}

/** x rounded to `digits` decimals; null when not finite. */
export function roundTo(x: number, digits: number): number | null {
  if (!Number.isFinite(x)) return null;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/**
 * The CLI's workbench fields of community c (DESIGN §6): park_ok / park_dist (metres, one
 * decimal), parking_demand / parking_supply / parking_gap (spaces, one decimal) — null when that
 * layer was not analysed — and score (0–100, two decimals; null for communities that are not old).
 */
export function communityWorkbenchAttributes(t: WorkbenchTables, c: number): Record<string, number | boolean | null> {
  return assignCommunityWorkbenchAttributes({}, t, c);
}

/** Passes community c's workbench fields (communityWorkbenchAttributes) to `put`, in order. */
export function putCommunityWorkbenchAttributes(t: WorkbenchTables, c: number, put: AttributeSink): void {
  const { parks, parking, renovation } = t;
  put('park_ok', parks ? parks.ok[c] === 1 : null);
  put('park_dist', parks ? roundTo(parks.distance[c], 1) : null);
  put('parking_demand', parking ? roundTo(parking.demand[c], 1) : null);
  put('parking_supply', parking ? roundTo(parking.supply[c], 1) : null);
  put('parking_gap', parking ? roundTo(parking.gap[c], 1) : null);
  put('score', renovation && renovation.isOld[c] ? roundTo(renovation.score[c], 2) : null);
}

/** Writes community c's workbench fields (communityWorkbenchAttributes) into `out`, in the same order, and returns it. */
export function assignCommunityWorkbenchAttributes<T extends Record<string, unknown>>(out: T, t: WorkbenchTables, c: number): T {
  putCommunityWorkbenchAttributes(t, c, objectSink(out));
  return out;
}
