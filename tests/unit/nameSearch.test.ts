import { describe, expect, it } from 'vitest';
import { pinyin } from 'pinyin-pro';
import { addInitials, foldName, searchEntries, searchNames } from '../../src/ui/search/nameSearch';
import type { LoadedLayer } from '../../src/store/layersSlice';

const pt = (name: string, category?: string) => ({ type: 'Feature' as const, properties: { name, category }, geometry: { type: 'Point' as const, coordinates: [118.8, 32.0] } });
const layer = (kind: 'communities' | 'facilities', names: string[]): LoadedLayer => ({
  kind,
  name: 't',
  source: 'file',
  fc: { type: 'FeatureCollection', features: names.map((n) => pt(n)) },
});

describe('map search by name', () => {
  const layers = {
    communities: layer('communities', ['解放小区', '长青新村', '解放路北小区', 'ＡＢＣ 花园']),
    facilities: layer('facilities', ['解放路幼儿园', '青禾小学']),
  };

  it('folds full-width letters, case and spaces', () => {
    expect(foldName('ＡＢＣ 花园')).toBe('abc花园');
  });

  it('finds prefixes before substrings, communities before facilities', () => {
    const hits = searchNames(searchEntries(layers), '解放').map((e) => `${e.kind}:${e.name}`);
    expect(hits).toEqual(['communities:解放小区', 'communities:解放路北小区', 'facilities:解放路幼儿园']);
    expect(searchNames(searchEntries(layers), 'abc').map((e) => e.name)).toEqual(['ＡＢＣ 花园']);
    expect(searchNames(searchEntries(layers), '小学').map((e) => e.name)).toEqual(['青禾小学']);
  });

  it('finds names by pinyin initials once they are added', () => {
    const entries = searchEntries(layers);
    expect(searchNames(entries, 'jfxq')).toEqual([]);
    addInitials(entries, (n) => pinyin(n, { pattern: 'first', toneType: 'none', type: 'array' }).join(''));
    expect(searchNames(entries, 'jfxq').map((e) => e.name)).toEqual(['解放小区']);
    expect(searchNames(entries, 'cqxc').map((e) => e.name)).toEqual(['长青新村']);
    // initials inside the name: "xx" of 青禾小学 (qhxx)
    expect(searchNames(entries, 'xx').map((e) => e.name)).toEqual(['青禾小学']);
  });

  it('returns nothing for an empty query and skips unnamed features', () => {
    expect(searchNames(searchEntries(layers), '  ')).toEqual([]);
    const unnamed = { communities: { ...layers.communities, fc: { type: 'FeatureCollection' as const, features: [pt('')] } } };
    expect(searchEntries(unnamed)).toEqual([]);
  });
});
