import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FeatureCollection, Geometry } from 'geojson';
import { compareSnapshots, indicatorValue, readTargets, takeSnapshot, targetStatus } from '../../src/core/monitor';
import { analyzeStudyArea, DEFAULT_STUDY_AREA_SETTINGS } from '../../src/core/studyArea';
import { applyEdits } from '../../src/core/scenario';
import { normalizeLayer, type LayerKind } from '../../src/core/model';
import { defaultRules } from '../../src/core/rules/defaultRules';

type FC = FeatureCollection<Geometry, Record<string, unknown>>;

describe('target status (issue 14, DESIGN §4 Targets), worked by hand', () => {
  // baseline 2025-01-01 at 40 %, target 80 % by 2027-01-01 (730 days); on 2026-01-01 (365 days, half way) the line is at 60 %
  const t = { indicator: 'coverage:kindergarten', value: 80, deadline: '2027-01-01' };
  const base = { date: '2025-01-01', value: 40 };
  it('on track at or above the line, behind below it, met at the target, overdue past the deadline', () => {
    expect(targetStatus(t, 60, '2026-01-01', base)).toBe('on_track');
    expect(targetStatus(t, 59.9, '2026-01-01', base)).toBe('behind');
    expect(targetStatus(t, 80, '2026-01-01', base)).toBe('met');
    expect(targetStatus(t, 79, '2027-01-02', base)).toBe('overdue');
    expect(targetStatus(t, 79, '2027-01-01', base)).toBe('behind');
    expect(targetStatus(t, 50, '2025-01-01', base)).toBe('on_track');
    expect(targetStatus(t, 50, '2026-01-01', null)).toBe('behind');
  });
  it('gaps: lower is better (parking gap 1,000 → 200 spaces)', () => {
    const g = { indicator: 'parking_gap', value: 200, deadline: '2027-01-01' };
    const b = { date: '2025-01-01', value: 1000 };
    expect(targetStatus(g, 600, '2026-01-01', b)).toBe('on_track');
    expect(targetStatus(g, 601, '2026-01-01', b)).toBe('behind');
    expect(targetStatus(g, 150, '2026-01-01', b)).toBe('met');
  });
  it('reads a target sheet with Chinese headers, category names, years and 街道 scopes', () => {
    const r = readTargets({ name: 'targets.csv', columns: ['指标', '范围', '目标值', '期限', '责任部门', '备注'], rows: [
      { 指标: '幼儿园', 范围: '全域', 目标值: '85%', 期限: '2027', 责任部门: '教育局', 备注: '' },
      { 指标: 'complete:15min', 范围: '老旧小区', 目标值: 60, 期限: '2026年6月', 责任部门: '住建局', 备注: '' },
      { 指标: 'parking_gap', 范围: '甲街道', 目标值: 100, 期限: '2026-12-31', 责任部门: '城管局', 备注: '' },
      { 指标: '不知道', 范围: '', 目标值: 1, 期限: '2026', 责任部门: '', 备注: '' },
    ] }, defaultRules);
    expect(r.targets.map((x) => [x.indicator, x.scope, x.value, x.deadline])).toEqual([
      ['coverage:kindergarten', 'all', 85, '2027-12-31'], ['complete:15min', 'old', 60, '2026-06-30'], ['parking_gap', 'subdistrict:甲街道', 100, '2026-12-31'],
    ]);
    expect(r.problems).toEqual([{ row: 5, problem: 'unknown indicator "不知道"' }]);
  });
});

