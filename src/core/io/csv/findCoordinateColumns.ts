/** The columns that hold a CSV's coordinates. */
export type CoordinateColumns =
  | { kind: 'lonlat'; lon: string; lat: string }
  /** One column with "lon,lat" text, as Amap exports write `location`. */
  | { kind: 'pair'; column: string }
  /** One column with WKT geometry (ogr2ogr -lco GEOMETRY=AS_WKT). */
  | { kind: 'wkt'; column: string };

function norm(h: string): string {
  return h
    .replace(/^\uFEFF/, '')
    .toLowerCase()
    .replace(/[\s_\-.()（）[\]]/g, '');
}

const LON_EXACT = ['lon', 'lng', 'long', 'longitude', 'x', '经度', 'pointx', 'xcoord', 'x坐标', '东经', 'lonwgs84', 'lngwgs84', 'wgs84lon', 'wgs84lng'];
const LAT_EXACT = ['lat', 'latitude', 'y', '纬度', 'pointy', 'ycoord', 'y坐标', '北纬', 'latwgs84', 'wgs84lat'];
const LON_PART = /(lng|lon(?!g?e?r)|longitude|经度)/;
const LAT_PART = /(lat(?!e)|latitude|纬度)/;
const PAIR_NAMES = ['location', 'lnglat', 'lonlat', 'coordinates', 'coords', '坐标', '经纬度', 'gps'];
const WKT_NAMES = ['wkt', 'geometry', 'thegeom', 'geom', 'shape'];

/** Prefers WGS84-named columns when a file carries several systems (e.g. wgs84_lng and gcj02_lng). */
function pick(cands: string[]): string | undefined {
  return cands.find((c) => /wgs/i.test(c)) ?? cands[0];
}

/**
 * Finds coordinate columns by name, case-insensitively and ignoring spaces, '_', '-' and a BOM:
 * lon/lng/longitude/x/经度 with lat/latitude/y/纬度 (exact names first, then names containing
 * them such as wgs84_lng), else a "lon,lat" pair column (location, 经纬度), else a WKT column.
 */
export function findCoordinateColumns(headers: readonly string[]): CoordinateColumns | null {
  const n = headers.map(norm);
  const exact = (list: string[]): string[] => headers.filter((_, i) => list.includes(n[i] as string));
  let lon = pick(exact(LON_EXACT));
  let lat = pick(exact(LAT_EXACT));
  if (!lon || !lat) {
    lon ??= pick(headers.filter((_, i) => LON_PART.test(n[i] as string)));
    lat ??= pick(headers.filter((_, i) => LAT_PART.test(n[i] as string)));
  }
  if (lon && lat && lon !== lat) return { kind: 'lonlat', lon, lat };
  const pair = headers.find((_, i) => PAIR_NAMES.includes(n[i] as string));
  if (pair) return { kind: 'pair', column: pair };
  const wkt = headers.find((_, i) => WKT_NAMES.includes(n[i] as string));
  if (wkt) return { kind: 'wkt', column: wkt };
  return null;
}

/**
 * A coordinate from a cell: decimal degrees ("116.397", " 116,397 " with a decimal comma) or
 * degrees-minutes-seconds ("116°23'50.4\"E", "39°54′N"); NaN when it is neither.
 */
export function parseCoordinate(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v !== 'string') return NaN;
  const s = v.trim();
  if (s === '') return NaN;
  if (/^[+-]?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(s)) return Number(s);
  if (/^[+-]?\d+,\d+$/.test(s)) return Number(s.replace(',', '.'));
  const dms = /^([+-]?\d+(?:\.\d+)?)\s*[°度]\s*(?:(\d+(?:\.\d+)?)\s*['′分]\s*)?(?:(\d+(?:\.\d+)?)\s*["″秒]\s*)?([NSEW东西南北])?$/i.exec(s);
  if (dms) {
    const deg = Number(dms[1]);
    const val = Math.abs(deg) + Number(dms[2] ?? 0) / 60 + Number(dms[3] ?? 0) / 3600;
    const neg = deg < 0 || /[SW西南]/i.test(dms[4] ?? '');
    return neg ? -val : val;
  }
  return NaN;
}
