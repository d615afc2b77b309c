import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FeatureCollection, Geometry } from 'geojson';
import { DEFAULT_STUDY_AREA_SETTINGS, StudyArea } from '../../src/core/studyArea';
import { normalizeLayer, type LayerKind } from '../../src/core/model';
import { defaultRules } from '../../src/core/rules/defaultRules';
import { haversine, multiSourceDijkstra, createDijkstraWorkspace } from '../../src/core/network';
import { surfaceFeatures, surfaceGrid } from '../../src/core/analysis/surface';

type FC = FeatureCollection<Geometry, Record<string, unknown>>;
const demo = (kind: LayerKind): FC => normalizeLayer(JSON.parse(readFileSync(path.resolve(__dirname, '../../data/demo', `${kind}.geojson`), 'utf8')), kind) as FC;
const settings = { ...DEFAULT_STUDY_AREA_SETTINGS, mode: 'network' as const };

describe('accessibility surface (issue 13)', () => {
  const layers = { communities: demo('communities'), facilities: demo('facilities'), network: demo('network') };
  const area = new StudyArea(layers);
  area.analyze(defaultRules, settings);
  const ctx = area.context(defaultRules, settings);

  it('a cell reads the engine’s node distances at its snap (access leg + along the edge); cells beyond maxSnap are empty', () => {
    const s = area.surface(defaultRules, settings, { cell: 50, categoryId: 'kindergarten' });
    const grid = surfaceGrid(ctx, 50);
    const { nx, ny } = s.grid;
    expect([grid.nx, grid.ny]).toEqual([nx, ny]);
    expect(nx * ny).toBe(s.value.length);
    // an independent full search from the kindergartens
    const net = ctx.network!;
    const k = ctx.categories.findIndex((c) => c.id === 'kindergarten');
    const ids = ctx.categorySourceIds.subarray(ctx.categorySourceOffsets[k], ctx.categorySourceOffsets[k + 1]);
    const dist = multiSourceDijkstra(net.graph, net.sourceSnap, createDijkstraWorkspace(net.graph), { sourceIds: ids }).dist.slice();
    const { graph } = net;
    let filled = 0, empty = 0;
    for (let q = 0; q < nx * ny; q++) {
      const e = grid.snap.edge[q], t = grid.snap.t[q], len = graph.edgeLength[e];
      if (!grid.snap.ok[q]) {
        empty++;
        expect(grid.snap.access[q]).toBeGreaterThan(300);
        expect(Number.isNaN(s.value[q])).toBe(true);
        continue;
      }
      filled++;
      const expected = grid.snap.access[q] + Math.min(dist[graph.edgeFrom[e]] + t * len, dist[graph.edgeTo[e]] + (1 - t) * len);
      // a kindergarten on the cell's own edge may be nearer directly; never farther
      expect(s.value[q]).toBeLessThanOrEqual(expected + 1e-3);
      if (!ids.some((p) => net.sourceSnap.edge[p] === e)) expect(s.value[q]).toBeCloseTo(expected, 2);
    }
    expect(filled).toBeGreaterThan(100);
    expect(empty).toBeGreaterThan(0);
    // the snap is the nearest point of the network: a brute-force walk along every edge agrees within its step
    for (let q = 0; q < nx * ny; q += 211) {
      const lon = grid.centres[2 * q], lat = grid.centres[2 * q + 1];
      let best = Infinity;
      for (let e = 0; e < graph.edgeCount; e++) {
        const a = graph.edgeFrom[e], b = graph.edgeTo[e];
        const steps = Math.max(1, Math.ceil(graph.edgeLength[e] / 0.5));
        for (let i = 0; i <= steps; i++) {
          const t = i / steps;
          best = Math.min(best, haversine(lon, lat, graph.coords[2 * a] + (graph.coords[2 * b] - graph.coords[2 * a]) * t, graph.coords[2 * a + 1] + (graph.coords[2 * b + 1] - graph.coords[2 * a + 1]) * t));
        }
      }
      expect(Math.abs(grid.snap.access[q] - best), `cell ${q}`).toBeLessThan(0.5);
    }
  });

  it('a level’s surface is the maximum over its mandatory categories, each part kept for the breakdown; GeoJSON cells carry metres and minutes', () => {
    const level = area.surface(defaultRules, settings, { cell: 100, levelId: '10min' });
    const mandatory = defaultRules.categories.filter((c) => c.level === '10min' && c.mandatory).map((c) => c.id);
    expect(level.parts.map((p) => p.categoryId).sort()).toEqual(mandatory.sort());
    for (let q = 0; q < level.value.length; q++) {
      const parts = level.parts.map((p) => p.value[q]);
      if (parts.some(Number.isNaN)) expect(Number.isNaN(level.value[q])).toBe(true);
      else expect(level.value[q]).toBe(Math.max(...parts));
    }
    const feats = surfaceFeatures(level.grid, level.value, defaultRules.walk.speed_m_per_min);
    expect(feats.length).toBe(Array.from(level.value).filter((v) => !Number.isNaN(v)).length);
    const f = feats.find((x) => x.properties.dist_m !== null)!;
    expect(f.properties.minutes).toBeCloseTo(f.properties.dist_m! / defaultRules.walk.speed_m_per_min, 1);
    const ring = f.geometry.coordinates[0];
    expect(haversine(ring[0][0], ring[0][1], ring[1][0], ring[1][1])).toBeCloseTo(100, -1);
    expect(() => area.surface(defaultRules, settings, { cell: 100, categoryId: 'no_such' })).toThrow(/unknown category/);
  });
});
