import { crsId, meridianOfZone, zoneOfMeridian, type CrsDef, type Datum } from './crsCatalog';
import { inChina } from './detectCoordinateSystem';

/** A system the data may be in, with why, in both languages. */
export interface CrsCandidate {
  def: CrsDef;
  /** crsId(def), what the importer is given. */
  id: string;
  reason_en: string;
  reason_zh: string;
}

/** Where the data are, as the user typed it or as the loaded layers/map show it. */
export interface PlaceHint {
  lon: number;
  name_en: string;
  name_zh: string;
}

export interface ProjectedCrsHints {
  /** Latitude read from the northing (Gauss-Krüger), ≈ 0.1°; null when the eastings carry no GK reading. */
  latitude: number | null;
  /** Distance of the data's west and east edges from the central meridian, km (negative = west). */
  spreadKm: [number, number] | null;
  /** Best first; empty when nothing points to a system (then ask for a place). */
  candidates: CrsCandidate[];
}

const M_PER_DEG = 111_320;
const MERCATOR_MAX = 20037508.34;
const round1 = (v: number): number => Math.round(v * 10) / 10;

/**
 * Suggests the system of projected coordinates from their bounding box [xmin, ymin, xmax, ymax]:
 * the zone number when it prefixes the easting (38,5xx,xxx → 3° zone 38, CM 114°E); else, given a
 * place, the central meridian that puts the data at that place: the data's centre lies
 * (x − 500 km) / (111.32 km · cos φ) degrees east of the meridian, φ read from the northing. A
 * standard 3°/6° zone's meridian within 0.25° of that estimate comes first; otherwise the estimate
 * itself (a city's own meridian, e.g. 南京 118.8°E) and then the nearest zones.
 */
export function suggestProjectedCrs(
  bbox: [number, number, number, number],
  options: {
    place?: PlaceHint | null;
    datum?: Datum;
    /**
     * Offer the place's own meridian (default true). A city meridian always puts the data at the
     * place by construction, so it is only worth offering for a place the user typed, not one
     * taken from other layers.
     */
    localMeridian?: boolean;
  } = {},
): ProjectedCrsHints {
  const [x0, y0, x1, y1] = bbox;
  const datum = options.datum ?? 'cgcs2000';
  const xc = (x0 + x1) / 2;
  const yc = (y0 + y1) / 2;
  const candidates: CrsCandidate[] = [];
  const gk = (width: 3 | 6, cm: number, zonePrefix: boolean, en: string, zh: string): void => {
    const def: CrsDef = { type: 'gk', datum, width, cm, zonePrefix };
    const id = crsId(def);
    if (!candidates.some((c) => c.id === id)) candidates.push({ def, id, reason_en: en, reason_zh: zh });
  };
  const gkPlausible = y0 >= 1.5e6 && y1 <= 6.6e6;
  const latitude = gkPlausible ? round1(yc / 110_900) : null;
  const cosLat = Math.cos(((latitude ?? 35) * Math.PI) / 180);

  const zone = Math.floor(x0 / 1e6);
  const prefixed = zone >= 13 && zone <= 45 && Math.floor(x1 / 1e6) === zone && x0 - zone * 1e6 >= 250000 && x1 - zone * 1e6 <= 750000;
  let spreadKm: [number, number] | null = null;
  if (gkPlausible && prefixed && zone >= 25) {
    const cm = meridianOfZone(3, zone);
    spreadKm = [Math.round((x0 - zone * 1e6 - 500000) / 1000), Math.round((x1 - zone * 1e6 - 500000) / 1000)];
    gk(3, cm, true, `the easting starts with the zone number ${zone} (3° zone, CM ${cm}°E)`, `东坐标以带号 ${zone} 开头（3度带，中央经线 ${cm}°E）`);
  } else if (gkPlausible && prefixed) {
    const cm = meridianOfZone(6, zone);
    spreadKm = [Math.round((x0 - zone * 1e6 - 500000) / 1000), Math.round((x1 - zone * 1e6 - 500000) / 1000)];
    gk(6, cm, true, `the easting starts with the zone number ${zone} (6° zone, CM ${cm}°E)`, `东坐标以带号 ${zone} 开头（6度带，中央经线 ${cm}°E）`);
  } else if (gkPlausible && x0 >= 0 && x1 <= 1e6) {
    spreadKm = [Math.round((x0 - 500000) / 1000), Math.round((x1 - 500000) / 1000)];
    const place = options.place;
    if (place) {
      const east = (xc - 500000) / (M_PER_DEG * cosLat);
      const est = place.lon - east;
      const side = (km: number, lang: 'en' | 'zh') => (lang === 'en' ? (km >= 0 ? `${km} km east of` : `${-km} km west of`) : km >= 0 ? `以东 ${km} 公里` : `以西 ${-km} 公里`);
      const offKm = Math.round((xc - 500000) / 1000);
      const cm3 = Math.round(est / 3) * 3;
      const cm6 = Math.round((est + 3) / 6) * 6 - 3;
      const why3 = (cm: number): [string, string] => [
        `${place.name_en} (${place.lon}°E) with the data ${side(offKm, 'en')} the meridian fits the 3° zone CM ${cm}°E`,
        `${place.name_zh}（${place.lon}°E）且数据位于中央经线${side(offKm, 'zh')}，与 3度带中央经线 ${cm}°E 相符`,
      ];
      const local = () =>
        options.localMeridian !== false &&
        gk(3, round1(est), false,
          `${place.name_en} lies at ${place.lon}°E and the data ${side(offKm, 'en')} their meridian: CM ≈ ${round1(est)}°E (a city's own meridian)`,
          `${place.name_zh}位于 ${place.lon}°E，数据在中央经线${side(offKm, 'zh')}：中央经线约 ${round1(est)}°E（城市独立中央经线）`);
      const zoneFits = Math.abs(est - cm3) <= 0.25;
      if (zoneFits) gk(3, cm3, false, ...why3(cm3));
      else local();
      gk(3, cm3, false, `nearest 3° zone: CM ${cm3}°E`, `最近的 3度带：中央经线 ${cm3}°E`);
      if (Math.abs(est - cm6) <= 3) gk(6, cm6, false, `nearest 6° zone: CM ${cm6}°E`, `最近的 6度带：中央经线 ${cm6}°E`);
      if (zoneFits) local();
    }
  }

  // Web Mercator, when that reading lands in China.
  if (Math.abs(x0) <= MERCATOR_MAX && Math.abs(x1) <= MERCATOR_MAX && Math.abs(y0) <= MERCATOR_MAX && Math.abs(y1) <= MERCATOR_MAX) {
    const lon = (xc / MERCATOR_MAX) * 180;
    const lat = (Math.atan(Math.exp((yc / MERCATOR_MAX) * Math.PI)) * 360) / Math.PI - 90;
    if (inChina(lon, lat) && x0 > 5e6) {
      candidates.push({
        def: { type: 'web-mercator' },
        id: 'EPSG:3857',
        reason_en: `read as Web Mercator the data lie at ${round1(lon)}°E ${round1(lat)}°N`,
        reason_zh: `按 Web 墨卡托解读，数据位于 ${round1(lon)}°E ${round1(lat)}°N`,
      });
    }
  }
  return { latitude, spreadKm, candidates };
}

/** The zone-prefix reading of one central meridian, for the chooser's checkbox. */
export function canPrefixZone(width: 3 | 6, cm: number): boolean {
  return zoneOfMeridian(width, cm) !== null;
}
