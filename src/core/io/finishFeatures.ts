import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import type { IssueCollector } from './issueCollector';
import type { IndexedFeature } from './geojson/cleanFeatures';
import { filterByKind } from './geojson/filterByKind';
import { checkSelfIntersections } from './geojson/checkSelfIntersections';
import { detectCoordinateSystem } from './crs/detectCoordinateSystem';
import { forEachPositionList, mapFeature, type PositionFn } from './crs/mapCoordinates';
import { gaussKrugerProj4 } from './crs/gaussKruger';
import { projectionToWgs84 } from './crs/projectToWgs84';
import { suggestChineseCrs } from './crs/suggestChineseCrs';
import { DATUM_NAMES, datumNote, parseCrsId } from './crs/crsCatalog';
import { guessLayerKind } from './guessLayerKind';
import { checkValues } from './checkValues';
import type { DetectedInfo, ReadLayerOptions } from './types';
import proj4 from 'proj4';

/** How the format reader already knows the coordinate system (from a .prj or a GeoJSON "crs" member). */
export interface DeclaredCrs {
  /** A name/WKT/proj string understood by `projectionToWgs84`. */
  source: string;
  /** Display name for messages. */
  name: string;
  origin: 'prj' | 'crs-member';
}

export interface FinishContext {
  fileName: string;
  options: ReadLayerOptions;
  issues: IssueCollector;
  /** Number of features (rows, elements) in the file before any were skipped. */
  rawCount: number;
  declared?: DeclaredCrs | null;
  /** OSM extracts mix geometry types by nature. */
  skipMixedCheck?: boolean;
  /** OSM polygons are assembled by osmtogeojson; touching multipolygon rings would be noise. */
  skipSelfIntersections?: boolean;
}

export interface FinishResult {
  features: FeatureCollection;
  crs: DetectedInfo['crs'];
  kind: DetectedInfo['kind'];
  geometryTypes: DetectedInfo['geometryTypes'];
}

// Geometry and entrances alike: a swap or projection that skipped the gates would drop them (issue 9).
function transform(items: IndexedFeature[], fn: PositionFn): IndexedFeature[] {
  return items.map(({ f, i }) => ({ f: mapFeature(f, fn), i }));
}

function fmt(v: number): string {
  return Math.abs(v) >= 1000 ? Math.round(v).toLocaleString('en-US') : String(Math.round(v * 1000) / 1000);
}

const swap: PositionFn = (x, y) => [y, x];

/**
 * The steps every format shares after parsing (DESIGN §8): find the coordinate system and convert
 * to WGS84 (declared → explicit option → detected by range), drop features outside lon/lat range,
 * suggest GCJ-02/BD-09, filter by layer kind, flag or repair self-intersections, guess the kind.
 */
