import type { CoverageResult } from '../core/analysis/coverage';
import type { CommunityColoring } from '../store/viewSlice';
import { missingMandatory } from '../core/analysis/compliance';
import { cellStatus } from '../core/analysis/compliance';
import { changeColor } from './scenarioPalette';
import { COVERAGE_COLORS, completenessColor, missingBinIndex, missingBins, type RGBA } from './palette';

const ids = new WeakMap<object, number>();
let nextId = 1;
/** A stable number per result object, so deck.gl recolours exactly when the result changes. */
export function resultId(o: object): number {
  let id = ids.get(o);
  if (!id) ids.set(o, (id = nextId++));
  return id;
}

/**
 * Community colours from the analysis: covered / not covered for the active category, the
 * active level's completeness, or the number of missing mandatory categories of `missingLevels`
 * (comma-joined level ids; default the active level). Null when the map should colour by built year.
 */
export function communityColoring(
  cov: CoverageResult | null,
  coloring: CommunityColoring,
  activeCategory: string | null,
  activeLevel: string,
  missingLevels: string = activeLevel,
): { key: string; color: (index: number) => RGBA } | null {
  if (!cov || coloring === 'built_year' || coloring === 'change' || coloring === 'snapshot' || coloring === 'programme' || coloring === 'choice') return null;
  const C = cov.communityCount;
  const unreachable = new Set(cov.unreachableCommunities.map((u) => u.index));
  if (coloring === 'missing') {
    const counts = missingMandatory(cov, missingLevels.split(','));
    if (!counts.levels.length) return null;
    const bins = missingBins(counts.mandatoryCount);
    return {
      key: `missing:${missingLevels}:${resultId(cov)}`,
      color: (i) => (unreachable.has(i) ? COVERAGE_COLORS.unreachable : bins[missingBinIndex(bins, counts.total[i])].color),
    };
  }
  if (coloring === 'category') {
    const k = activeCategory ? cov.categoryIds.indexOf(activeCategory) : -1;
    if (k < 0) return null;
    return {
      key: `cat:${activeCategory}:${resultId(cov)}`,
      // a category without any facility in the data is "no data" (grey), never a red gap
      color: (i) => {
        const status = cellStatus(cov, k, i);
        if (status === 'no_data') return COVERAGE_COLORS.noData;
        return status === 'ok' ? COVERAGE_COLORS.covered : unreachable.has(i) ? COVERAGE_COLORS.unreachable : COVERAGE_COLORS.notCovered;
      },
    };
  }
  const l = cov.levelIds.indexOf(activeLevel);
  if (l < 0) return null;
  return {
    key: `level:${activeLevel}:${resultId(cov)}`,
    color: (i) => completenessColor(cov.levelCompleteness[l * C + i]),
  };
}

/** Community colours by what the active scenario changes (scenarioDiff's change codes); null without a diff. */
export function changeColoring(change: Int8Array | null): { key: string; color: (index: number) => RGBA } | null {
  if (!change) return null;
  return { key: `change:${resultId(change)}`, color: (i) => changeColor(change[i]) };
}
