import { describe, expect, it } from 'vitest';
import type { FeatureCollection, Geometry } from 'geojson';
import { applyJoin, planJoin } from '../../src/core/join';
import { programmeProgress, programmeStatus, suggestFieldMapping } from '../../src/core/model';

type FC = FeatureCollection<Geometry | null, Record<string, unknown> | null>;

describe('the renovation programme list (issue 14), joined by the same matcher', () => {
  const layer: FC = { type: 'FeatureCollection', features: ['幸福里小区', '纺织厂宿舍', '红旗新村', '电力家园'].map((name, i) => ({ type: 'Feature', properties: { id: `c${i}`, name }, geometry: null })) };
  const table = {
    name: '2025年老旧小区改造计划.xlsx',
    columns: ['小区名称', '改造状态', '改造年度', '改造内容', '投资（万元）'],
    rows: [
      { 小区名称: '幸福里', 改造状态: '已完成', 改造年度: 2024, 改造内容: '加装电梯;管网', '投资（万元）': 320 },
      { 小区名称: '纺织厂宿舍', 改造状态: '在建', 改造年度: 2025, 改造内容: '适老化', '投资（万元）': 150.5 },
      { 小区名称: '红旗新村（一期）', 改造状态: '计划', 改造年度: '2026年', 改造内容: '停车改造', '投资（万元）': '80' },
      { 小区名称: '不在图上的小区', 改造状态: '计划', 改造年度: 2026, 改造内容: '', '投资（万元）': 10 },
    ],
  };

  it('maps the list’s columns, matches exact, suffix and bracketed names, and lists the missing one', () => {
    const m = suggestFieldMapping(table.columns, 'communities');
    expect([m.programme_status, m.programme_year, m.programme_works, m.programme_investment]).toEqual(['改造状态', '改造年度', '改造内容', '投资（万元）']);
    const plan = planJoin(table.rows.map((r) => ({ name: r['小区名称'] })), layer.features.map((f) => ({ name: f.properties!.name })));
    // 幸福里 = 幸福里小区 and 红旗新村（一期） = 红旗新村 once 小区/新村 and the phase are dropped (unique)
    expect(plan.matches.map((x) => [x.row, x.feature, x.how])).toEqual([[0, 0, 'normalized'], [1, 1, 'exact'], [2, 2, 'normalized']]);
    expect(plan.review).toEqual([]);
    expect(plan.unmatchedRows).toEqual([3]);
    expect(plan.unmatchedFeatures).toEqual([3]);
  });

  it('reads statuses as lists write them and sums progress by year and investment', () => {
    const plan = planJoin(table.rows.map((r) => ({ name: r['小区名称'] })), layer.features.map((f) => ({ name: f.properties!.name })));
    const pairs = [...plan.matches.map(({ row, feature }) => ({ row, feature })), ...plan.review.map((r) => ({ row: r.row, feature: r.candidates[0].feature }))];
    const joined = applyJoin(layer, 'communities', table, pairs).layer;
    expect(joined.features.map((f) => programmeStatus(f.properties))).toEqual(['done', 'building', 'planned', 'none']);
    const p = programmeProgress(joined.features as { properties: Record<string, unknown> | null }[]);
    expect(p.byStatus).toEqual({ none: 1, planned: 1, building: 1, done: 1 });
    expect(p.investment).toBe(550.5);
    expect(p.byYear).toEqual([
      { year: 2024, planned: 0, building: 0, done: 1, investment: 320 },
      { year: 2025, planned: 0, building: 1, done: 0, investment: 150.5 },
      { year: 2026, planned: 1, building: 0, done: 0, investment: 80 },
    ]);
    expect(programmeStatus({ programme_status: 'under construction' })).toBe('building');
    expect(programmeStatus({})).toBe('none');
  });
});
