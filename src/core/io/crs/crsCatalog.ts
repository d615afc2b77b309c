import proj4 from 'proj4';
import type { PositionFn } from './mapCoordinates';

/**
 * The coordinate systems Chinese planning data arrive in, as ONE table used by the import dialog,
 * the worker and the CLI: geographic (WGS84/CGCS2000/Xi'an 80/Beijing 54), Web Mercator, and
 * Gauss-Krüger 3° and 6° zones of CGCS2000, Xi'an 80 and Beijing 54, by central meridian, with or
 * without the zone number prefixing the easting. Also any central meridian (city grids often use
 * the city's own meridian, e.g. 南京 118.8°E).
 */
export type Datum = 'cgcs2000' | 'xian80' | 'beijing54';

export type CrsDef =
  | { type: 'geographic'; datum: Datum | 'wgs84' }
  | { type: 'web-mercator' }
  | { type: 'gk'; datum: Datum; width: 3 | 6; cm: number; zonePrefix: boolean };

export type GkDef = Extract<CrsDef, { type: 'gk' }>;

/**
 * Ellipsoids in proj4 terms. CGCS2000 ≈ GRS80 (0.1 mm apart); Xi'an 80 uses IAG-75
 * (a = 6,378,140 m, 1/f = 298.257); Beijing 54 Krassovsky. No towgs84: the Xi'an 80 / Beijing 54
 * datum shifts are not public, so those results carry a note (datumNote).
 */
export const DATUM_ELLIPSOID: Record<Datum, string> = {
  cgcs2000: '+ellps=GRS80',
  xian80: '+a=6378140 +rf=298.257',
  beijing54: '+ellps=krass',
};

export const DATUM_NAMES: Record<Datum | 'wgs84', { en: string; zh: string }> = {
  wgs84: { en: 'WGS84', zh: 'WGS84' },
  cgcs2000: { en: 'CGCS2000', zh: 'CGCS2000（2000国家大地坐标系）' },
  xian80: { en: "Xi'an 80", zh: '西安80' },
  beijing54: { en: 'Beijing 54', zh: '北京54' },
};

/** EPSG ranges of the Gauss-Krüger families: first code; zones 13–23 (6°) or 25–45 (3°), or CMs 75–135°E. */
const GK_RANGES: { datum: Datum; width: 3 | 6; zonePrefix: boolean; first: number }[] = [
  { datum: 'cgcs2000', width: 6, zonePrefix: true, first: 4491 },
  { datum: 'cgcs2000', width: 6, zonePrefix: false, first: 4502 },
  { datum: 'cgcs2000', width: 3, zonePrefix: true, first: 4513 },
  { datum: 'cgcs2000', width: 3, zonePrefix: false, first: 4534 },
  { datum: 'xian80', width: 6, zonePrefix: true, first: 2327 },
  { datum: 'xian80', width: 6, zonePrefix: false, first: 2338 },
  { datum: 'xian80', width: 3, zonePrefix: true, first: 2349 },
  { datum: 'xian80', width: 3, zonePrefix: false, first: 2370 },
  { datum: 'beijing54', width: 6, zonePrefix: true, first: 21413 },
  { datum: 'beijing54', width: 6, zonePrefix: false, first: 21453 },
  { datum: 'beijing54', width: 3, zonePrefix: true, first: 2401 },
  { datum: 'beijing54', width: 3, zonePrefix: false, first: 2422 },
];
const rangeCount = (width: 3 | 6): number => (width === 3 ? 21 : 11);

const GEOGRAPHIC_EPSG: Record<number, Datum | 'wgs84'> = { 4326: 'wgs84', 4490: 'cgcs2000', 4610: 'xian80', 4214: 'beijing54' };
const MERCATOR_EPSG = new Set([3857, 900913, 102100, 3785]);

/** The EPSG codes we define, for messages. */
export const SUPPORTED_EPSG_TEXT =
  '4326, 4490 (CGCS2000), 4610 (Xi\'an 80), 4214 (Beijing 54), 3857, 4491–4554 (CGCS2000 GK), 2327–2390 (Xi\'an 80 GK), 2401–2442 and 21413–21423, 21453–21463 (Beijing 54 GK)';
