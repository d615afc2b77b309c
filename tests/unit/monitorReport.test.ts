import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { FeatureCollection, Geometry } from 'geojson';
import {
  compareSnapshots, coverageChangeCodes, evaluateTargets, indicatorLabel, indicatorSeries, indicatorValue, indicatorValues, monitorTables,
  readTargets, snapshotValue, takeSnapshot, targetSheet, targetStatus, type Snapshot, type SnapshotComparison, type Target,
} from '../../src/core/monitor';
import { analyzeStudyArea, DEFAULT_STUDY_AREA_SETTINGS } from '../../src/core/studyArea';
import { normalizeLayer, isOld, patchProgramme, programmeStatus, programmeWorks, type LayerKind } from '../../src/core/model';
import { briefingCsv } from '../../src/core/io/export';
import { readTable } from '../../src/core/io';
import { defaultRules } from '../../src/core/rules/defaultRules';

type FC = FeatureCollection<Geometry, Record<string, unknown>>;
const D = path.resolve(__dirname, '../../data/demo');
const demo = (kind: LayerKind): FC => normalizeLayer(JSON.parse(readFileSync(path.join(D, `${kind}.geojson`), 'utf8')), kind) as FC;

// the demo with two 街道: even-numbered communities in 甲街道, odd in 乙街道
const communities = demo('communities');
communities.features.forEach((f, i) => (f.properties = { ...f.properties, subdistrict: i % 2 ? '乙街道' : '甲街道' }));
const layers = { communities, facilities: demo('facilities'), network: demo('network'), parks: demo('parks'), parking: demo('parking') };
const settings = { ...DEFAULT_STUDY_AREA_SETTINGS, mode: 'network' as const };
const result = analyzeStudyArea(layers, defaultRules, settings).result;
const C = result.coverage.communityCount;

/** Σ population × covered ÷ Σ population over the communities `inScope` (population is the demo's weight), in %, by hand. */
function shareByHand(category: string, inScope: (c: number) => boolean): number {
  const k = result.coverage.categoryIds.indexOf(category);
  let num = 0, den = 0;
  for (let c = 0; c < C; c++) {
    if (!inScope(c)) continue;
    den += result.weights.population[c];
    if (result.coverage.ok[k * C + c]) num += result.weights.population[c];
  }
  return Math.round((num / den) * 100_000) / 1000;
}

describe('indicators by scope (issue 14)', () => {
  it('a 街道 and old communities: coverage shares weighted by residents, as worked out by hand', () => {
    const jia = (c: number) => c % 2 === 0;
    expect(indicatorValue('coverage:kindergarten', 'subdistrict:甲街道', result, communities, defaultRules)).toBe(shareByHand('kindergarten', jia));
    expect(indicatorValue('coverage:kindergarten', 'subdistrict:乙街道', result, communities, defaultRules)).toBe(shareByHand('kindergarten', (c) => !jia(c)));
    expect(indicatorValue('coverage:primary_school', 'old', result, communities, defaultRules)).toBe(shareByHand('primary_school', (c) => isOld(communities.features[c].properties, defaultRules)));
    // several at once give the same values as one by one
    const ids = ['coverage:kindergarten', 'complete:15min', 'parking_gap', 'old_with_gaps'];
    const many = indicatorValues(ids, 'subdistrict:甲街道', result, communities, defaultRules);
    for (const id of ids) expect(many[id]).toBe(indicatorValue(id, 'subdistrict:甲街道', result, communities, defaultRules));
  });

  it('snapshots keep every scope; the series runs oldest first with nulls where a snapshot lacks the value', () => {
    const s = takeSnapshot('2025年度', '2025-12-31', communities, layers.facilities, result, defaultRules);
    expect(Object.keys(s.scoped!).sort()).toEqual(['old', 'subdistrict:乙街道', 'subdistrict:甲街道']);
    expect(snapshotValue(s, 'coverage:kindergarten', 'subdistrict:甲街道')).toBe(shareByHand('kindergarten', (c) => c % 2 === 0));
    expect(snapshotValue(s, 'coverage:kindergarten', 'all')).toBe(shareByHand('kindergarten', () => true));
    // an early snapshot without scoped values
    const early: Snapshot = { ...s, label: '2024年度', date: '2024-12-31', scoped: undefined, indicators: { 'coverage:kindergarten': 40 } };
    expect(indicatorSeries([s, early], 'coverage:kindergarten', 'all').map((p) => [p.label, p.value])).toEqual([['2024年度', 40], ['2025年度', s.indicators['coverage:kindergarten']]]);
    expect(indicatorSeries([s, early], 'coverage:kindergarten', 'subdistrict:甲街道').map((p) => p.value)).toEqual([null, s.scoped!['subdistrict:甲街道']['coverage:kindergarten']]);
  });
});

