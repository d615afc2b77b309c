import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { distance } from '@turf/turf';
import type { FeatureCollection, Point, Position } from 'geojson';
import { runCli } from '../../scripts/analyze';
import { wgs84ToBd09, wgs84ToGcj02, wgs84ToChineseCrs } from '../../src/core/io/crs/chineseCrs';
import { forEachPosition } from '../../src/core/io/crs/mapCoordinates';

// --crs gcj02|bd09 for all inputs and --out-crs (issue 4): the WGS84 fixture of tests/fixtures/cli/good
// is moved into GCJ-02 / BD-09 with the forward transforms (gcoord), run through the CLI, and the
// output must land back on the original WGS84 vertices. The inverse used by the importer iterates
// to 1e-9° (≈ 0.1 mm), so 0.5 m is a loose bound; the offset itself is 100–700 m in China.
const G = 'tests/fixtures/cli/good';
const tmp = mkdtempSync(path.join(tmpdir(), 'lc-cli-crs-'));
const read = (file: string): FeatureCollection => JSON.parse(readFileSync(file, 'utf8'));
const metres = (a: Position, b: Position): number => distance(a, b, { units: 'meters' });

const wgs = { communities: read(`${G}/communities.geojson`), facilities: read(`${G}/facilities.geojson`), network: read(`${G}/network.geojson`) };

function positions(fc: FeatureCollection): Position[] {
  const out: Position[] = [];
  for (const f of fc.features) if (f.geometry) forEachPosition(f.geometry, (x, y) => out.push([x, y]));
  return out;
}

/** The three layers in `crs`, facilities as a CSV (lon/lat columns) so --crs is seen to apply to every format. */
function writeShifted(crs: 'gcj02' | 'bd09', prefix: string): string[] {
  const dir = path.join(tmp, crs);
  mkdirSync(dir, { recursive: true });
  const fwd = crs === 'gcj02' ? wgs84ToGcj02 : wgs84ToBd09;
  writeFileSync(path.join(dir, `${prefix}communities.geojson`), JSON.stringify(wgs84ToChineseCrs(wgs.communities, crs)));
  writeFileSync(path.join(dir, `${prefix}network.geojson`), JSON.stringify(wgs84ToChineseCrs(wgs.network, crs)));
  const rows = wgs.facilities.features.map((f) => {
    const [x, y] = fwd(...((f.geometry as Point).coordinates as [number, number]));
    // 17 significant digits: the CSV carries the exact doubles
    return [f.properties?.id, f.properties?.name, f.properties?.category, x.toPrecision(17), y.toPrecision(17)].join(',');
  });
  writeFileSync(path.join(dir, `${prefix}facilities.csv`), ['id,name,category,lng,lat', ...rows].join('\n') + '\n');
  return ['--communities', `${dir}/${prefix}communities.geojson`, '--facilities', `${dir}/${prefix}facilities.csv`, '--network', `${dir}/${prefix}network.geojson`];
}

async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { stdout: (s) => void (out += s), stderr: (s) => void (err += s), env: {} });
  return { code, out, err };
}

type Props = Record<string, unknown>;
const distances = (fc: FeatureCollection): Props[] =>
  fc.features.map((f) => Object.fromEntries(Object.entries(f.properties ?? {}).filter(([k]) => k.startsWith('dist_'))));

describe('analyze CLI --crs / --out-crs', () => {
  it('--crs gcj02: output vertices within 0.5 m of the original WGS84, same distances as the WGS84 run', async () => {
    const base = path.join(tmp, 'wgs.geojson');
    expect((await cli(['--communities', `${G}/communities.geojson`, '--facilities', `${G}/facilities.geojson`, '--network', `${G}/network.geojson`, '--out', base])).code).toBe(0);

    const args = writeShifted('gcj02', '');
    const shifted = positions(read(args[1] as string));
    const orig = positions(wgs.communities);
    // the fixture really is offset: GCJ-02 moves Beijing by a few hundred metres
    const offset = metres(orig[0] as Position, shifted[0] as Position);
    expect(offset).toBeGreaterThan(100);
    expect(offset).toBeLessThan(700);

    const out = path.join(tmp, 'from-gcj.geojson');
    const r = await cli([...args, '--crs', 'gcj02', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.err).toContain('coordinates converted from GCJ-02 to WGS84');
    const result = read(out);
    const got = positions(result);
    expect(got).toHaveLength(orig.length);
    const worst = Math.max(...got.map((p, i) => metres(p, orig[i] as Position)));
    expect(worst).toBeLessThan(0.5);
    expect(distances(result)).toEqual(distances(read(base)));
    expect(JSON.parse(r.out).crs).toMatchObject({ input: 'gcj02', output: 'wgs84' });
  });

  it('--crs bd09 does the same for Baidu coordinates', async () => {
    const out = path.join(tmp, 'from-bd.geojson');
    const r = await cli([...writeShifted('bd09', ''), '--crs', 'bd09', '--out', out]);
    expect(r.code).toBe(0);
    const orig = positions(wgs.communities);
    const got = positions(read(out));
    expect(Math.max(...got.map((p, i) => metres(p, orig[i] as Position)))).toBeLessThan(0.5);
    expect(read(out).features[0]?.properties).toMatchObject({ id: 'A', dist_kindergarten: 87.1 });
  });

  it('--out-crs gcj02 writes the result back in GCJ-02 for Amap overlays', async () => {
    const args = writeShifted('gcj02', 'amap-');
    const out = path.join(tmp, 'to-gcj.geojson');
    const r = await cli([...args, '--crs', 'gcj02', '--out-crs', 'gcj02', '--out', out]);
    expect(r.code).toBe(0);
    const input = positions(read(args[1] as string));
    const got = positions(read(out));
    expect(Math.max(...got.map((p, i) => metres(p, input[i] as Position)))).toBeLessThan(0.5);
    expect(read(out).features[1]?.properties).toMatchObject({ id: 'B', dist_primary_school: 123.7 });
  });

  it('without --crs, Amap-looking data get the importer\'s suggestion and are NOT converted', async () => {
    const args = writeShifted('gcj02', 'amap-');
    const out = path.join(tmp, 'unconverted.geojson');
    const r = await cli([...args, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/warning: .*amap-communities\.geojson: the data look like GCJ-02 \(file name "[^"]*amap-communities\.geojson"\).*load them again with the GCJ-02 → WGS84 conversion/);
    expect(positions(read(out))).toEqual(positions(read(args[1] as string)));
    expect(JSON.parse(r.out).crs.files[0]).toMatchObject({ suggestion: 'gcj02', converted: false });
  });

  it('--crs wgs84 states the data are WGS84: no suggestion', async () => {
    const args = writeShifted('gcj02', 'amap-');
    const r = await cli([...args, '--crs', 'wgs84', '--out', path.join(tmp, 'as-wgs.geojson')]);
    expect(r.code).toBe(0);
    expect(r.err).not.toContain('look like GCJ-02');
  });
});
