import { isOld } from '../../../src/core/model/oldCommunity';
import { describe, expect, it } from 'vitest';
import { readLayerFile } from '../../../src/core/io';
import { repairQuotes } from '../../../src/core/io/csv/repairQuotes';
import { ImportEngine } from '../../../src/worker/importEngine';
import { defaultRules } from '../../../src/core/rules/defaultRules';

// Issue 9 items 1, 2, 10, 14 through the importer the app and the CLI share.

const facilitiesCsv = (quoteRow: number | null, n = 200): string =>
  ['id,name,category,lon,lat', ...Array.from({ length: n }, (_, k) =>
    `F${k + 1},${k === quoteRow ? '"' : ''}设施${k + 1},kindergarten,116.35,${(40 + k * 0.00001).toFixed(5)}`)].join('\n') + '\n';

describe('CSV: a stray quote never drops the rows after it (item 1)', () => {
  it('200 rows with an unterminated quote in the 11th data row: 200 features, the line named in both languages', async () => {
    const r = await readLayerFile('f.csv', facilitiesCsv(10), { kind: 'facilities' });
    expect(r.ok).toBe(true);
    expect(r.features.features).toHaveLength(200);
    expect(r.features.features[10]?.properties?.name).toBe('设施11');
    expect(r.features.features[199]?.properties?.id).toBe('F200');
    const w = r.warnings.find((i) => i.code === 'csv-broken-quote');
    expect(w?.message_en).toBe('f.csv: line 12: a quote (") opens a field that swallows 190 following line(s) holding whole rows; the quote was ignored and those rows were read.');
    expect(w?.message_zh).toContain('第 12 行');
    expect(w?.hint_en).toContain('line 12');
    expect(r.warnings.map((i) => i.code)).not.toContain('csv-row-count');
  });

  it('a quote closed many rows later by another quoted cell is broken too; the later cell reads as written', async () => {
    const rows = facilitiesCsv(3, 20).split('\n');
    rows[15] = 'F15,"设施, 北",kindergarten,116.35,40.00014';
    const r = await readLayerFile('g.csv', rows.join('\n'), { kind: 'facilities' });
    expect(r.features.features).toHaveLength(20);
    expect(r.features.features[14]?.properties?.name).toBe('设施, 北');
    expect(r.warnings.find((i) => i.code === 'csv-broken-quote')?.params?.line).toBe(5);
  });

  it('a real multi-line cell (an address on two lines) is data, not a broken quote', async () => {
    const r = await readLayerFile('h.csv', 'name,addr,lon,lat\nA,"学院路1号\n2单元",116.35,40\n\nB,x,116.351,40\n');
    expect(r.features.features.map((f) => f.properties?.addr)).toEqual(['学院路1号\n2单元', 'x']);
    expect(r.warnings).toEqual([]);
    expect(repairQuotes('name,addr\nA,"1\n2"\nB,x\n', ',').recordLines).toEqual([1, 2, 4]);
  });

  it('no false alarm on files that are fine: blank and delimiter-only lines, "" cells, CR-only line ends, no final line break', async () => {
    const fine = [
      'name,lon,lat\nA,116.35,40\n"",""\nB,116.36,40\n',
      'name,lon,lat\nA,116.35,40\n,,\n  \nB,116.36,40\n',
      'name,lon,lat\rA,116.35,40\rB,116.36,40\r',
      'name,note,lon,lat\nA,"a, b\nc",116.35,40\n\n\nB,x,116.36,40\n',
      'name,lon,lat\nA,116.35,40\nB,116.36,40',
    ];
    for (const text of fine) {
      const r = await readLayerFile('ok.csv', text);
      expect(r.features.features, text).toHaveLength(2);
      expect(r.warnings, text).toEqual([]);
    }
  });

  it('rows read are checked against the records in the file, the missing lines named (CRLF file with one bare LF)', async () => {
    const r = await readLayerFile('m.csv', 'name,lon,lat\r\nA,116.35,40\r\nB,116.351,40\nC,116.352,40\r\nD,116.353,40\r\n');
    const w = r.warnings.find((i) => i.code === 'csv-row-count');
    expect(w?.params).toMatchObject({ expected: 4, read: 3, missing: 1, lines: '4' });
    expect(w?.message_en).toContain('lines 4');
    expect(w?.message_zh).toContain('第 4 行');
  });
});