describe('targets against a scoped baseline (issue 14)', () => {
  const base = takeSnapshot('2025年度', '2025-01-01', communities, layers.facilities, result, defaultRules);
  const v = snapshotValue(base, 'coverage:kindergarten', 'subdistrict:甲街道')!;
  it('the 街道 target starts its line at the 街道’s baseline value, not the whole area’s', () => {
    // unchanged since the baseline, half way to a deadline two years on: behind the line; a target already reached: met
    const t: Target[] = [
      { id: 'a', indicator: 'coverage:kindergarten', scope: 'subdistrict:甲街道', value: Math.min(100, v + 10), deadline: '2027-01-01', department: '教育局', note: '' },
      { id: 'b', indicator: 'coverage:kindergarten', scope: 'subdistrict:甲街道', value: v - 1, deadline: '2027-01-01', department: '教育局', note: '' },
    ];
    const rows = evaluateTargets(t, result, communities, defaultRules, base, '2026-01-01');
    expect(rows.map((r) => r.baseline)).toEqual([{ label: '2025年度', date: '2025-01-01', value: v }, { label: '2025年度', date: '2025-01-01', value: v }]);
    expect(rows.map((r) => r.value)).toEqual([v, v]);
    expect(rows.map((r) => r.status)).toEqual(v < 100 ? ['behind', 'met'] : ['met', 'met']);
    expect(rows[0].status).toBe(targetStatus(t[0], v, '2026-01-01', { date: '2025-01-01', value: v }));
  });
  it('without a baseline a target not met is behind', () => {
    const rows = evaluateTargets([{ id: 'a', indicator: 'coverage:kindergarten', scope: 'all', value: 101, deadline: '2030-01-01', department: '', note: '' }], result, communities, defaultRules, null, '2026-01-01');
    expect(rows[0]).toMatchObject({ status: 'behind', baseline: null });
  });
});

describe('the map of coverage changes between snapshots', () => {
  it('codes per community of the layer: gained some, lost some, both, unchanged; communities without id by their place', () => {
    const fc = { type: 'FeatureCollection', features: [{ id: 'x' }, { id: 'y' }, { id: 'z' }, {}].map((p) => ({ type: 'Feature', geometry: null, properties: p })) } as unknown as FC;
    const cmp: SnapshotComparison = {
      indicators: [], facilitiesAdded: [], facilitiesRemoved: [],
      coverage: [{ category: 'kindergarten', gained: ['x', '#3'], lost: [] }, { category: 'clinic', gained: [], lost: ['x', 'y'] }],
    };
    expect(Array.from(coverageChangeCodes(cmp, fc))).toEqual([2, -1, 0, 1]);
  });
});

