import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLayerFile } from '../../../src/core/io';
import type { ReadLayerOptions } from '../../../src/core/io';

const dir = path.resolve(__dirname, '../../fixtures/io/bad');
const expected = JSON.parse(readFileSync(path.join(dir, 'expected.json'), 'utf8')) as Record<string, { code: string; ok: boolean; options?: ReadLayerOptions }>;

describe('bad-input corpus (DESIGN §8): each file gets its specific message', () => {
  it('has at least 30 cases and a row for every file', () => {
    const files = readdirSync(dir).filter((f) => f !== 'expected.json');
    expect(files.length).toBeGreaterThanOrEqual(30);
    expect(files.sort()).toEqual(Object.keys(expected).sort());
  });

  for (const [file, exp] of Object.entries(expected)) {
    it(`${file} → ${exp.code}${exp.ok ? ' (loaded)' : ''}`, async () => {
      const bytes = new Uint8Array(readFileSync(path.join(dir, file)));
      const r = await readLayerFile(file, bytes, exp.options ?? {});
      const all = [...r.errors, ...r.warnings];
      const issue = all.find((i) => i.code === exp.code);
      expect(issue, `codes seen: ${all.map((i) => i.code).join(', ')}`).toBeDefined();
      expect(r.ok).toBe(exp.ok);
      if (!exp.ok) expect(r.features.features).toHaveLength(0);
      // Every message names the file, comes in both languages with a hint, and is plain text.
      for (const i of all) {
        expect(i.file).toBe(file);
        expect(i.message_en).toContain(file);
        expect(i.message_zh).toContain(file);
        expect(i.hint_en.length).toBeGreaterThan(5);
        expect(i.hint_zh.length).toBeGreaterThan(2);
        expect(i.message_en).not.toMatch(/\bat \w+ \(|node_modules|\.ts:\d+/);
      }
    });
  }
});

describe('messages', () => {
  it('name the feature: row numbers for CSV as a spreadsheet shows them (header = row 1)', async () => {
    const r = await readLayerFile('bad-rows.csv', 'name,lon,lat\nA,116.35,40\nB,,\nC,abc,40\n');
    const i = r.warnings.find((w) => w.code === 'csv-bad-rows');
    // Data rows B and C are rows 3 and 4 of the sheet; 0-based data indices 1 and 2.
    expect(i?.featureIndices).toEqual([1, 2]);
    expect(i?.count).toBe(2);
    expect(i?.message_en).toContain('rows 3, 4');
    expect(i?.message_zh).toContain('第 3, 4 行');
  });

  it('name the feature index for GeoJSON (1-based in text, 0-based in featureIndex)', async () => {
    const fc = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [116, 40] } }, { type: 'Feature', properties: {}, geometry: null }] };
    const r = await readLayerFile('x.geojson', JSON.stringify(fc));
    const i = r.warnings.find((w) => w.code === 'null-geometry');
    expect(i?.featureIndex).toBe(1);
    expect(i?.message_en).toBe('x.geojson, feature 2: 1 feature(s) have no geometry and were skipped.');
  });

  it('keep a hostile file name as plain text (the UI must not render it as HTML) and strip control characters', async () => {
    const name = '<img src=x onerror=alert(1)>\u0007.geojson';
    const r = await readLayerFile(name, 'nope');
    expect(r.errors[0]?.code).toBe('not-json');
    expect(r.errors[0]?.message_en.startsWith('<img src=x onerror=alert(1)> .geojson: the file is not valid JSON')).toBe(true);
  });

  it('report where the JSON syntax breaks', async () => {
    const r = await readLayerFile('a.geojson', '{"type": "FeatureCollection",\n "features": [}\n]}');
    expect(r.errors[0]?.code).toBe('not-json');
    expect(r.errors[0]?.message_en).toMatch(/line 2, column \d+/);
  });

  it('never throw, whatever the bytes', async () => {
    const junk = new Uint8Array(5000).map((_, i) => (i * 7919) % 251);
    for (const name of ['a.geojson', 'a.csv', 'a.zip', 'a.osm', 'a.osm.pbf', 'a']) {
      const r = await readLayerFile(name, junk);
      expect(r.ok).toBe(false);
      expect(r.errors.length).toBeGreaterThan(0);
    }
  });
});
