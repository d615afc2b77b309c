/**
 * One pipeline (issue 10): the app — its importer with the dialog's suggestions accepted, the
 * analysis worker's engine, the weight sliders' renovation score and its "communities with
 * analysis" export — and the CLI give the same per-community output, field by field, on the demo
 * and on a fixture with Chinese and English category synonyms, aliased fields and estimated
 * population.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { runCli } from '../../scripts/analyze';
import { ImportEngine } from '../../src/worker/importEngine';
import { AnalysisEngine } from '../../src/worker/analysisEngine';
import { DEFAULT_STUDY_AREA_SETTINGS, studyAreaRenovation } from '../../src/core/studyArea';
import { communityResultAttributes } from '../../src/core/io/export/communityAttributes';
import { exportGeoJson } from '../../src/core/io/export/exportGeoJson';
import { matchCategoryValue } from '../../src/core/io/matchCategoryValue';
import { suggestFieldMapping, type LayerKind } from '../../src/core/model';
import { normalizeLayer } from '../../src/core/model/normalize';
import { defaultRules } from '../../src/core/rules/defaultRules';
import type { ImportChoices } from '../../src/core/io/applyImportChoices';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const tmp = mkdtempSync(path.join(tmpdir(), 'lc-one-pipeline-'));
type FC = FeatureCollection<Geometry, Record<string, unknown>>;
type Props = Record<string, unknown>;

async function cli(args: string[]): Promise<Props[]> {
  let stderr = '';
  const out = path.join(tmp, `cli-${Math.random().toString(36).slice(2)}.geojson`);
  const code = await runCli([...args, '--out', out], { stdout: () => {}, stderr: (t) => void (stderr += t), env: { LANG: 'en_US.UTF-8' } });
  expect(code, stderr).toBe(0);
  return JSON.parse(readFileSync(out, 'utf8')).features.map((f: Feature) => f.properties);
}

/** The app's import of one file with the dialog's suggestions accepted (ImportDialog's defaults). */
async function appImport(file: string, kind: LayerKind): Promise<FC> {
  const engine = new ImportEngine();
  const bytes = readFileSync(file);
  const opened = await engine.open(path.basename(file), bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer, defaultRules);
  if (opened.type !== 'layer') throw new Error(`${file}: not a layer`);
  const preview = opened.preview;
  const mapping = suggestFieldMapping(preview.columns.map((c) => c.key), kind);
  const choices: ImportChoices = { kind, mapping };
  if (kind === 'facilities') {
    const column = preview.columns.find((c) => c.key === mapping.category);
    const values: Record<string, string | null> = {};
    for (const d of column?.distinct ?? []) values[d.value] = matchCategoryValue(d.value, defaultRules.categories);
    choices.category = { mode: 'values', values };
  }
  return engine.finish(choices).fc;
}

/** The app: the worker's engine, the sliders' score (default weights) and the export menu's attributes. */
async function appOutput(layers: { communities: FC; facilities: FC; network: FC; parks?: FC; parking?: FC }): Promise<Props[]> {
  const engine = new AnalysisEngine();
  engine.setData({ parks: null, parking: null, ...layers });
  const answer = (await engine.run(defaultRules, { ...DEFAULT_STUDY_AREA_SETTINGS }))!;
  const renovation = studyAreaRenovation(layers.communities, answer, defaultRules);
  const text = exportGeoJson(layers.communities, { attributes: (_f, c) => communityResultAttributes({ ...answer, renovation }, c) });
  return JSON.parse(text).features.map((f: Feature) => f.properties);
}

function expectSameFieldByField(app: Props[], byCli: Props[]): void {
  expect(byCli).toHaveLength(app.length);
  app.forEach((a, c) => {
    const b = byCli[c];
    expect(Object.keys(b).sort(), `community ${c}: fields`).toEqual(Object.keys(a).sort());
    for (const k of Object.keys(a)) expect(b[k], `community ${c} "${a.name ?? a.id}": ${k}`).toEqual(a[k]);
  });
}

