import { describe, expect, it } from 'vitest';
import { normalizeLayer, parseNumber, suggestFieldMapping } from '../../src/core/model';

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
  it('canonicalises, keeps originals, estimates population and flags old communities', () => {
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
    expect(a).toMatchObject({ name: '东风小区', households: 400, built_year: 1988, is_old: true, 名称: '东风小区' });
    // 400 households × 2.8 persons = 1,120, marked as an estimate
    expect(a.population).toBe(1120);
    expect(a.population_estimated).toBe(true);
    expect(a.id).toBe('communities-1');
    // 2000 is not < 2000: not old by the default rule
    expect(b).toMatchObject({ population: 2900, is_old: false });
    expect(b.population_estimated).toBeUndefined();
  });
  it('does not mutate its input', () => {
    const input = { type: 'FeatureCollection' as const, features: [{ type: 'Feature' as const, geometry: square, properties: { 户数: 10 } }] };
    const copy = JSON.parse(JSON.stringify(input));
    normalizeLayer(input, 'communities');
    expect(input).toEqual(copy);
  });
});
