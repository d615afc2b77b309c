import { describe, expect, it } from 'vitest';
import { featureLabel } from '../../src/core/model';
import { rankingRows } from '../../src/ui/workbench/rankingRows';
import type { RenovationScoreResult } from '../../src/core/analysis/renovation';

describe('one way to name a feature and read its year', () => {
  it('name, else id, else the id the analysis read, else #n; blank names do not count', () => {
    expect(featureLabel({ name: '和平小区', id: 'A1' }, 0)).toBe('和平小区');
    expect(featureLabel({ name: '  ', id: 'A1' }, 0)).toBe('A1');
    expect(featureLabel({ name: '' }, 4, 'K9')).toBe('K9');
    expect(featureLabel(null, 4)).toBe('#5');
    expect(featureLabel({ id: 0 }, 4)).toBe('0');
  });

  it('the ranking table reads built years with the importer\'s year grammar (八十年代 → 1985), as the card and the score do', () => {
    const result = {
      communityCount: 2,
      score: Float64Array.from([80, 60]),
      populationFactor: Float64Array.from([1, 1]),
      keys: ['age'],
      indicator: Float64Array.from([0.5, 0.4]),
      effectiveWeight: Float64Array.from([1, 1]),
      part: Float64Array.from([80, 60]),
    } as unknown as RenovationScoreResult;
    const rows = rankingRows(result, [{ name: '', built_year: '八十年代' }, { name: '东风新村', built_year: '1978年' }], [100, 100]);
    expect(rows.map((r) => [r.name, r.builtYear])).toEqual([
      ['#1', 1985],
      ['东风新村', 1978],
    ]);
  });
});