const fixture = (name: string, value: unknown): string => {
  const file = path.join(tmp, name);
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
};
const square = (x: number, y: number, d = 0.0004): Geometry => ({
  type: 'Polygon',
  coordinates: [[[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]],
});

describe('one pipeline: the app and the CLI give the same numbers', () => {
  it('on the demo, every exported community field', async () => {
    const demo = (kind: LayerKind) => path.join(root, 'data/demo', `${kind}.geojson`);
    // the app loads the demo through normalizeLayer (store/loadDemo)
    const layer = (kind: LayerKind) => normalizeLayer(JSON.parse(readFileSync(demo(kind), 'utf8')), kind) as FC;
    const app = await appOutput({ communities: layer('communities'), facilities: layer('facilities'), network: layer('network'), parks: layer('parks'), parking: layer('parking') });
    const byCli = await cli(['--communities', demo('communities'), '--facilities', demo('facilities'), '--network', demo('network'), '--parks', demo('parks'), '--parking', demo('parking')]);
    expectSameFieldByField(app, byCli);
    // the comparison is not empty: the demo is analysed, with estimates and old communities
    expect(app.length).toBeGreaterThan(50);
    expect(app.some((p) => p.population_estimated === true)).toBe(true);
    expect(app.some((p) => p.is_old === true && typeof p.score === 'number')).toBe(true);
    expect(app.some((p) => p.ok_kindergarten === true) && app.some((p) => p.ok_kindergarten === false)).toBe(true);
  });

  it('with Chinese and English category synonyms, aliased fields and estimated population', async () => {
    // A street along the equator (0.0001° = 11.1195 m); communities north of it, facilities south.
    const network = fixture('net.geojson', {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { 名称: '解放路' }, geometry: { type: 'LineString', coordinates: Array.from({ length: 41 }, (_, i) => [i * 0.0005, 0]) } }],
    });
    const communities = fixture('xq.geojson', {
      type: 'FeatureCollection',
      features: [
        // households only → population estimated (320 × 2.8 = 896); 1988 → old
        { type: 'Feature', properties: { 小区名称: '静淑苑', 总户数: '320户', 建成年代: '1988年', 车位数: 40 }, geometry: square(0.001, 0.0001) },
        // a stated population; 1990年代 → 1995, old
        { type: 'Feature', properties: { 小区名称: '双泉嘉苑', 总户数: 540, 常住人口: '1,500', 建成年代: '90年代' }, geometry: square(0.006, 0.0001) },
        // new; nothing about people → weight unknown
        { type: 'Feature', properties: { 小区名称: '锦绣华庭', 建成年代: 2012 }, geometry: square(0.012, 0.0001) },
      ],
    });
    const facilities = fixture(
      'poi.csv',
      [
        '名称,类别,经度,纬度',
        '阳光幼儿园,幼儿园,0.0015,-0.0001',
        'Sunny KG,Kindergarten,0.0120,-0.0001',
        'No. 1 Primary,primary,0.0030,-0.0001',
        '实验小学,科教文化服务;学校;小学,0.0150,-0.0001',
        '菜场,菜市场,0.0060,-0.0001',
        '社区停车场,停车场,0.0070,-0.0001',
        '卫生站,社区卫生服务站,0.0100,-0.0001',
        '饭店,餐饮服务;中餐厅,0.0050,-0.0001',
      ].join('\n'),
    );
    const parks = fixture('parks.geojson', { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { 名称: '街心公园' }, geometry: square(0.008, -0.0012, 0.001) }] });
    const parking = fixture('parking.geojson', { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { 名称: 'P1', 泊位数: 60 }, geometry: { type: 'Point', coordinates: [0.002, -0.0001] } }] });

    const app = await appOutput({
      communities: await appImport(communities, 'communities'),
      facilities: await appImport(facilities, 'facilities'),
      network: await appImport(network, 'network'),
      parks: await appImport(parks, 'parks'),
      parking: await appImport(parking, 'parking'),
    });
    const byCli = await cli(['--communities', communities, '--facilities', facilities, '--network', network, '--parks', parks, '--parking', parking]);
    expectSameFieldByField(app, byCli);

    // and the numbers are the hand-computed ones, not merely equal
    const [a, b, c] = byCli;
    expect(a).toMatchObject({ name: '静淑苑', households: 320, population: 896, population_estimated: true, is_old: true, built_year: 1988 });
    expect(b).toMatchObject({ name: '双泉嘉苑', population: 1500, population_estimated: false, is_old: true, built_year: 1995 });
    expect(c).toMatchObject({ name: '锦绣华庭', population: null, is_old: false, score: null });
    // Each community walks from its centroid (x + 0.0002, 0.0003) to the street, along it, and 0.0001° to the facility.
    // 幼儿园 (0.0015) from 静淑苑 (0.0012): 0.0003 + 0.0003 + 0.0001 = 0.0007° = 77.8 m
    expect(a.dist_kindergarten).toBeCloseTo(77.8, 1);
    // "Kindergarten" (0.012) serves 锦绣华庭 (0.0122): 0.0003 + 0.0002 + 0.0001 = 0.0006° = 66.7 m
    expect(c.dist_kindergarten).toBeCloseTo(66.7, 1);
    // "primary" (0.003) → primary_school, from 静淑苑: 0.0003 + 0.0018 + 0.0001 = 0.0022° = 244.6 m
    expect(a.dist_primary_school).toBeCloseTo(244.6, 1);
    // Amap path "科教文化服务;学校;小学" (0.015) → primary_school, from 锦绣华庭: 0.0003 + 0.0028 + 0.0001 = 0.0032° = 355.8 m
    expect(c.dist_primary_school).toBeCloseTo(355.8, 1);
    // 停车场 → parking_public (0.007), from 双泉嘉苑 (0.0062): 0.0003 + 0.0008 + 0.0001 = 0.0012° = 133.4 m
    expect(b.dist_parking_public).toBeCloseTo(133.4, 1);
    // 餐饮服务;中餐厅 is no category: nothing new appears
    expect(Object.keys(a).filter((k) => k.startsWith('dist_'))).toHaveLength(defaultRules.categories.length);
  });
});
