import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { unzipSync, strFromU8 } from 'fflate';
import type { FeatureCollection, Geometry } from 'geojson';
import { analyzeStudyArea, DEFAULT_STUDY_AREA_SETTINGS } from '../../src/core/studyArea';
import { attributeDictionary, briefingCsv, briefingTables, briefingWorkbook, bundleReadme, zipBundle } from '../../src/core/io/export';
import { defaultRules } from '../../src/core/rules/defaultRules';
import { normalizeLayer } from '../../src/core/model';

type FC = FeatureCollection<Geometry, Record<string, unknown>>;
const pt = (lon: number, props: Record<string, unknown>) => ({ type: 'Feature' as const, properties: props, geometry: { type: 'Point' as const, coordinates: [lon, 32] } });
const rules = { ...defaultRules, categories: defaultRules.categories.filter((c) => c.id === 'kindergarten' || c.id === 'primary_school').map((c) => ({ ...c, radius_m: 300, mandatory: true })) };
const settings = { ...DEFAULT_STUDY_AREA_SETTINGS, mode: 'euclidean' as const };
// 街道 甲: A (covered by both), B (kindergarten only); 街道 乙: C (neither); D has no 街道
const communities = normalizeLayer({ type: 'FeatureCollection', features: [
  pt(118, { name: 'A', 街道: '甲街道', 户数: 100 }), pt(118.002, { name: 'B', 街道: '甲街道', 户数: 300 }),
  pt(118.05, { name: 'C', 街道: '乙街道', 户数: 200 }), pt(118.1, { name: 'D', 户数: 50 }),
] } as FC, 'communities') as FC;
const facilities: FC = { type: 'FeatureCollection', features: [pt(118.001, { category: 'kindergarten' }), pt(117.999, { category: 'primary_school' })] };

describe('tables by administrative unit, the workbook and the bundle (issue 12)', () => {
  const result = analyzeStudyArea({ communities, facilities }, rules, settings).result;
  const tables = briefingTables(communities, result, rules, 'zh-CN');

  it('aggregates per 街道 with population-weighted rates that add up to the area', () => {
    const units = tables.find((t) => t.id === 'units')!;
    expect(units.name).toBe('街道汇总');
    expect(units.rows.map((r) => r.unit)).toEqual(['甲街道', '乙街道', '（未注明街道）']);
    const jia = units.rows[0];
    // A 100 households (280 residents) and B 300 (840): the kindergarten (94 m from both) and the
    // primary school (94 m from A, 283 m from B) cover both; C, 4.7 km off, has neither
    expect(jia).toMatchObject({ communities: 2, households: 400, population: 1120, rate_kindergarten: 100, rate_primary_school: 100 });
    expect(units.rows[1]).toMatchObject({ unit: '乙街道', communities: 1, rate_kindergarten: 0, with_gaps: 1 });
    expect(units.rows.reduce((a, r) => a + (r.communities as number), 0)).toBe(4);
    const cats = tables.find((t) => t.id === 'categories')!;
    expect(cats.columns.map((c) => c.header)).toContain('覆盖率(人口%)');
    const list = tables.find((t) => t.id === 'communities')!;
    expect(list.rows.map((r) => r.subdistrict)).toEqual(['甲街道', '甲街道', '乙街道', null]);
    const gaps = tables.find((t) => t.id === 'gaps')!;
    // one row per community and level with a missing mandatory category: C and D, at both levels
    expect(gaps.rows.filter((r) => r.name === 'C').map((r) => r.missing)).toEqual(['幼儿园', '小学']);
  });

  it('writes Excel with Chinese headers, number formats, a frozen header row and an autofilter; CSV with BOM', async () => {
    const bytes = await briefingWorkbook(tables, { title: '生活圈体检', date: '2026-12-07', lines: ['规则集：GB 50180-2018'], attribution: null }, 'zh-CN');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['说明', '街道汇总', '分类覆盖', '小区明细', '缺项清单']);
    const ws = wb.getWorksheet('街道汇总')!;
    expect(ws.getRow(1).getCell(1).value).toBe('街道/乡镇');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBeTruthy();
    expect(ws.getColumn(3).numFmt).toBe('#,##0');
    expect(ws.getRow(2).getCell(1).value).toBe('甲街道');
    const csv = briefingCsv(tables[1], 'zh-CN');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.split('\r\n')[0]).toContain('服务半径(米)');
    expect(csv).toContain(',是,');
  });

  it('bundles the files with a bilingual README whose attribute dictionary names every output field', () => {
    const zh = attributeDictionary(rules, 'zh-CN'), en = attributeDictionary(rules, 'en');
    expect(zh.map((e) => e.field)).toEqual(expect.arrayContaining(['dist_kindergarten', 'ok_kindergarten', 'parking_gap', 'score', 'population']));
    const readme = bundleReadme([{ name: 'tables.xlsx', en: 'tables', zh: '统计表' }], zh, en, { title: 'T', date: 'd', lines: [], attribution: '© OpenStreetMap contributors' });
    const zip = zipBundle({ 'README.md': readme, 'tables.csv': briefingCsv(tables[0], 'zh-CN') });
    const files = unzipSync(zip);
    expect(Object.keys(files).sort()).toEqual(['README.md', 'tables.csv']);
    const text = strFromU8(files['README.md']);
    expect(text).toContain('| ok_kindergarten | 幼儿园在服务半径内 | true/false | ≤ 300 m');
    expect(text).toContain('## Attribute dictionary');
    expect(text).toContain('© OpenStreetMap contributors');
  });
});

describe('CLI --xlsx and --bundle (issue 12)', () => {
  it('writes the workbook and a bundle with every file the README lists, in the UI language', async () => {
    const { mkdtempSync, readFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const { runCli } = await import('../../scripts/analyze');
    const dir = mkdtempSync(path.join(tmpdir(), 'lc-bundle-'));
    const D = path.resolve(__dirname, '../../data/demo');
    const xlsx = path.join(dir, 't.xlsx'), zip = path.join(dir, 'b.zip'), out = path.join(dir, 'o.geojson');
    let err = '';
    const code = await runCli(['--communities', `${D}/communities.geojson`, '--facilities', `${D}/facilities.geojson`, '--network', `${D}/network.geojson`, '--xlsx', xlsx, '--bundle', zip, '--lang', 'zh-CN', '--out', out], { stdout: () => {}, stderr: (t) => void (err += t), env: {} });
    expect(code, err).toBe(0);
    expect(err).toContain('统计表已写入');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(xlsx).buffer as ArrayBuffer);
    const list = wb.getWorksheet('小区明细')!;
    expect(list.rowCount).toBe(1 + 217);
    const files = unzipSync(new Uint8Array(readFileSync(zip)));
    expect(Object.keys(files).sort()).toEqual(['README.md', 'categories.csv', 'communities.csv', 'communities.geojson', 'facilities.geojson', 'gaps.csv', 'summary.json', 'tables.xlsx', 'units.csv']);
    const readme = strFromU8(files['README.md']);
    for (const f of Object.keys(files)) if (f !== 'README.md') expect(readme).toContain(`\`${f}\``);
    const fc = JSON.parse(strFromU8(files['communities.geojson']));
    expect(fc.features.length).toBe(217);
    expect(fc.features[0].properties).toHaveProperty('dist_kindergarten');
  });
});