describe('the check report’s tables and the target sheet (issue 14 §1, §4)', () => {
  const targets: Target[] = [
    { id: 't1', indicator: 'coverage:kindergarten', scope: 'all', value: 90, deadline: '2027-12-31', department: '教育局', note: '新建两所' },
    { id: 't2', indicator: 'parking_gap', scope: 'old', value: 100, deadline: '2026-06-30', department: '住建局', note: '' },
    { id: 't3', indicator: 'complete:15min', scope: 'subdistrict:乙街道', value: 70, deadline: '2028-12-31', department: '自然资源局', note: '' },
  ];
  it('targets with status, changes since the last snapshot, programme by year — Chinese headers', () => {
    const withProgramme = { ...communities, features: communities.features.map((f, i) => (i < 3 ? { ...f, properties: patchProgramme(f.properties, { status: i === 0 ? 'done' : 'planned', year: 2025 + (i > 0 ? 1 : 0), investment: 100 * (i + 1) }) } : f)) };
    const s1 = takeSnapshot('2025年度', '2025-01-01', communities, layers.facilities, result, defaultRules);
    const s2: Snapshot = { ...s1, label: '2026年第一季度', date: '2026-03-31', indicators: { ...s1.indicators, 'coverage:kindergarten': s1.indicators['coverage:kindergarten']! + 5 } };
    const rows = evaluateTargets(targets, result, withProgramme, defaultRules, s1, '2026-01-01');
    const tables = monitorTables(rows, { since: s1.label, cmp: compareSnapshots(s1, s2) }, withProgramme, defaultRules, 'zh-CN');
    expect(tables.map((t) => [t.id, t.name])).toEqual([['targets', '目标考核'], ['changes', '较上期变化'], ['programme', '老旧小区改造计划']]);
    expect(tables[0].columns.map((c) => c.header)).toEqual(['指标', '范围', '基期值', '现状值', '目标值', '期限', '责任部门', '状态', '备注']);
    expect(tables[0].rows[0]).toMatchObject({ indicator: '幼儿园覆盖率（%）', scope: '全域', value: rows[0].value, target: 90, department: '教育局', note: '新建两所' });
    expect(tables[0].rows.map((r) => r.status)).toEqual(rows.map((r) => ({ met: '已达标', on_track: '按进度', behind: '滞后', overdue: '逾期' })[r.status!]));
    expect(tables[0].rows[2].scope).toBe('乙街道');
    expect(tables[1].rows).toEqual([{ indicator: '幼儿园覆盖率（%）', before: s1.indicators['coverage:kindergarten'], after: s2.indicators['coverage:kindergarten'], delta: 5 }]);
    expect(tables[2].rows).toEqual([{ year: 2025, planned: 0, building: 0, done: 1, investment: 100 }, { year: 2026, planned: 2, building: 0, done: 0, investment: 500 }]);
    // nothing to report: no tables
    expect(monitorTables([], null, communities, defaultRules, 'en')).toEqual([]);
  });

  it('the exported sheet reads back as the same targets (CSV with Chinese headers), and names are read as ids', async () => {
    const csv = briefingCsv(targetSheet(targets, defaultRules, 'zh-CN'), 'zh-CN');
    expect(csv.split('\n')[0]).toContain('指标,指标名称,范围,目标值,期限,责任部门,备注');
    const read = await readTable('targets.csv', new TextEncoder().encode(csv));
    if (!read.ok) throw new Error(read.detail);
    const back = readTargets(read.table, defaultRules);
    expect(back.problems).toEqual([]);
    expect(back.targets.map(({ id: _, ...t }) => t)).toEqual(targets.map(({ id: _, ...t }) => t));
    // the name as the app writes it, in either language
    const byName = readTargets({ name: 'x.csv', columns: ['指标', '目标值', '期限'], rows: [
      { 指标: indicatorLabel('complete:15min', defaultRules, 'zh-CN'), 目标值: 50, 期限: '2027' },
      { 指标: indicatorLabel('parking_gap', defaultRules, 'en'), 目标值: 10, 期限: '2027' },
    ] }, defaultRules);
    expect(byName.targets.map((t) => t.indicator)).toEqual(['complete:15min', 'parking_gap']);
  });
});

describe('programme edits (issue 14 §3)', () => {
  it('writes status, year, works and investment as the list writes them; reads them back', () => {
    const p = patchProgramme({ name: '甲小区', programme_works: '加装电梯,绿化提升' }, { status: 'building', year: 2026, works: [...programmeWorks({ programme_works: '加装电梯,绿化提升' }), '适老化改造'], investment: 320.5 });
    expect(p).toEqual({ name: '甲小区', programme_status: '在建', programme_year: 2026, programme_works: '加装电梯、绿化提升、适老化改造', programme_investment: 320.5 });
    expect(programmeStatus(p)).toBe('building');
    expect(programmeWorks(p)).toEqual(['加装电梯', '绿化提升', '适老化改造']);
    expect(programmeStatus(patchProgramme(p, { status: 'none' }))).toBe('none');
  });
});

