import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { FeatureCollection, Geometry } from 'geojson';
import { assignUnits, unitNames } from '../../src/core/analysis/units';
import { representativePoint } from '../../src/core/analysis/points/representativePoint';
import { normalizeLayer } from '../../src/core/model';
import { guessLayerKind } from '../../src/core/io/guessLayerKind';

type FC = FeatureCollection<Geometry | null, Record<string, unknown> | null>;
const box = (x0: number, y0: number, x1: number, y1: number, props: Record<string, unknown>) => ({
  type: 'Feature' as const, properties: props,
  geometry: { type: 'Polygon' as const, coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] },
});
const fc = (features: unknown[]) => ({ type: 'FeatureCollection', features }) as FC;

describe('administrative units from a polygon layer (issue 12 §3)', () => {
  it('reads a 街道 polygon’s name, a 社区 polygon’s 社区 and 所属街道', () => {
    expect(unitNames({ name: '东街道' })).toEqual({ subdistrict: '东街道', neighborhood: null });
    expect(unitNames({ name: '枫林社区', neighborhood: '枫林社区', subdistrict: '东街道' })).toEqual({ subdistrict: '东街道', neighborhood: '枫林社区' });
    expect(unitNames({ name: '枫林社区', neighborhood: '枫林社区' })).toEqual({ subdistrict: null, neighborhood: '枫林社区' });
    // the importer maps the usual column names onto these
    const units = normalizeLayer({ type: 'FeatureCollection', features: [box(0, 0, 1, 1, { 街道名称: '西街道', 区划代码: '001' })] } as never, 'units') as FC;
    expect(units.features[0]!.properties).toMatchObject({ subdistrict: '西街道', id: '001' });
  });

  it('the importer proposes the units kind for a 街道 file, or polygons named …街道 / …镇 without households', () => {
    const two = fc([box(0, 0, 1, 1, { name: '城关镇' }), box(1, 0, 2, 1, { name: '东城街道' })]) as never;
    expect(guessLayerKind(two, 'units.geojson').guess).toBe('units');
    expect(guessLayerKind(fc([box(0, 0, 1, 1, { name: '甲' })]) as never, '街道区划.geojson').guess).toBe('units');
    // a community file stays communities
    expect(guessLayerKind(fc([box(0, 0, 1, 1, { name: '幸福小区', 户数: 300 })]) as never, 'xiaoqu.geojson').guess).toBe('communities');
  });

  it('each community takes the unit holding its representative point; its own names stay; outside ones are counted', () => {
    const units = fc([box(0, 0, 1, 1, { subdistrict: '西街道' }), box(1, 0, 2, 1, { subdistrict: '东街道', neighborhood: '东一社区' })]);
    const communities = fc([
      box(0.1, 0.1, 0.3, 0.3, { id: 'a' }),
      box(1.1, 0.1, 1.3, 0.3, { id: 'b' }),
      box(1.1, 0.5, 1.3, 0.7, { id: 'c', subdistrict: '自报街道' }),
      box(3, 3, 3.2, 3.2, { id: 'd' }),
      { type: 'Feature', properties: { id: 'e' }, geometry: { type: 'Point', coordinates: [0.5, 0.9] } },
    ]);
    const r = assignUnits(communities, units);
    expect(r.fc.features.map((f) => [f!.properties!.subdistrict ?? null, f!.properties!.neighborhood ?? null])).toEqual([
      ['西街道', null], ['东街道', '东一社区'], ['自报街道', '东一社区'], [null, null], ['西街道', null],
    ]);
    expect([r.assigned, r.kept, r.outside]).toEqual([4, 0, 1]);
    // the input is not changed
    expect(communities.features[0]!.properties).toEqual({ id: 'a' });
  });

  it('CLI --units: the tables by 街道 count the communities on each side, as worked out from their points', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { runCli } = await import('../../scripts/analyze');
    const D = path.resolve(__dirname, '../../data/demo');
    const com = JSON.parse(readFileSync(path.join(D, 'communities.geojson'), 'utf8')) as FC;
    const pts = com.features.map((f) => representativePoint(f!.geometry)!);
    const lons = pts.map((p) => p[0]).sort((a, b) => a - b);
    const split = (lons[100] + lons[101]) / 2;
    const [x0, x1] = [lons[0] - 0.01, lons.at(-1)! + 0.01];
    const lats = pts.map((p) => p[1]);
    const [y0, y1] = [Math.min(...lats) - 0.01, Math.max(...lats) + 0.01];
    const dir = mkdtempSync(path.join(tmpdir(), 'lc-units-'));
    writeFileSync(path.join(dir, 'units.geojson'), JSON.stringify(fc([box(x0, y0, split, y1, { 街道名称: '西街道' }), box(split, y0, x1, y1, { 街道名称: '东街道' })])));
    let out = '', err = '';
    const code = await runCli(['--communities', `${D}/communities.geojson`, '--facilities', `${D}/facilities.geojson`, '--network', `${D}/network.geojson`,
      '--units', path.join(dir, 'units.geojson'), '--xlsx', path.join(dir, 't.xlsx'), '--lang', 'zh-CN', '--out', path.join(dir, 'o.geojson')],
    { stdout: (t) => void (out += t), stderr: (t) => void (err += t), env: {} });
    expect(code, err).toBe(0);
    expect(JSON.parse(out).units).toMatchObject({ assigned: 217, kept: 0, outside: 0 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 't.xlsx'));
    const sheet = wb.getWorksheet('街道汇总')!;
    const rows = new Map<string, number>();
    sheet.eachRow((r, i) => { if (i > 1) rows.set(String(r.getCell(1).value), Number(r.getCell(2).value)); });
    const west = pts.filter((p) => p[0] < split).length;
    expect(Object.fromEntries(rows)).toEqual({ 西街道: west, 东街道: 217 - west });
    // the output carries each community's 街道
    const o = JSON.parse(readFileSync(path.join(dir, 'o.geojson'), 'utf8')) as FC;
    expect(o.features.filter((f) => f!.properties!.subdistrict === '西街道').length).toBe(west);
  });
});
