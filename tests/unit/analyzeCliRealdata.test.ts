import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../scripts/analyze';

// `--osm` on a real OpenStreetMap extract (issue 4): one file becomes every layer, is analysed,
// and the result carries the ODbL attribution. Skipped when ../shared/realdata is absent.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const osmFile = path.resolve(root, '../shared/realdata/beijing-haidian-cau/map.osm');
const present = existsSync(osmFile);
if (!present) console.warn(`realdata absent: ${osmFile} — skipping the CLI --osm test on Beijing Haidian`);
const tmp = mkdtempSync(path.join(tmpdir(), 'lc-cli-osm-'));

async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { stdout: (s) => void (out += s), stderr: (s) => void (err += s), env: {} });
  return { code, out, err };
}

type Props = Record<string, unknown>;
interface Summary {
  attribution?: string;
  mode: string;
  categories: { id: string; radius: number }[];
  counts: { communities: number; network: { totalLength: number; nodes: number; largestComponentNodes: number } | null };
  osm: { counts: { communities: number; network: number; facilities: number; byCategory: Record<string, number> }; unclassified: number } | null;
}

describe.skipIf(!present)('analyze --osm on real data: Beijing Haidian (CAU east campus)', () => {
  it('classifies, analyses and attributes', async () => {
    const out = path.join(tmp, 'haidian.geojson');
    const r = await cli(['--osm', osmFile, '--out', out]);
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.out) as Summary;
    const fc = JSON.parse(readFileSync(out, 'utf8')) as { attribution?: string; features: { properties: Props }[] };

    // attribution in the file and in the summary
    expect(fc.attribution).toBe('© OpenStreetMap contributors, ODbL');
    expect(s.attribution).toBe('© OpenStreetMap contributors, ODbL');

    // the classification summary on stderr agrees with the summary JSON
    const osm = s.osm!;
    expect(r.err).toContain('OpenStreetMap extract classified');
    expect(r.err).toMatch(new RegExp(`communities\\s+${osm.counts.communities}\\n`));
    expect(r.err).toMatch(new RegExp(`unclassified\\s+${osm.unclassified} service-like features`));
    // stats.json: 11 landuse=residential polygons (10 named) and 280 walkable ways in the box
    expect(osm.counts.communities).toBeGreaterThanOrEqual(10);
    expect(osm.counts.network).toBeGreaterThan(250);
    expect(s.mode).toBe('network');
    // 41 km of walkable ways inside the box; ways run on beyond it
    expect(s.counts.network!.totalLength / 1000).toBeGreaterThan(30);

    // every classified community is in the output with dist_/ok_ for every category
    expect(fc.features).toHaveLength(osm.counts.communities);
    expect(s.counts.communities).toBe(osm.counts.communities);
    const named = fc.features.filter((f) => /[\u4e00-\u9fff]/.test(String(f.properties.name ?? '')));
    expect(named.length).toBeGreaterThanOrEqual(8);
    const radius = new Map(s.categories.map((c) => [c.id, c.radius]));
    for (const f of fc.features) {
      for (const [id, rad] of radius) {
        const d = f.properties[`dist_${id}`];
        const ok = f.properties[`ok_${id}`];
        expect(d === null || typeof d === 'number').toBe(true);
        expect(typeof ok).toBe('boolean');
        // the box is about 1.3 × 1.2 km: a walk of more than 5 km would be a wrong graph
        if (typeof d === 'number') {
          expect(d).toBeGreaterThanOrEqual(0);
          expect(d).toBeLessThan(5000);
        }
        expect(ok).toBe(typeof d === 'number' && d <= rad);
      }
      // categories with no facility in the extract are null everywhere
      for (const [id, n] of Object.entries(osm.counts.byCategory)) if (n === 0) expect(f.properties[`dist_${id}`]).toBe(null);
    }
    // bus stops (13 in the extract) are reached from most communities
    const reached = fc.features.filter((f) => typeof f.properties.dist_bus_stop === 'number').length;
    expect(reached / fc.features.length).toBeGreaterThan(0.5);

    // a walk is never shorter than the straight line between the same points (triangle inequality):
    // the euclidean run gives the straight-line distance to the nearest facility of each category
    const eOut = path.join(tmp, 'haidian-euclid.geojson');
    expect((await cli(['--osm', osmFile, '--mode', 'euclidean', '--out', eOut])).code).toBe(0);
    const straight = (JSON.parse(readFileSync(eOut, 'utf8')) as typeof fc).features;
    let compared = 0;
    fc.features.forEach((f, i) => {
      for (const id of radius.keys()) {
        const walk = f.properties[`dist_${id}`];
        const line = straight[i]?.properties[`dist_${id}`];
        if (typeof walk !== 'number') continue;
        expect(typeof line).toBe('number');
        expect(walk).toBeGreaterThanOrEqual((line as number) - 0.1); // both rounded to 0.1 m
        compared++;
      }
    });
    expect(compared).toBeGreaterThan(50);
  }, 60_000);

  it('an explicit layer replaces the OSM-derived one', async () => {
    const out = path.join(tmp, 'haidian-own-communities.geojson');
    const own = path.join(root, 'tests/fixtures/cli/good/communities.geojson');
    const r = await cli(['--osm', osmFile, '--communities', own, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/communities\s+\d+ {2}\(not used: replaced by --communities\)/);
    const fc = JSON.parse(readFileSync(out, 'utf8')) as { attribution?: string; features: { properties: Props }[] };
    expect(fc.features.map((f) => f.properties.id)).toEqual(['A', 'B']);
    expect(fc.attribution).toBe('© OpenStreetMap contributors, ODbL');
    expect(JSON.parse(r.out).inputs).toMatchObject({ communities: own, facilities: osmFile, network: osmFile });
  }, 60_000);
});
