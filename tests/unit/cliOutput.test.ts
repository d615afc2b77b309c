import { describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../../scripts/analyze';

// The CLI's output never replaces an input, and is written atomically (issue 9, item 5).
const G = 'tests/fixtures/cli/good';

async function cli(argv: string[]): Promise<{ code: number; err: string }> {
  let err = '';
  const code = await runCli(argv, { stdout: () => {}, stderr: (s) => void (err += s), env: { LANG: 'en' } });
  return { code, err };
}

describe('--out', () => {
  it('refuses an output path that is one of the inputs, and leaves the input as it was', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lc-out-'));
    const communities = path.join(dir, 'a.geojson');
    copyFileSync(path.join(G, 'communities.geojson'), communities);
    const before = readFileSync(communities, 'utf8');
    // the same file, spelled differently
    const r = await cli(['--communities', communities, '--facilities', path.join(G, 'facilities.geojson'), '--out', path.join(dir, '.', '..', path.basename(dir), 'a.geojson')]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/cannot write the output \(it is the input .*a\.geojson; writing there would replace it/);
    expect(readFileSync(communities, 'utf8')).toBe(before);
  });

  it('writes through a temporary file in the same folder and leaves none behind', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lc-out-'));
    const out = path.join(dir, 'result.geojson');
    const r = await cli(['--communities', path.join(G, 'communities.geojson'), '--facilities', path.join(G, 'facilities.geojson'), '--out', out]);
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).type).toBe('FeatureCollection');
    expect(readdirSync(dir)).toEqual(['result.geojson']);
    expect(existsSync(out)).toBe(true);
  });
});

describe('stderr', () => {
  it('never passes escape sequences or control characters from the data to the terminal', async () => {
    const { terminalSafe } = await import('../../scripts/cli/cliIo');
    expect(terminalSafe('小区\u001b[31mRED\u001b[0m\u001b]0;pwned\u0007 ok\u0000\u0008\u009b\n')).toBe('小区RED ok\n');
    expect(terminalSafe('line\r\tnext')).toBe('line\r\tnext');
    // through the CLI: a community id with escapes, reported as a duplicate/unknown, prints clean
    const dir = mkdtempSync(path.join(tmpdir(), 'lc-esc-'));
    const communities = path.join(dir, 'c.geojson');
    const fc = JSON.parse(readFileSync(path.join(G, 'communities.geojson'), 'utf8'));
    fc.features[0].geometry = null;
    fc.features[0].properties.name = '\u001b[2J\u001b[31mEVIL';
    writeFileSync(communities, JSON.stringify(fc));
    const facilities = JSON.parse(readFileSync(path.join(G, 'facilities.geojson'), 'utf8'));
    facilities.features[0].properties.category = '\u001b[31mkindergarten_x';
    const fac = path.join(dir, 'f.geojson');
    writeFileSync(fac, JSON.stringify(facilities));
    const r = await cli(['--communities', communities, '--facilities', fac, '--out', path.join(dir, 'out.geojson')]);
    expect(r.err).toContain('kindergarten_x');
    expect(r.err).not.toMatch(/\u001b/);
  });
});

describe('entrance warnings', () => {
  it('a community whose gate lies kilometres away is named on stderr', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lc-gate-'));
    const fc = JSON.parse(readFileSync(path.join(G, 'communities.geojson'), 'utf8'));
    const ring = fc.features[0].geometry.coordinates[0] as number[][];
    fc.features[0].properties.entrances = { type: 'MultiPoint', coordinates: [[ring[0][0] + 0.05, ring[0][1]]] };
    const communities = path.join(dir, 'c.geojson');
    writeFileSync(communities, JSON.stringify(fc));
    const r = await cli(['--communities', communities, '--facilities', path.join(G, 'facilities.geojson'), '--out', path.join(dir, 'out.geojson')]);
    expect(r.code).toBe(0);
    const name = fc.features[0].properties.name ?? fc.features[0].properties.id;
    expect(r.err).toMatch(new RegExp(`warning: .*c\\.geojson: community ${name} \\(feature 1\\): 1 entrance\\(s\\) lie \\d+–\\d+ m from the community, more than 200 m: ignored; using the representative point`));
  });
});

describe('ids that are properties of every object', () => {
  it('the rule-set validator refuses them as level or category ids, naming the path', async () => {
    const { validateRuleSet } = await import('../../src/core/rules/validateRuleSet');
    const { defaultRules } = await import('../../src/core/rules/defaultRules');
    for (const bad of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']) {
      const r = structuredClone(defaultRules) as unknown as { levels: { id: string }[]; categories: { id: string; level: string }[] };
      const old = r.levels[1].id;
      r.levels[1].id = bad;
      for (const c of r.categories) if (c.level === old) c.level = bad;
      r.categories[0].id = bad;
      const problems = validateRuleSet(r).map((p) => `${p.path}: ${p.message}`);
      expect(problems).toContain(`$.levels[1].id: "${bad}" is a reserved word (a property of every JavaScript object); choose another id, e.g. "${bad.replace(/^_+/, '')}_level"`);
      expect(problems.some((p) => p.startsWith('$.categories[0].id: '))).toBe(true);
    }
  });

  it('a facility category "__proto__" or "constructor" is listed among the unknown categories', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lc-proto-'));
    const facilities = JSON.parse(readFileSync(path.join(G, 'facilities.geojson'), 'utf8'));
    facilities.features[0].properties.category = '__proto__';
    facilities.features[1].properties.category = 'constructor';
    const fac = path.join(dir, 'f.geojson');
    writeFileSync(fac, JSON.stringify(facilities));
    let out = '';
    const code = await runCli(['--communities', path.join(G, 'communities.geojson'), '--facilities', fac, '--out', path.join(dir, 'o.geojson')], { stdout: (s) => void (out += s), stderr: () => {}, env: { LANG: 'en' } });
    expect(code).toBe(0);
    const unknown = JSON.parse(out).unknown_categories;
    expect(Object.prototype.hasOwnProperty.call(unknown, '__proto__')).toBe(true);
    expect(unknown.__proto__).toBe(1);
    expect(unknown.constructor).toBe(1);
  });
});
