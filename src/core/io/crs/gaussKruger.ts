import { crsFromEpsg, falseEasting, zoneOfMeridian } from './crsCatalog';

/**
 * CGCS2000 Gauss-Krüger projections (EPSG:4491–4554), the national grid of Chinese planning and
 * land-survey data. CGCS2000's ellipsoid differs from GRS80 by 0.1 mm in the semi-minor axis, so
 * GRS80 is used; CGCS2000 geographic is treated as WGS84 (DESIGN §3: the < 1 m datum difference is
 * below what life-circle analysis resolves).
 */
export interface GaussKrugerZone {
  /** Zone width in degrees. */
  width: 3 | 6;
  /** Zone number, or null for the central-meridian variants (no zone prefix in the easting). */
  zone: number | null;
  /** Central meridian in degrees east. */
  centralMeridian: number;
  epsg: number;
  /** False easting in metres: 500,000 plus zone × 1,000,000 when the zone prefixes the easting. */
  falseEasting: number;
}

/** proj4 definition of a transverse Mercator on GRS80 with scale 1 (Gauss-Krüger). */
export function gaussKrugerProj4(centralMeridian: number, falseEasting: number): string {
  return `+proj=tmerc +lat_0=0 +lon_0=${centralMeridian} +k=1 +x_0=${falseEasting} +y_0=0 +ellps=GRS80 +units=m +no_defs`;
}

/**
 * The zone definition of a CGCS2000 Gauss-Krüger EPSG code, or null when the code is not one:
 * 4491–4501 6° zones 13–23; 4502–4512 6° by central meridian 75–135°E; 4513–4533 3° zones 25–45;
 * 4534–4554 3° by central meridian 75–135°E (the table is crsCatalog's).
 */
export function gaussKrugerFromEpsg(epsg: number): GaussKrugerZone | null {
  const def = crsFromEpsg(epsg);
  if (!def || def.type !== 'gk' || def.datum !== 'cgcs2000') return null;
  return { width: def.width, zone: def.zonePrefix ? zoneOfMeridian(def.width, def.cm) : null, centralMeridian: def.cm, epsg, falseEasting: falseEasting(def) };
}

/**
 * The 3° zone whose number prefixes these eastings (e.g. 38,512,345.6 m → zone 38, central
 * meridian 114°E, EPSG:4526), or null when the eastings do not all carry the same plausible prefix.
 * 6° zones (13–23) are not guessed: their eastings overlap Web Mercator's range over China.
 */
export function zoneFromEastings(xmin: number, xmax: number): GaussKrugerZone | null {
  const zone = Math.floor(xmin / 1e6);
  if (zone < 25 || zone > 45 || Math.floor(xmax / 1e6) !== zone) return null;
  // A 3° zone is ±1.5° wide: ±170 km at the equator; allow generous slack for data past the edge.
  const lo = xmin - zone * 1e6;
  const hi = xmax - zone * 1e6;
  if (lo < 250000 || hi > 750000) return null;
  return gaussKrugerFromEpsg(4513 + zone - 25);
}