export function finishFeatures(items: IndexedFeature[], ctx: FinishContext): FinishResult {
  const { issues, options } = ctx;
  const crs: DetectedInfo['crs'] = { source: 'wgs84', converted: false, swapped: false, suggestion: null, suggestionReasons: [] };
  const requested = options.crs ?? 'auto';
  const fc = (list: IndexedFeature[]): FeatureCollection => ({ type: 'FeatureCollection', features: list.map((x) => x.f) });
  const fail = (): FinishResult => ({
    features: { type: 'FeatureCollection', features: [] },
    crs,
    kind: { guess: null, confidence: 0, reasons: [] },
    geometryTypes: {},
  });

  if (ctx.rawCount === 0) {
    issues.add('empty-collection');
    return fail();
  }

  const explicitProjected = requested !== 'auto' && requested !== 'wgs84' && requested !== 'gcj02' && requested !== 'bd09';
  if (explicitProjected) {
    const fn = projectionToWgs84(requested);
    if (!fn) {
      issues.add('unknown-crs', { crs: requested });
      return fail();
    }
    const raw = detectCoordinateSystem(fc(items));
    if (raw.kind !== 'geographic' && raw.kind !== 'swapped' && raw.kind !== 'empty') crs.projectedBbox = raw.bbox;
    items = transform(items, fn);
    crs.source = requested;
    crs.converted = true;
    issues.add('crs-converted', { crs: requested });
    const def = parseCrsId(requested);
    if (def && datumNote(def) && def.type !== 'web-mercator' && def.datum !== 'wgs84') {
      issues.add('crs-datum-approximate', { datum_en: DATUM_NAMES[def.datum].en, datum_zh: DATUM_NAMES[def.datum].zh });
    }
  } else if (ctx.declared) {
    const fn = projectionToWgs84(ctx.declared.source);
    if (fn) {
      items = transform(items, fn);
      crs.source = ctx.declared.name;
      crs.converted = true;
      issues.add(ctx.declared.origin === 'prj' ? 'projected-prj' : 'crs-member', { name: ctx.declared.name, crs: ctx.declared.name });
    } else if (ctx.declared.origin === 'prj') issues.add('prj-unreadable');
    else issues.add('unknown-crs', { crs: ctx.declared.name });
  }

  if (!crs.converted) {
    const guess = detectCoordinateSystem(fc(items));
    const [x0, y0, x1, y1] = guess.bbox;
    if (guess.kind !== 'geographic' && guess.kind !== 'swapped' && guess.kind !== 'empty') crs.projectedBbox = guess.bbox;
    switch (guess.kind) {
      case 'swapped':
        items = transform(items, swap);
        crs.swapped = true;
        issues.add('swapped-latlon');
        break;
      case 'web-mercator':
        items = transform(items, projectionToWgs84('EPSG:3857') as PositionFn);
        crs.source = 'EPSG:3857';
        crs.converted = true;
        issues.add('projected-web-mercator');
        break;
      case 'gauss-kruger': {
        const z = guess.zone;
        const conv = proj4(gaussKrugerProj4(z.centralMeridian, z.falseEasting), 'WGS84');
        items = transform(items, (x, y) => conv.forward([x, y]) as [number, number]);
        crs.source = `EPSG:${z.epsg}`;
        crs.converted = true;
        issues.add('projected-gauss-kruger', { width: z.width, zone: z.zone ?? '', cm: z.centralMeridian, epsg: `EPSG:${z.epsg}` });
        break;
      }
      case 'gauss-kruger-no-zone':
        issues.add('projected-gk-no-zone', { xmin: fmt(x0), xmax: fmt(x1), ymin: fmt(y0), ymax: fmt(y1) });
        return fail();
      case 'projected-unknown':
        issues.add('projected-unknown', { xmin: fmt(x0), xmax: fmt(x1), ymin: fmt(y0), ymax: fmt(y1) });
        return fail();
      default:
        break;
    }
  }

  if (requested === 'gcj02' || requested === 'bd09') {
    items = transform(items, projectionToWgs84(requested) as PositionFn);
    crs.source = requested;
    crs.converted = true;
    issues.add('crs-converted', { crs: requested === 'gcj02' ? 'GCJ-02' : 'BD-09' });
  }

  // one callback per list of positions, made once (not a closure per feature: a layer has ~10⁵)
  let inRange = true;
  const check = (list: readonly Position[]): void => {
    for (let k = 0; k < list.length; k++) {
      const x = list[k][0], y = list[k][1];
      if (!(x >= -180 && x <= 180 && y >= -90 && y <= 90)) inRange = false;
    }
  };
  items = items.filter((it) => {
    inRange = true;
    forEachPositionList(it.f.geometry as Geometry, check);
    if (!inRange) issues.addFeature('coordinates-out-of-range', it.i);
    return inRange;
  });

  if (requested === 'auto' && crs.source === 'wgs84') {
    const s = suggestChineseCrs(fc(items), { fileName: ctx.fileName });
    crs.suggestion = s.suggestion;
    crs.suggestionReasons = s.reasons_en;
    if (s.suggestion) {
      const isBd = s.suggestion === 'bd09';
      issues.add('chinese-crs-suspected', {
        crs: isBd ? 'BD-09' : 'GCJ-02',
        reasons: s.reasons_en.join('; '),
        reasons_zh: s.reasons_zh.join('；'),
        source: isBd ? 'Baidu' : 'Amap (Gaode) or Tencent',
        source_zh: isBd ? '百度' : '高德或腾讯',
      });
    }
  }

  if (!(ctx.skipMixedCheck && !options.kind)) items = filterByKind(items, options.kind, issues);
  if (!ctx.skipSelfIntersections) items = checkSelfIntersections(items, options.repairSelfIntersections ?? false, issues);

  if (items.length === 0) {
    if (!issues.hasErrors()) issues.add('no-usable-features', { total: ctx.rawCount });
    return fail();
  }
  const kind = guessLayerKind(fc(items), ctx.fileName);
  // OSM extracts are classified into layers later (their tags are checked there).
  if (!ctx.skipMixedCheck) items = checkValues(items, options.kind ?? kind.guess, issues);
  const features: Feature[] = items.map((x) => x.f);
  const out: FeatureCollection = { type: 'FeatureCollection', features };
  const geometryTypes: DetectedInfo['geometryTypes'] = {};
  for (const f of features) {
    const t = (f.geometry as Geometry).type;
    geometryTypes[t] = (geometryTypes[t] ?? 0) + 1;
  }
  return { features: out, crs, kind, geometryTypes };
}
