import { selectMissingMax } from '../store/selectCompliance';
import type { AppState } from '../store/useStore';
import { memoLast } from '../util/memoLast';
import { missingBins, type MissingBin } from './palette';

const binsOf = memoLast((max: number): MissingBin[] => missingBins(max));

/** Colour classes of the 'missing' colouring for the current scope (empty before an analysis). */
export function selectMissingBins(s: AppState): MissingBin[] {
  const max = selectMissingMax(s);
  return max === null ? [] : binsOf(max);
}
