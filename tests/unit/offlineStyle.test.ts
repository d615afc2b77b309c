import { describe, expect, it } from 'vitest';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { offlineStyle, DECK_ANCHOR_LAYER, FIRST_LABEL_LAYER, STYLE_LAYERS_BY_KIND } from '../../src/map/offlineStyle';

describe('offlineStyle', () => {
  const style = offlineStyle();
  it('is a valid MapLibre style', () => {
    expect(validateStyleMin(style as never).map((e) => e.message)).toEqual([]);
  });
  it('needs nothing from the network: no glyphs, sprites or remote sources', () => {
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    for (const src of Object.values(style.sources)) {
      expect(src.type).toBe('geojson');
      expect(typeof (src as { data: unknown }).data).toBe('object');
    }
  });
  it('has the label layer deck.gl inserts before, and every toggled layer exists', () => {
    const ids = style.layers.map((l) => l.id);
    expect(ids).toContain(FIRST_LABEL_LAYER);
    for (const list of Object.values(STYLE_LAYERS_BY_KIND)) for (const id of list) expect(ids).toContain(id);
    // labels come after every fill/line layer so they stay on top of deck.gl
    const firstLabel = ids.indexOf(FIRST_LABEL_LAYER);
    // deck.gl's anchor renders at every zoom (no zoom range), right under the labels
    const anchor = style.layers.find((l) => l.id === DECK_ANCHOR_LAYER)!;
    // between deck.gl's layers and the labels only the cheap MapLibre outlines of deck.gl fills
    const anchorAt = ids.indexOf(DECK_ANCHOR_LAYER);
    expect(anchorAt).toBeLessThan(firstLabel);
    expect(style.layers.slice(anchorAt + 1, firstLabel).every((l) => l.type === 'line')).toBe(true);
    expect(anchor.minzoom ?? 0).toBe(0);
    expect(anchor.maxzoom).toBeUndefined();
    expect(style.layers.slice(firstLabel).every((l) => l.type === 'symbol')).toBe(true);
  });
});
