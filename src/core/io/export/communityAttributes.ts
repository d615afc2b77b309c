import type { Feature, Geometry } from 'geojson';
import { objectSink, type AttributeSink } from './attributeSink';
import { putCommunityCoverageAttributes, type CoverageTable } from './coverageAttributes';
import { flatProperties, isScalar } from './flatProperties';
import { putCommunityWorkbenchAttributes, roundTo, type WorkbenchTables } from './workbenchAttributes';

/** The results one community's exported attributes come from (a StudyAreaResult fits). */
export interface CommunityResultTables extends WorkbenchTables {
  coverage: CoverageTable;
  weights: { population: ArrayLike<number>; populationEstimated: ArrayLike<number>; weightUnknown: ArrayLike<number> };
  renovation: { isOld: ArrayLike<number>; score: ArrayLike<number> } | null;
}

/**
 * Every analysis attribute of community c with flat names (DESIGN §6) — the one list, written by
 * the CLI and by the app's "communities with analysis" export alike: `population` as the analysis
 * read it (whole persons; null when unknown) with `population_estimated`, `is_old` by the rule
 * set in force, then dist_<k>/ok_<k> per category and park_*, parking_*, score.
 */
export function communityResultAttributes(t: CommunityResultTables, c: number): Record<string, number | boolean | null> {
  return assignCommunityResultAttributes({}, t, c);
}

/**
 * Passes every analysis attribute of community c (communityResultAttributes) to `put`, in order:
 * the one list, whether it fills an object or is written as text (communityResultChunks).
 */
export function putCommunityResultAttributes(t: CommunityResultTables, c: number, put: AttributeSink): void {
  put('population', t.weights.weightUnknown[c] ? null : roundTo(t.weights.population[c], 1));
  put('population_estimated', t.weights.populationEstimated[c] === 1);
  put('is_old', t.renovation ? t.renovation.isOld[c] === 1 : null);
  putCommunityCoverageAttributes(t.coverage, c, put);
  putCommunityWorkbenchAttributes(t, c, put);
}

/**
 * Writes community c's attributes (communityResultAttributes) into `out`, in the same order, and
 * returns it: one object per feature instead of four merged by spreads. A key `out` already has
 * keeps its place and takes the new value, as in `{ ...out, ...communityResultAttributes(t, c) }`.
 */
export function assignCommunityResultAttributes<T extends Record<string, unknown>>(out: T, t: CommunityResultTables, c: number): T {
  putCommunityResultAttributes(t, c, objectSink(out));
  return out;
}

/**
 * The communities with their analysis attributes, flat (flatProperties: entrances as WKT, lists
 * joined with ';'), one feature at a time, in order — the CLI's output features. Each feature is
 * `{ ...f, properties: flatProperties({ ...f.properties, ...communityResultAttributes(t, c) }) }`,
 * built with one properties object instead of the spreads, and made only when asked for, so a
 * streaming writer never holds them all. (communityResultChunks writes their JSON without them.)
 */
export function* communityResultFeatures(
  communities: { features: readonly Feature<Geometry | null>[] }, t: CommunityResultTables,
  /** more attributes after the analysis' (e.g. a scenario's before_/delta_ fields) */
  extra?: (out: Record<string, unknown>, c: number) => void,
): Generator<Feature<Geometry | null>, void, undefined> {
  const features = communities.features;
  for (let c = 0; c < features.length; c++) yield communityResultFeature(features[c], t, c, extra);
}

/** Community c's result feature (communityResultFeatures), `f` being the community. */
export function communityResultFeature(
  f: Feature<Geometry | null>, t: CommunityResultTables, c: number, extra?: (out: Record<string, unknown>, c: number) => void,
): Feature<Geometry | null> {
  const src = f.properties;
  // One plain object filled key by key (~100 keys: V8 keeps it as a dictionary). Data with a
  // "__proto__" key gets an object without prototype, where that key stays a plain key as in a spread.
  const merged: Record<string, unknown> = src && Object.hasOwn(src, '__proto__') ? Object.create(null) : {};
  if (src) for (const k of Object.keys(src)) merged[k] = src[k];
  assignCommunityResultAttributes(merged, t, c);
  extra?.(merged, c);
  // flatProperties copies plain values as they are: a community without nested values (the
  // usual case) is already flat, and `merged` is this feature's own object
  return { ...f, properties: Object.getPrototypeOf(merged) !== null && allScalar(merged) ? merged : flatProperties(merged) };
}

function allScalar(props: Record<string, unknown>): boolean {
  for (const k in props) if (!isScalar(props[k])) return false;
  return true;
}
