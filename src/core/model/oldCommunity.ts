import { oldBeforeYear, type DefaultOverrides } from '../rules/defaults';
import { parseBool } from './normalize';
import { readNumber } from './parseNumber';

type Props = Readonly<Record<string, unknown>> | null | undefined;

/** The construction year of a community's canonical `built_year` (readNumber's year grammar), null when unknown. */
export function builtYear(props: Props): number | null {
  const v = props?.built_year;
  if (v === undefined || v === null || v === '') return null;
  return readNumber(v, 'year').value;
}

/**
 * Whether a community is old (DESIGN §4 renovation) — the one rule, read by the analysis, the
 * renovation score, the compliance table, the map colouring, the card and every export: built
 * before the rule set's `old_before_year` when its year is known, else when the data say so
 * (`is_old` true/是/1). Nothing derived is stored on the features, so loading a rule set with
 * another year changes every reader at once.
 */
export function isOld(props: Props, rules?: DefaultOverrides | null): boolean {
  const year = builtYear(props);
  if (year !== null) return year < oldBeforeYear(rules);
  return parseBool(props?.is_old) === true;
}