describe('CLI: the check report’s sheets in --xlsx (issue 14 §4)', () => {
  it('targets and the changes since --compare join the workbook after the briefing’s sheets', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { runCli } = await import('../../scripts/analyze');
    const dir = mkdtempSync(path.join(tmpdir(), 'lc-monitor-xlsx-'));
    const run = async (args: string[]) => {
      let out = '', err = '';
      const code = await runCli(args, { stdout: (t) => void (out += t), stderr: (t) => void (err += t), env: { LANG: 'zh_CN.UTF-8' } });
      return { code, out, err };
    };
    const base = ['--communities', `${D}/communities.geojson`, '--network', `${D}/network.geojson`, '--facilities', `${D}/facilities.geojson`];
    const s1 = path.join(dir, 's1.json');
    expect((await run([...base, '--snapshot-out', s1, '--snapshot-label', '2025年度', '--out', path.join(dir, 'a.geojson')])).code).toBe(0);
    writeFileSync(path.join(dir, 'targets.csv'), '指标,范围,目标值,期限,责任部门\n幼儿园,全域,99,2030,教育局\n');
    const xlsx = path.join(dir, 't.xlsx');
    const b = await run([...base, '--compare', s1, '--targets', path.join(dir, 'targets.csv'), '--xlsx', xlsx, '--lang', 'zh-CN', '--out', path.join(dir, 'b.geojson')]);
    expect(b.code, b.err).toBe(0);
    const summary = JSON.parse(b.out);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const sheet = wb.getWorksheet('目标考核')!;
    expect(sheet).toBeTruthy();
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['指标', '范围', '基期值', '现状值', '目标值', '期限', '责任部门', '状态', '备注']);
    const row = (sheet.getRow(2).values as unknown[]).slice(1);
    expect(row[0]).toBe('幼儿园覆盖率（%）');
    expect(row[3]).toBeCloseTo(summary.targets[0].current, 6);
    expect(row[4]).toBe(99);
    expect(row[7]).toBe(({ met: '已达标', on_track: '按进度', behind: '滞后', overdue: '逾期' } as Record<string, string>)[summary.targets[0].status]);
    // the same data, nothing changed: no changes sheet
    expect(wb.getWorksheet('较上期变化')).toBeUndefined();
  });
});

describe('targets and snapshots in the project file (issue 14)', () => {
  it('round-trip through the project file’s settings: the comparison and the target rows come out the same', async () => {
    const { useStore } = await import('../../src/store/useStore');
    const { currentWorkspaceSettings, settingsPatch } = await import('../../src/store/workspaceSettings');
    const { serializeProject, parseProject } = await import('../../src/core/io/project');
    const s1 = takeSnapshot('2025年度', '2025-12-31', communities, layers.facilities, result, defaultRules);
    const s2: Snapshot = { ...s1, label: '2026年第一季度', date: '2026-03-31', covered: { ...s1.covered, kindergarten: [...s1.covered.kindergarten, 'extra'] } };
    const targets: Target[] = [{ id: 't1', indicator: 'coverage:kindergarten', scope: 'subdistrict:甲街道', value: 90, deadline: '2027-12-31', department: '教育局', note: '' }];
    useStore.setState({ targets, snapshots: [s1, s2] });
    const text = serializeProject({ layers: [], rules: defaultRules, settings: currentWorkspaceSettings(useStore.getState()) as unknown as Record<string, unknown> });
    useStore.setState({ targets: [], snapshots: [] });
    const read = parseProject(text, 'p.lifecircle.json');
    if (!read.ok) throw new Error('project not read');
    const patch = settingsPatch(read.project.settings, useStore.getState());
    expect(patch.targets).toEqual(targets);
    expect(patch.snapshots).toEqual([s1, s2]);
    expect(patch.snapshotPair).toEqual([0, 1]);
    expect(compareSnapshots(patch.snapshots![0], patch.snapshots![1])).toEqual(compareSnapshots(s1, s2));
    expect(evaluateTargets(patch.targets!, result, communities, defaultRules, patch.snapshots![0], '2026-06-30')).toEqual(evaluateTargets(targets, result, communities, defaultRules, s1, '2026-06-30'));
  });
});