describe('UTF-16 without a byte-order mark (item 14)', () => {
  const text = '名称,经度,纬度\n幼儿园,116.35,40\n小学,116.351,40.001\n';
  const utf16 = (be: boolean): Uint8Array => {
    const out = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) {
      out[2 * i + (be ? 1 : 0)] = text.charCodeAt(i) & 0xff;
      out[2 * i + (be ? 0 : 1)] = text.charCodeAt(i) >> 8;
    }
    return out;
  };
  for (const be of [false, true]) {
    it(`${be ? 'big' : 'little'}-endian is read as text with its names`, async () => {
      const r = await readLayerFile(be ? 'be.csv' : 'le.csv', utf16(be));
      expect(r.ok).toBe(true);
      expect(r.detected.encoding).toBe(be ? 'utf-16be' : 'utf-16le');
      expect(r.features.features.map((f) => f.properties?.['名称'])).toEqual(['幼儿园', '小学']);
      expect(r.errors).toEqual([]);
    });
  }
});

describe('values: Chinese numbers, impossible values and duplicate ids (items 2, 10)', () => {
  const sq = (x: number): number[][][] => [[[x, 40], [x + 0.001, 40], [x + 0.001, 40.001], [x, 40.001], [x, 40]]];
  const fc = {
    type: 'FeatureCollection',
    features: [
      { 小区编号: 'A', 小区名称: '甲', 总户数: '1.2万户', 建成年代: '八十年代' },
      { 小区编号: 'A', 小区名称: '乙', 总户数: -5, 建成年代: 1700 },
      { 小区编号: 'B', 小区名称: '丙', 总户数: '１，２００', 建成年代: '1990年前' },
      { 小区编号: 'C', 小区名称: '丁', 总户数: '约八百', 建成年代: '00年代' },
    ].map((properties, i) => ({ type: 'Feature', properties, geometry: { type: 'Polygon', coordinates: sq(116.35 + i * 0.002) } })),
  };

  it('the app importer: warnings in the dialog preview, canonical values after the dialog', async () => {
    const e = new ImportEngine();
    const opened = await e.open('xq.geojson', new TextEncoder().encode(JSON.stringify(fc)).buffer as ArrayBuffer, { categories: defaultRules.categories, parks: defaultRules.parks });
    if (opened.type !== 'layer') throw new Error('expected a layer');
    const codes = opened.preview.warnings.map((w) => w.code);
    expect(codes).toEqual(expect.arrayContaining(['count-negative', 'year-out-of-range', 'value-unreadable', 'year-range', 'duplicate-ids']));
    const dup = opened.preview.warnings.find((w) => w.code === 'duplicate-ids');
    expect(dup?.message_zh).toBe('xq.geojson：“小区编号”中有 1 个编号重复："A" ×2。');
    const neg = opened.preview.warnings.find((w) => w.code === 'count-negative');
    expect(neg?.message_en).toBe('xq.geojson, feature 2: 1 feature(s) have a negative "总户数" (first "乙": "-5"); the value is kept as unknown.');
    const unread = opened.preview.warnings.find((w) => w.code === 'value-unreadable');
    expect(unread?.message_zh).toContain('“约八百”');

    const out = e.finish({ kind: 'communities' });
    const p = out.fc.features.map((f) => f.properties);
    expect(p.map((x) => x.households)).toEqual([12000, null, 1200, null]);
    expect(p.map((x) => x.built_year)).toEqual([1985, null, 1989, 2005]);
    expect(p.map((x) => isOld(x))).toEqual([true, false, true, false]);
    expect(p.map((x) => x.name)).toEqual(['甲', '乙', '丙', '丁']);
    // originals kept
    expect(p[1]).toMatchObject({ 总户数: null, 总户数_raw: -5, 建成年代_raw: 1700 });
    expect(p[0]?.built_year_range).toBe('1980-1989');
    expect(p[2]?.built_year_before).toBe(1990);
  });
});
