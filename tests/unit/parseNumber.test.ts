import { isOld } from '../../src/core/model/oldCommunity';
import { describe, expect, it } from 'vitest';
import { parseNumber, readNumber } from '../../src/core/model/parseNumber';
import { normalizeLayer } from '../../src/core/model';

const NOW = new Date('2026-06-01T00:00:00Z');

describe('parseNumber: hand-checked table (issue 9 item 2)', () => {
  const table: [string, number | null][] = [
    ['1.2万户', 12000],
    ['１２００', 1200],
    ['１，２００户', 1200],
    ['1,500户', 1500],
    ['1，500', 1500],
    ['3千', 3000],
    ['1.5亿', 150000000],
    ['约800户', 800],
    ['approx 40', 40],
    ['800 户', 800],
    ['1998年', 1998],
    ['２０００年', 2000],
    ['1998年5月', 1998],
    ['八十年代', 1985],
    ['上世纪八十年代', 1985],
    ['八零年代', 1985],
    ['90年代', 1995],
    ['00年代', 2005],
    ['1980年代', 1985],
    ['1980s', 1985],
    ['1988-1992', 1990],
    ['1988—1992年', 1990],
    ['1988年-1992年', 1990],
    ['1990年前', 1989],
    ['2000年以后', 2001],
    ['35%', 35],
    ['-5', -5],
    ['— 1', null],
    ['1988/2', null],
    // not fully accounted for: unknown, never a number picked out of the text
    ['1,5', null],
    ['12 34', null],
    ['20年代', null],
    ['1992-1988', null],
    ['见附表', null],
    ['约八百户', null],
    ['800户（估）', null],
    ['A12', null],
    ['1700年', null],
    ['无', null],
    ['', null],
  ];
  for (const [s, v] of table) it(`${JSON.stringify(s)} → ${v}`, () => expect(parseNumber(s)).toBe(v));
});

describe('readNumber by field kind', () => {
  it('years: decades and ranges keep their span, bounds their bound; 1800 … next year only', () => {
    expect(readNumber('八十年代', 'year', NOW)).toEqual({ value: 1985, range: [1980, 1989] });
    expect(readNumber('1988—1992年', 'year', NOW)).toEqual({ value: 1990, range: [1988, 1992] });
    expect(readNumber('1990年前', 'year', NOW)).toEqual({ value: 1989, bound: { before: 1990 } });
    expect(readNumber('1700', 'year', NOW)).toEqual({ value: null, problem: 'year-out-of-range' });
    expect(readNumber(0, 'year', NOW)).toEqual({ value: null, problem: 'year-out-of-range' });
    expect(readNumber('2027', 'year', NOW).value).toBe(2027);
    expect(readNumber('2028', 'year', NOW)).toEqual({ value: null, problem: 'year-out-of-range' });
    expect(readNumber('1790-1810', 'year', NOW).problem).toBe('year-out-of-range');
    expect(readNumber('1998.5', 'year', NOW)).toEqual({ value: null, problem: 'unreadable' });
  });
  it('"old" (built before 2000): 90年代 is old, 00年代 is not', () => {
    const fc = normalizeLayer({ type: 'FeatureCollection', features: ['90年代', '00年代', '1990年前', '1.2万'].map((y) => ({ type: 'Feature' as const, properties: { 建成年代: y }, geometry: null })) }, 'communities');
    expect(fc.features.map((f) => isOld(f.properties))).toEqual([true, false, true, false]);
    expect(fc.features.map((f) => f.properties.built_year)).toEqual([1995, 2005, 1989, null]);
    expect(fc.features[0]?.properties.built_year_range).toBe('1990-1999');
    expect(fc.features[2]?.properties.built_year_before).toBe(1990);
  });
  it('counts: whole and ≥ 0; a year is not a count', () => {
    expect(readNumber('1.2万户', 'count')).toEqual({ value: 12000 });
    expect(readNumber(-3, 'count')).toEqual({ value: null, problem: 'negative' });
    expect(readNumber('12.5', 'count')).toEqual({ value: null, problem: 'not-integer' });
    expect(readNumber('1998年', 'count')).toEqual({ value: null, problem: 'unreadable' });
    expect(readNumber(null, 'count')).toEqual({ value: null });
    // amounts (population, capacity, shares): fractions allowed, negatives not
    expect(readNumber('0.35', 'amount')).toEqual({ value: 0.35 });
    expect(readNumber('2.5万人', 'amount')).toEqual({ value: 25000 });
    expect(readNumber(-1, 'amount')).toEqual({ value: null, problem: 'negative' });
  });
});

/**
 * Property: parseNumber returns a number only for a string one of the accepted grammars accounts
 * for completely. The grammars are restated here independently of the implementation.
 */
describe('parseNumber never returns a number for a string it cannot fully account for', () => {
  const fw = (s: string): string => s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/，/g, ',').replace(/．/g, '.').replace(/(\d年?)\s*[—–~～-]\s*(?=\d)/g, '$1-');
  const unit = '(户|人|个|套|栋|位|车位|床位|座|处|%|米|m|㎡)?';
  const num = '(\\d{1,3}(,\\d{3})+|\\d+)(\\.\\d+)?';
  const grammars = [
    new RegExp(`^((约|大约|共|近|approx)\\s*)?[-+]?${num}(\\s*[万千亿])?\\s*${unit}$`),
    /^(上世纪)?(\d{2}|\d{4})(年代|s)$/,
    /^(上世纪)?[一二三四五六七八九零〇][十零〇]年代$/,
    /^\d{4}年?\s*-\s*\d{4}年?$/,
    /^\d{4}年?(以前|之前|前|以后|之后|后)$/,
    /^\d{4}(年(\d{1,2}月)?|-\d{1,2})?$/,
  ];
  const accepted = (s: string): boolean => grammars.some((g) => g.test(fw(s).trim()));

  // Deterministic pseudo-random generator (mulberry32): the same strings every run.
  let seed = 0x9e3779b9;
  const rand = (): number => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pieces = ['1', '2', '9', '0', '00', '19', '90', '1988', '2005', '１', '２', '０', '.', ',', '，', '-', '—', '万', '千', '亿', '八', '十', '零',
    '年', '年代', '前', '以后', '户', '人', '%', '约', ' ', 'a', 'x', '/', '(', '见', '表', '号', 's', 'e', '+', '〇'];
  const strings: string[] = [];
  for (let n = 0; n < 20000; n++) {
    const len = 1 + Math.floor(rand() * 6);
    let s = '';
    for (let k = 0; k < len; k++) s += pieces[Math.floor(rand() * pieces.length)];
    strings.push(s);
  }

  it('holds for 20,000 random mixes of digits, CJK numerals, units and junk', () => {
    const bad = strings.filter((s) => parseNumber(s) !== null && !accepted(s));
    expect(bad.slice(0, 10)).toEqual([]);
    // and the generator does reach the grammars (the property is not vacuous)
    expect(strings.filter((s) => parseNumber(s) !== null).length).toBeGreaterThan(500);
  });

  it('a number found is the one the string spells (digits and separators only → same digits)', () => {
    for (const s of strings) {
      const v = parseNumber(s);
      const t = fw(s).trim();
      if (v !== null && /^\d{1,3}(,\d{3})+$|^\d+$/.test(t)) expect(v).toBe(Number(t.replace(/,/g, '')));
    }
  });
});
