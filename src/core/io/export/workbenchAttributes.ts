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

/** Writes community c's workbench fields (communityWorkbenchAttributes) into `out`, in the same order, and returns it. */
export function assignCommunityWorkbenchAttributes<T extends Record<string, unknown>>(out: T, t: WorkbenchTables, c: number): T {
  const { parks, parking, renovation } = t;
  const o = out as Record<string, unknown>;
  o.park_ok = parks ? parks.ok[c] === 1 : null;
  o.park_dist = parks ? roundTo(parks.distance[c], 1) : null;
  o.parking_demand = parking ? roundTo(parking.demand[c], 1) : null;
  o.parking_supply = parking ? roundTo(parking.supply[c], 1) : null;
  o.parking_gap = parking ? roundTo(parking.gap[c], 1) : null;
  o.score = renovation && renovation.isOld[c] ? roundTo(renovation.score[c], 2) : null;
  return out;
}