/** The same list for Chinese messages. */
export const SUPPORTED_EPSG_TEXT_ZH =
  '4326、4490（CGCS2000）、4610（西安80）、4214（北京54）、3857、4491–4554（CGCS2000 高斯-克吕格）、2327–2390（西安80 高斯-克吕格）、2401–2442 及 21413–21423、21453–21463（北京54 高斯-克吕格）';

/** Zone number of a central meridian, or null when it is not a zone's meridian (3°: 3n; 6°: 6n − 3). */
export function zoneOfMeridian(width: 3 | 6, cm: number): number | null {
  const z = width === 3 ? cm / 3 : (cm + 3) / 6;
  return Number.isInteger(z) ? z : null;
}

/** Central meridian of a zone number. */
export function meridianOfZone(width: 3 | 6, zone: number): number {
  return width === 3 ? zone * 3 : zone * 6 - 3;
}

/** False easting in metres: 500 km, plus zone × 1,000 km when the zone prefixes the easting. */
export function falseEasting(def: GkDef): number {
  const zone = zoneOfMeridian(def.width, def.cm);
  return def.zonePrefix && zone !== null ? zone * 1e6 + 500000 : 500000;
}

/** The definition of an EPSG code we know, or null. */
export function crsFromEpsg(code: number): CrsDef | null {
  const g = GEOGRAPHIC_EPSG[code];
  if (g) return { type: 'geographic', datum: g };
  if (MERCATOR_EPSG.has(code)) return { type: 'web-mercator' };
  for (const r of GK_RANGES) {
    const i = code - r.first;
    if (i < 0 || i >= rangeCount(r.width)) continue;
    const cm = r.zonePrefix ? meridianOfZone(r.width, (r.width === 3 ? 25 : 13) + i) : 75 + i * r.width;
    return { type: 'gk', datum: r.datum, width: r.width, cm, zonePrefix: r.zonePrefix };
  }
  return null;
}

/** The EPSG code of a definition, or null (e.g. a city's own central meridian). */
export function epsgOf(def: CrsDef): number | null {
  if (def.type === 'web-mercator') return 3857;
  if (def.type === 'geographic') return Number(Object.entries(GEOGRAPHIC_EPSG).find(([, d]) => d === def.datum)?.[0]);
  const r = GK_RANGES.find((x) => x.datum === def.datum && x.width === def.width && x.zonePrefix === def.zonePrefix);
  if (!r) return null;
  if (def.zonePrefix) {
    const zone = zoneOfMeridian(def.width, def.cm);
    return zone === null ? null : r.first + zone - (def.width === 3 ? 25 : 13);
  }
  const i = (def.cm - 75) / def.width;
  return Number.isInteger(i) && i >= 0 && i < rangeCount(def.width) ? r.first + i : null;
}

const ID = /^(?:(cgcs2000|xian80|beijing54)[-_])?gk([36]):(\d{2,3}(?:\.\d+)?)(:zone)?$/;

/**
 * Parses a CRS name: 'EPSG:4547' / 'epsg:4547' / 'EPSG4547', 'wgs84', 'cgcs2000', 'webmercator',
 * or a Gauss-Krüger id '[datum-]gk<3|6>:<central meridian>[:zone]' — e.g. 'gk3:117' (CGCS2000 3°,
 * CM 117°E, easting without zone), 'gk3:117:zone' (easting prefixed with zone 39),
 * 'xian80-gk6:111', 'beijing54-gk3:118.8'. Null when not understood or out of range.
 */
export function parseCrsId(raw: string): CrsDef | null {
  const s = raw.trim().toLowerCase().replace(/\s+/g, '');
  if (s === 'wgs84' || s === 'crs84') return { type: 'geographic', datum: 'wgs84' };
  if (s === 'cgcs2000') return { type: 'geographic', datum: 'cgcs2000' };
  if (s === 'webmercator' || s === 'web-mercator') return { type: 'web-mercator' };
  const e = /^(?:urn:ogc:def:crs:)?epsg:{0,2}(?:[\d.]*:)?(\d{4,6})$/.exec(s);
  if (e) return crsFromEpsg(Number(e[1]));
  const m = ID.exec(s);
  if (!m) return null;
  const width = Number(m[2]) as 3 | 6;
  const cm = Number(m[3]);
  if (!(cm >= 70 && cm <= 140)) return null;
  const zonePrefix = !!m[4];
  if (zonePrefix && zoneOfMeridian(width, cm) === null) return null;
  return { type: 'gk', datum: (m[1] as Datum | undefined) ?? 'cgcs2000', width, cm, zonePrefix };
}