describe('snapshots (issue 14)', () => {
  const demo = (kind: LayerKind): FC => normalizeLayer(JSON.parse(readFileSync(path.resolve(__dirname, '../../data/demo', `${kind}.geojson`), 'utf8')), kind) as FC;
  const layers = { communities: demo('communities'), facilities: demo('facilities'), network: demo('network'), parks: demo('parks'), parking: demo('parking') };
  const settings = { ...DEFAULT_STUDY_AREA_SETTINGS, mode: 'network' as const };

  it('a new kindergarten between two snapshots: the indicator rises, the communities it reaches gain, the facility is added; a re-surveyed id at the same place is not', () => {
    const r1 = analyzeStudyArea(layers, defaultRules, settings).result;
    const s1 = takeSnapshot('2025年度', '2025-12-31', layers.communities, layers.facilities, r1, defaultRules);
    // a community without a kindergarten: one placed at its first vertex
    const C = r1.coverage.communityCount, k = r1.coverage.categoryIds.indexOf('kindergarten');
    const c0 = Array.from({ length: C }, (_, c) => c).find((c) => !r1.coverage.ok[k * C + c])!;
    const at = (layers.communities.features[c0].geometry as { coordinates: number[][][] }).coordinates[0][0] as [number, number];
    const edited = applyEdits(layers, [{ op: 'add', layer: 'facilities', id: 'kg-new', geometry: { type: 'Point', coordinates: at }, properties: { category: 'kindergarten' } }]).layers;
    // and one facility's id re-surveyed (same place and category, new id)
    const fac = edited.facilities!.features.map((f, i) => (i === 0 ? { ...f, properties: { ...f.properties, id: 'resurveyed-0' } } : f));
    const facilities = { ...edited.facilities!, features: fac } as FC;
    const r2 = analyzeStudyArea({ ...edited, facilities }, defaultRules, settings).result;
    const s2 = takeSnapshot('2026年第一季度', '2026-03-31', layers.communities, facilities, r2, defaultRules);
    const d = compareSnapshots(s1, s2);
    const kg = d.indicators.find((x) => x.id === 'coverage:kindergarten')!;
    expect(kg.after! - kg.before!).toBeCloseTo(kg.delta!, 9);
    expect(kg.delta).toBeGreaterThan(0);
    expect(kg.after).toBeCloseTo(indicatorValue('coverage:kindergarten', 'all', r2, layers.communities, defaultRules)!, 9);
    const gained = d.coverage.find((x) => x.category === 'kindergarten')!;
    expect(gained.gained).toContain(String(layers.communities.features[c0].properties.id));
    expect(gained.lost).toEqual([]);
    expect(d.facilitiesAdded.map((f) => f[0])).toEqual(['kg-new']);
    expect(d.facilitiesRemoved).toEqual([]);
    // round trip through JSON (project files, the CLI's --snapshot-out)
    expect(compareSnapshots(JSON.parse(JSON.stringify(s1)), JSON.parse(JSON.stringify(s2)))).toEqual(d);
  });
});

describe('CLI --targets, --snapshot-out and --compare (issue 14)', () => {
  it('writes a snapshot; a later run compares with it and rates each target against the line from it', async () => {
    const { mkdtempSync, writeFileSync, readFileSync: read } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { runCli } = await import('../../scripts/analyze');
    const dir = mkdtempSync(path.join(tmpdir(), 'lc-monitor-'));
    const D = path.resolve(__dirname, '../../data/demo');
    const run = async (args: string[]) => {
      let out = '', err = '';
      const code = await runCli(args, { stdout: (t) => void (out += t), stderr: (t) => void (err += t), env: { LANG: 'en_US.UTF-8' } });
      return { code, out, err };
    };
    const base = ['--communities', `${D}/communities.geojson`, '--network', `${D}/network.geojson`];
    const s1 = path.join(dir, 's1.json');
    const a = await run([...base, '--facilities', `${D}/facilities.geojson`, '--snapshot-out', s1, '--snapshot-label', '2025年度', '--out', path.join(dir, 'a.geojson')]);
    expect(a.code, a.err).toBe(0);
    expect(JSON.parse(read(s1, 'utf8'))).toMatchObject({ label: '2025年度', inputs: { communities: 217 } });
    // a kindergarten more, at the first community's first vertex
    const fac = JSON.parse(read(`${D}/facilities.geojson`, 'utf8'));
    const com = JSON.parse(read(`${D}/communities.geojson`, 'utf8'));
    fac.features.push({ type: 'Feature', properties: { id: 'kg-2026', name: '新幼儿园', category: 'kindergarten' }, geometry: { type: 'Point', coordinates: com.features[0].geometry.coordinates[0][0] } });
    writeFileSync(path.join(dir, 'fac2.geojson'), JSON.stringify(fac));
    writeFileSync(path.join(dir, 'targets.csv'), '指标,范围,目标值,期限,责任部门\n幼儿园,全域,99,2030,教育局\n幼儿园,全域,1,2030,教育局\n');
    const b = await run([...base, '--facilities', path.join(dir, 'fac2.geojson'), '--compare', s1, '--targets', path.join(dir, 'targets.csv'), '--out', path.join(dir, 'b.geojson')]);
    expect(b.code, b.err).toBe(0);
    const s = JSON.parse(b.out);
    expect(s.comparison.since).toEqual({ label: '2025年度', date: expect.any(String) });
    expect(s.comparison.facilitiesAdded.map((f: unknown[]) => f[0])).toEqual(['kg-2026']);
    const kg = s.comparison.indicators.find((x: { id: string }) => x.id === 'coverage:kindergarten');
    expect(kg.delta).toBeGreaterThanOrEqual(0);
    expect(s.targets.map((t: { status: string }) => t.status)).toEqual([expect.stringMatching(/^(behind|on_track)$/), 'met']);
    expect(s.targets[0]).toMatchObject({ indicator: 'coverage:kindergarten', value: 99, department: '教育局', baseline: { value: kg.before } });
  });
});
