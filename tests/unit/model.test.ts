import { communityPopulation } from '../../src/core/model/communityPopulation';
import { isOld } from '../../src/core/model/oldCommunity';
import { describe, expect, it } from 'vitest';
import { localDate, normalizeLayer, parseNumber, suggestFieldMapping } from '../../src/core/model';

describe('suggestFieldMapping', () => {
  it('maps Chinese field names onto canonical community fields', () => {
    const m = suggestFieldMapping(['小区名称', '总户数', '常住人口', '建成年代', '车位数', 'OBJECTID'], 'communities');
    expect(m).toMatchObject({
      name: '小区名称',
      households: '总户数',
      population: '常住人口',
      built_year: '建成年代',
      parking_spaces: '车位数',
      id: 'OBJECTID',
    });
  });
  it('prefers the canonical name and ignores case and separators', () => {
    const m = suggestFieldMapping(['Built_Year', 'YEAR', 'Name'], 'communities');
    expect(m.built_year).toBe('Built_Year');
    expect(m.name).toBe('Name');
  });
  it('leaves a field unmapped when nothing matches', () => {
    expect(suggestFieldMapping(['foo'], 'facilities').category).toBeNull();
  });
});

describe('parseNumber', () => {
  it('reads numbers out of planner-style strings', () => {
    expect(parseNumber('1,200')).toBe(1200);
    expect(parseNumber('约800户')).toBe(800);
    expect(parseNumber('1998年')).toBe(1998);
    expect(parseNumber('无')).toBeNull();
    expect(parseNumber(Number.NaN)).toBeNull();
  });
});

describe('normalizeLayer', () => {
  const square = { type: 'Polygon' as const, coordinates: [[[0, 0], [0.001, 0], [0.001, 0.001], [0, 0]]] };
  it('canonicalises and keeps originals; population and "old" are read by one rule each, never stored', () => {
    const fc = normalizeLayer(
      {
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', geometry: square, properties: { 名称: '东风小区', 户数: '400', 建成年代: '1988年' } },
          { type: 'Feature', geometry: square, properties: { 名称: '锦绣华庭', 户数: 1000, 人口: 2900, 建成年代: 2000 } },
        ],
      },
      'communities',
    );
    const [a, b] = fc.features.map((f) => f.properties);
    expect(a).toMatchObject({ name: '东风小区', households: 400, built_year: 1988, 名称: '东风小区' });
    expect(a).not.toHaveProperty('is_old');
    expect(a).not.toHaveProperty('population');
    // 400 households × 2.8 persons = 1,120, marked as an estimate
    expect(communityPopulation(a)).toEqual({ households: 400, population: 1120, estimated: true });
    expect(isOld(a)).toBe(true);
    expect(a.id).toBe('communities-1');
    // 2000 is not < 2000: not old by the default rule; with a 2001 cut-off it is
    expect(communityPopulation(b)).toEqual({ households: 1000, population: 2900, estimated: false });
    expect(isOld(b)).toBe(false);
    expect(isOld(b, { old_before_year: 2001 })).toBe(true);
    // a stated flag counts where the year is unknown
    expect(isOld({ is_old: '是' })).toBe(true);
    expect(isOld({ is_old: true, built_year: 2010 })).toBe(false);
  });
  it('does not mutate its input', () => {
    const input = { type: 'FeatureCollection' as const, features: [{ type: 'Feature' as const, geometry: square, properties: { 户数: 10 } }] };
    const copy = JSON.parse(JSON.stringify(input));
    normalizeLayer(input, 'communities');
    expect(input).toEqual(copy);
  });
});

describe('localDate: the planner\'s own day', () => {
  it('is the local calendar date, padded (not UTC: in Beijing at 07:30 toISOString still says yesterday)', () => {
    expect(localDate(new Date(2026, 0, 5, 0, 10))).toBe('2026-01-05');
    expect(localDate(new Date(2026, 11, 31, 23, 59))).toBe('2026-12-31');
  });
});
