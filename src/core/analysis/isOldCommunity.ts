/**
 * Whether a community counts as old (DESIGN §4 renovation): built before `oldBeforeYear` when its
 * construction year is known, else when it carries `is_old: true`. Shared by the compliance table
 * and the renovation score so the two never disagree on which communities are old.
 *
 * @param builtYear the parsed construction year, null when unknown
 * @param isOldFlag the raw `properties.is_old`
 * @param oldBeforeYear e.g. rules.old_before_year (2000)
 */
export function isOldCommunity(builtYear: number | null, isOldFlag: unknown, oldBeforeYear: number): boolean {
  return builtYear !== null ? builtYear < oldBeforeYear : isOldFlag === true;
}
