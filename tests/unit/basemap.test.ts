import { describe, expect, it } from 'vitest';
import gcoord from 'gcoord';
import { expandTemplate, needsGcj02, parseBasemapSetting, rasterBasemap } from '../../src/store/basemapSetting';
import { attributionText, displayShift, styleBasemapParts, translateExpression } from '../../src/map/basemap';
import { settingsPatch } from '../../src/store/workspaceSettings';
import { useStore } from '../../src/store/useStore';

const layersAt = (lon: number, lat: number) =>
  ({ communities: { kind: 'communities', name: 't', source: 'file', fc: { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [lon, lat] } }] } } }) as never;

describe('basemap setting', () => {
  it('offline by default; saved settings read back defensively', () => {
    expect(useStore.getState().basemap).toEqual({ kind: 'none' });
    expect(parseBasemapSetting(undefined)).toEqual({ kind: 'none' });
    expect(parseBasemapSetting({ kind: 'xyz', url: 'javascript:alert(1)/{z}/{x}/{y}' })).toEqual({ kind: 'none' });
    expect(parseBasemapSetting({ kind: 'xyz', url: 'http://127.0.0.1:9/{z}/{x}/{y}.png', attribution: 'T', gcj02: true })).toEqual({ kind: 'xyz', url: 'http://127.0.0.1:9/{z}/{x}/{y}.png', attribution: 'T', gcj02: true });
    expect(parseBasemapSetting({ kind: 'tianditu', key: 'abc' })).toEqual({ kind: 'tianditu', key: 'abc' });
    expect(settingsPatch({ basemap: { kind: 'osm' } }, useStore.getState()).basemap).toEqual({ kind: 'osm' });
    expect(settingsPatch({}, useStore.getState()).basemap).toBeUndefined();
  });

  it('presets: OSM, 天地图 vec_w + cva_w with the key, 高德 in GCJ-02; custom templates expand subdomains', () => {
    expect(rasterBasemap({ kind: 'none' })).toBeNull();
    expect(rasterBasemap({ kind: 'osm' })!.attribution).toMatch(/OpenStreetMap/);
    const tdt = rasterBasemap({ kind: 'tianditu', key: 'K1' })!;
    expect(tdt.layers).toHaveLength(2);
    expect(tdt.layers[0]!.tiles[0]).toMatch(/vec_w.*LAYER=vec.*TILEMATRIX=\{z\}&TILEROW=\{y\}&TILECOL=\{x\}&tk=K1/);
    expect(tdt.layers[1]!.tiles[0]).toMatch(/cva_w/);
    expect(tdt.gcj02).toBe(false);
    expect(rasterBasemap({ kind: 'tianditu', key: ' ' })).toBeNull();
    expect(needsGcj02({ kind: 'amap' })).toBe(true);
    expect(rasterBasemap({ kind: 'amap' })!.layers[0]!.tiles).toHaveLength(4);
    expect(expandTemplate('https://{s}.t.org/{z}/{x}/{y}.png')).toEqual(['https://a.t.org/{z}/{x}/{y}.png', 'https://b.t.org/{z}/{x}/{y}.png', 'https://c.t.org/{z}/{x}/{y}.png']);
    expect(rasterBasemap({ kind: 'xyz', url: 'http://h:1/{z}/{x}/{y}.png', attribution: '', gcj02: false })!.attribution).toBe('h:1');
  });

  it('attributions are plain text (MapLibre renders them as HTML)', () => {
    expect(attributionText('<img src=x onerror=alert(1)>© A & B')).toBe('© A &amp; B');
    const parts = styleBasemapParts({
      version: 8,
      sources: { v: { type: 'vector', url: 'https://x/tiles.json', attribution: '<a href="https://x">© X</a>' } },
      layers: [
        { id: 'bg', type: 'background', paint: { 'background-color': '#eee' } },
        { id: 'roads', type: 'line', source: 'v', 'source-layer': 'road' },
        { id: 'names', type: 'symbol', source: 'v', 'source-layer': 'place' },
        { id: 'pat', type: 'fill', source: 'v', 'source-layer': 'x', paint: { 'fill-pattern': 'dots' } },
      ],
    });
    expect(Object.keys(parts.sources)).toEqual(['basemap-v']);
    expect((parts.sources['basemap-v'] as { attribution: string }).attribution).toBe('© X');
    expect(parts.layers.map((l) => l.id)).toEqual(['basemap-bg', 'basemap-roads']);
    expect((parts.layers[1] as { source: string }).source).toBe('basemap-v');
  });

  it('GCJ-02 basemaps shift the display by the offset at the data centre; WGS84 basemaps and data outside China do not', () => {
    const at = layersAt(118.78, 32.05);
    const [gx, gy] = gcoord.transform([118.78, 32.05], gcoord.WGS84, gcoord.GCJ02) as [number, number];
    const d = displayShift({ layers: at, basemap: { kind: 'amap' } })!;
    expect(d[0]).toBeCloseTo(gx - 118.78, 12);
    expect(d[1]).toBeCloseTo(gy - 32.05, 12);
    // Hundreds of metres, as GCJ-02 offsets are.
    expect(Math.hypot(d[0] * 94_000, d[1] * 111_000)).toBeGreaterThan(100);
    expect(displayShift({ layers: at, basemap: { kind: 'osm' } })).toBeNull();
    expect(displayShift({ layers: layersAt(2.35, 48.85), basemap: { kind: 'amap' } })).toBeNull();
  });

  it('the MapLibre translation doubles per zoom level: 512 px × 2^z per 360° of longitude', () => {
    const e = translateExpression([0.005, 0], 32) as [string, unknown, unknown, number, [string, number[]], number, [string, number[]]];
    expect(e[0]).toBe('interpolate');
    const z0 = e[4][1]!;
    expect(z0[0]).toBeCloseTo((0.005 / 360) * 512, 12);
    expect(e[6][1]![0]).toBeCloseTo(z0[0]! * 2 ** 24, 3);
    // A northward shift moves pixels up (negative y).
    const n = translateExpression([0, 0.003], 32) as [string, unknown, unknown, number, [string, number[]]];
    expect(n[4][1]![1]).toBeLessThan(0);
  });
});
