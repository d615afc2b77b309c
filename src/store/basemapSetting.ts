/**
 * The optional online basemap (issue 8 item 12; DESIGN §9: offline is the default). Plain data,
 * saved with the workspace settings and read back defensively. No DOM and no MapLibre here.
 */
export type BasemapSetting =
  | { kind: 'none' }
  | { kind: 'osm' }
  | { kind: 'tianditu'; key: string }
  | { kind: 'amap' }
  | { kind: 'xyz'; url: string; attribution: string; gcj02: boolean }
  | { kind: 'style'; url: string };

export type BasemapKind = BasemapSetting['kind'];
export const BASEMAP_KINDS: readonly BasemapKind[] = ['none', 'osm', 'tianditu', 'amap', 'xyz', 'style'];
export const OFFLINE: BasemapSetting = { kind: 'none' };

/** What the map draws for a raster basemap: one or more XYZ layers (天地图 has streets + labels). */
export interface RasterBasemap {
  layers: { tiles: string[]; maxzoom: number }[];
  attribution: string;
  /** Tiles drawn in GCJ-02 (Amap/Tencent): data are shifted for display only. */
  gcj02: boolean;
}

const TDT_SUBDOMAINS = ['0', '1', '2', '3', '4', '5', '6', '7'];
const tianditu = (layer: 'vec' | 'cva', key: string): string[] =>
  TDT_SUBDOMAINS.map(
    (s) =>
      `https://t${s}.tianditu.gov.cn/${layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=${layer}&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=${encodeURIComponent(key)}`,
  );

/** Expands '{s}' (a, b, c) and '{1-4}'-style subdomain ranges into several tile URLs, as MapLibre wants. */
export function expandTemplate(url: string): string[] {
  if (url.includes('{s}')) return ['a', 'b', 'c'].map((s) => url.replace('{s}', s));
  const r = /\{(\d)-(\d)\}/.exec(url);
  if (r) {
    const out: string[] = [];
    for (let i = Number(r[1]); i <= Number(r[2]); i++) out.push(url.replace(r[0], String(i)));
    return out;
  }
  return [url];
}

/** True for an http(s) URL with {z}, {x} and {y} (or {-y}) placeholders. */
export function isXyzTemplate(url: string): boolean {
  return /^https?:\/\/[^\s]+$/i.test(url.trim()) && url.includes('{z}') && url.includes('{x}') && (url.includes('{y}') || url.includes('{-y}'));
}

export function isHttpUrl(url: string): boolean {
  return /^https?:\/\/[^\s]+$/i.test(url.trim());
}

/** The raster layers of a setting, or null for 'none' and 'style' (and invalid settings). */
export function rasterBasemap(b: BasemapSetting): RasterBasemap | null {
  switch (b.kind) {
    case 'osm':
      return { layers: [{ tiles: ['https://tile.openstreetmap.org/{z}/{x}/{y}.png'], maxzoom: 19 }], attribution: '© OpenStreetMap contributors', gcj02: false };
    case 'tianditu':
      if (!b.key.trim()) return null;
      // CGCS2000 tiles; CGCS2000 ≈ WGS84 within 1 m (DESIGN §3): no shift.
      return { layers: [{ tiles: tianditu('vec', b.key.trim()), maxzoom: 18 }, { tiles: tianditu('cva', b.key.trim()), maxzoom: 18 }], attribution: '© 天地图 Tianditu', gcj02: false };
    case 'amap':
      return { layers: [{ tiles: expandTemplate('https://webrd0{1-4}.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8&x={x}&y={y}&z={z}'), maxzoom: 18 }], attribution: '© 高德地图 AutoNavi', gcj02: true };
    case 'xyz':
      if (!isXyzTemplate(b.url)) return null;
      return { layers: [{ tiles: expandTemplate(b.url.trim()), maxzoom: 22 }], attribution: b.attribution.trim() || hostOf(b.url), gcj02: b.gcj02 };
    default:
      return null;
  }
}

/** True when the data must be shifted to GCJ-02 to sit on this basemap. */
export function needsGcj02(b: BasemapSetting): boolean {
  return rasterBasemap(b)?.gcj02 ?? false;
}

function hostOf(url: string): string {
  const m = /^https?:\/\/([^/]+)/i.exec(url.trim());
  return m ? (m[1] as string) : url;
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const str = (x: unknown): string => (typeof x === 'string' ? x : '');

/** A saved setting read back; anything unexpected is the offline default. */
export function parseBasemapSetting(saved: unknown): BasemapSetting {
  if (!isObject(saved)) return OFFLINE;
  switch (saved.kind) {
    case 'osm':
    case 'amap':
      return { kind: saved.kind };
    case 'tianditu':
      return { kind: 'tianditu', key: str(saved.key) };
    case 'xyz':
      return isXyzTemplate(str(saved.url)) ? { kind: 'xyz', url: str(saved.url), attribution: str(saved.attribution), gcj02: saved.gcj02 === true } : OFFLINE;
    case 'style':
      return isHttpUrl(str(saved.url)) ? { kind: 'style', url: str(saved.url) } : OFFLINE;
    default:
      return OFFLINE;
  }
}