/** The id that parseCrsId reads back: 'EPSG:n' when the system has a code, else the gk form. */
export function crsId(def: CrsDef): string {
  const code = epsgOf(def);
  if (code) return `EPSG:${code}`;
  if (def.type !== 'gk') return 'wgs84';
  return `${def.datum === 'cgcs2000' ? '' : `${def.datum}-`}gk${def.width}:${def.cm}${def.zonePrefix ? ':zone' : ''}`;
}

/** proj4 definition string of a system. */
export function crsProj4(def: CrsDef): string {
  if (def.type === 'web-mercator') return '+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +no_defs';
  if (def.type === 'geographic') return `+proj=longlat ${def.datum === 'wgs84' ? '+datum=WGS84' : DATUM_ELLIPSOID[def.datum]} +no_defs`;
  return `+proj=tmerc +lat_0=0 +lon_0=${def.cm} +k=1 +x_0=${falseEasting(def)} +y_0=0 ${DATUM_ELLIPSOID[def.datum]} +units=m +no_defs`;
}

/**
 * Position function to WGS84 lon/lat. Geographic systems pass through (CGCS2000 = WGS84 within
 * 1 m, DESIGN §3; Xi'an 80 / Beijing 54 without their unpublished shift, see datumNote).
 */
export function crsToWgs84(def: CrsDef): PositionFn {
  if (def.type === 'geographic') return (x, y) => [x, y];
  // No towgs84 on either side: proj4 keeps latitude/longitude on the source ellipsoid as they are.
  const conv = proj4(crsProj4(def), '+proj=longlat +datum=WGS84 +no_defs');
  return (x, y) => conv.forward([x, y]) as [number, number];
}

/** A note for systems whose datum shift to WGS84 is not public (Xi'an 80, Beijing 54), else null. */
export function datumNote(def: CrsDef): { en: string; zh: string } | null {
  if (def.type === 'web-mercator' || def.datum === 'wgs84' || def.datum === 'cgcs2000') return null;
  const n = DATUM_NAMES[def.datum];
  return {
    en: `${n.en} → WGS84 needs datum parameters that are not public; positions may be off by tens of metres up to about 100 m. Check against known places.`,
    zh: `${n.zh} → WGS84 的转换参数未公开，位置可能偏差数十米至约 100 米，请对照已知地物核对。`,
  };
}

/** A readable name, e.g. "CGCS2000 3° Gauss-Krüger, CM 117°E (EPSG:4548)". */
export function crsLabel(def: CrsDef, lang: 'en' | 'zh'): string {
  const code = epsgOf(def);
  const suffix = code ? (lang === 'zh' ? `（EPSG:${code}）` : ` (EPSG:${code})`) : '';
  if (def.type === 'web-mercator') return (lang === 'zh' ? 'Web 墨卡托' : 'Web Mercator') + suffix;
  const datum = DATUM_NAMES[def.datum][lang];
  if (def.type === 'geographic') return (lang === 'zh' ? `${datum} 经纬度` : `${datum} longitude/latitude`) + suffix;
  const zone = zoneOfMeridian(def.width, def.cm);
  if (lang === 'zh') {
    const z = def.zonePrefix ? `，带号 ${zone}（东坐标含带号）` : '，东坐标不含带号';
    return `${datum} ${def.width}度带高斯-克吕格，中央经线 ${def.cm}°E${z}${suffix}`;
  }
  const z = def.zonePrefix ? `, zone ${zone} prefixed to the easting` : ', easting without zone';
  return `${datum} ${def.width}° Gauss-Krüger, CM ${def.cm}°E${z}${suffix}`;
}
