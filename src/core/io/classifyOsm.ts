import { readNumber } from '../model/parseNumber';
import { isResidentialBuilding } from '../estimate/residentialBuilding';
import { area as turfArea, booleanPointInPolygon, distance, length as turfLength } from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, LineString, MultiLineString, MultiPolygon, Point, Polygon } from 'geojson';
import type { RuleSet } from '../rules/types';
import { defaultRules } from '../rules/defaultRules';
import { classifyFacility, type FacilityMatch } from './osm/classifyFacility';
import { isWalkableHighway, type TrunkPolicy } from './osm/isWalkableHighway';
import { matchAlternatives, osmName } from './osm/matchOsmTags';
import { anchorPoint } from './anchorPoint';

export interface ClassifyOsmOptions {
  /** Categories (osm_tags, osm_exclude, name_patterns_zh) and park rules. @default the GB 50180-2018 set */
  rules?: Pick<RuleSet, 'categories' | 'parks'>;
  /** See TrunkPolicy. @default 'ground' */
  trunk?: TrunkPolicy;
  /** Two facilities of one category with the same name closer than this (metres) are one. @default 150 */
  dedupeMetres?: number;
}

export interface OsmLayers {
  network: FeatureCollection<LineString | MultiLineString>;
  communities: FeatureCollection<Polygon | MultiPolygon>;
  facilities: FeatureCollection<Point>;
  parks: FeatureCollection<Polygon | MultiPolygon>;
  parking: FeatureCollection<Point | Polygon | MultiPolygon>;
  /** residential buildings (building=residential, apartments, house, yes …; levels from building:levels) for the household estimate */
  buildings: FeatureCollection<Polygon | MultiPolygon>;
}

export interface UnclassifiedFeature {
  id: string;
  name: string | null;
  /** The tags that made it look like a service, e.g. "amenity=restaurant". */
  tags: string;
  geometryType: Geometry['type'];
}

export interface OsmClassification {
  layers: OsmLayers;
  counts: {
    network: number;
    /** Total length of the walkable network in km (Turf length). */
    networkKm: number;
    communities: number;
    parks: number;
    parking: number;
    facilities: number;
    buildings: number;
    /** Facilities per rule-set category id (every category listed, 0 when none). */
    byCategory: Record<string, number>;
  };
  /** Service-like features (amenity, shop, leisure, office, healthcare ...) no category took; the user may reassign them. */
  unclassified: UnclassifiedFeature[];
  /** The same, counted by their main tag ("amenity=restaurant": 33). */
  unclassifiedByTag: Record<string, number>;
  /**
   * How many residential buildings stand in for communities because the extract has no
   * residential areas and no named residential buildings (0 when not needed): one community each.
   */
  buildingFallback: number;
}

const SERVICE_KEYS = ['amenity', 'shop', 'leisure', 'office', 'healthcare', 'social_facility', 'tourism', 'craft', 'club'];
/** Buildings people live in (dormitories included: their residents need the same services). */
const RESIDENTIAL_BUILDINGS = new Set(['residential', 'apartments', 'dormitory']);
const PUBLIC_NO = new Set(['private', 'no', 'permit', 'residents', 'delivery', 'employees', 'military']);
const GREEN_FOR_NAME = [
  ['landuse', ['grass', 'village_green', 'forest', 'meadow']],
  ['leisure', ['common', 'recreation_ground']],
  ['natural', ['wood', 'scrub', 'grassland']],
] as const;

type Poly = Polygon | MultiPolygon;
const isPoly = (g: Geometry): g is Poly => g.type === 'Polygon' || g.type === 'MultiPolygon';
const isLine = (g: Geometry): g is LineString | MultiLineString => g.type === 'LineString' || g.type === 'MultiLineString';

function round1(v: number): number {
  return Math.round(v * 10) / 10;
}

/** capacity=* as a whole number ≥ 0 through the one number grammar; "10-20" or "many" stay unknown. */
function parseIntOrNull(v: unknown): number | null {
  return typeof v === 'string' ? readNumber(v, 'count').value : null;
}

/** Network geometry: lines as they are; a pedestrian area (highway=pedestrian, area=yes) walks along its outline. */
function networkGeometry(g: Geometry): LineString | MultiLineString | null {
  if (isLine(g)) return g;
  if (g.type === 'Polygon') return { type: 'LineString', coordinates: g.coordinates[0] ?? [] };
  if (g.type === 'MultiPolygon') return { type: 'MultiLineString', coordinates: g.coordinates.map((p) => p[0] ?? []) };
  return null;
}

/**
 * Turns one OSM extract (from readLayerFile: properties are the tags plus id "way/123") into all the
 * layers of a study area (issue 4): walkable highways → network; landuse=residential and named
 * residential buildings outside them → communities; parks by the rule set's green tags; parking
 * with capacity → spaces; facilities by each category's osm_tags and Chinese name patterns
 * (polygons become their representative point; one feature may serve several categories).
 * Counts per layer and category, and the service-like features nothing took.
 */
export function classifyOsm(fc: FeatureCollection, options: ClassifyOsmOptions = {}): OsmClassification {
  const rules = options.rules ?? defaultRules;
  const trunk = options.trunk ?? 'ground';
  const dedupe = options.dedupeMetres ?? 150;
  const network: Feature<LineString | MultiLineString>[] = [];
  const landuse: Feature<Poly>[] = [];
  const buildings: Feature<Poly>[] = [];
  const housing: Feature<Poly>[] = [];
  const unnamedHousing: Feature<Poly>[] = [];
  const parks: Feature<Poly>[] = [];
  const parking: Feature<Point | Poly>[] = [];
  const facilities: Feature<Point>[] = [];
  const unclassified: UnclassifiedFeature[] = [];
  const byCategory: Record<string, number> = Object.fromEntries(rules.categories.map((c) => [c.id, 0]));
  const seen = new Map<string, Feature<Point>[]>();

  for (const f of fc.features) {
    const g = f.geometry;
    if (!g) continue;
    const tags = (f.properties ?? {}) as Record<string, unknown>;
    const id = String(tags.id ?? f.id ?? '');
    const name = osmName(tags);
    let areaCache: number | null | undefined;
    const areaM2 = (): number | null => (areaCache ??= isPoly(g) ? turfArea(g) : null);
    let taken = false;

    if (typeof tags.highway === 'string') {
      const ng = networkGeometry(g);
      if (ng && (isLine(g) || tags.area === 'yes') && isWalkableHighway(tags, trunk)) {
        network.push({ type: 'Feature', properties: { ...tags, id, name }, geometry: ng });
      }
      if (isLine(g)) continue;
    }
    // every dwelling footprint, for the household estimate (issue 15): a layer of its own, not communities
    if (isPoly(g) && typeof tags.building === 'string' && tags.building !== 'no' && isResidentialBuilding(tags)) {
      housing.push({ type: 'Feature', properties: { ...tags, id, name, ...(tags['building:levels'] !== undefined ? { levels: tags['building:levels'] } : {}) }, geometry: g });
    }
    if (isPoly(g) && tags.landuse === 'residential') {
      landuse.push({ type: 'Feature', properties: { ...tags, id, name, source: 'landuse=residential' }, geometry: g });
      taken = true;
    } else if (isPoly(g) && typeof tags.building === 'string' && RESIDENTIAL_BUILDINGS.has(tags.building)) {
      const b: Feature<Poly> = { type: 'Feature', properties: { ...tags, id, name, source: `building=${tags.building}` }, geometry: g };
      if (name) buildings.push(b);
      else unnamedHousing.push(b);
      taken = !!name;
    }
    const parkCtx = { nameMatches: false, areaM2 };
    if (isPoly(g) && matchAlternatives(tags, rules.parks.osm_exclude, parkCtx) < 0) {
      const byTag = matchAlternatives(tags, rules.parks.osm_tags, parkCtx) >= 0;
      const byName =
        !byTag &&
        name !== null &&
        rules.parks.name_patterns_zh.some((p) => name.includes(p)) &&
        GREEN_FOR_NAME.some(([k, vals]) => (vals as readonly string[]).includes(String(tags[k])));
      if (byTag || byName) {
        parks.push({ type: 'Feature', properties: { ...tags, id, name, area_m2: round1(areaM2() ?? 0) }, geometry: g });
        taken = true;
      }
    }
    if (tags.amenity === 'parking' && (g.type === 'Point' || isPoly(g))) {
      const access = typeof tags.access === 'string' ? tags.access : undefined;
      parking.push({
        type: 'Feature',
        properties: { ...tags, id, name, spaces: parseIntOrNull(tags.capacity), public: !(access && PUBLIC_NO.has(access)) },
        geometry: g,
      });
      taken = true;
    }
    const matches: FacilityMatch[] = classifyFacility(tags, name, areaM2, rules.categories);
    if (matches.length > 0) {
      const point: Point = { type: 'Point', coordinates: anchorPoint(g) };
      for (const m of matches) {
        const key = `${m.category}|${name ?? id}`;
        const twins = seen.get(key) ?? [];
        if (name && twins.some((t) => distance(t.geometry.coordinates, point.coordinates, { units: 'meters' }) < dedupe)) continue;
        const capacity = parseIntOrNull(tags.capacity);
        const fac: Feature<Point> = {
          type: 'Feature',
          properties: { ...tags, id: `${id}:${m.category}`, osm_id: id, name, category: m.category, category_source: m.via, ...(capacity !== null ? { capacity } : {}) },
          geometry: point,
        };
        twins.push(fac);
        seen.set(key, twins);
        facilities.push(fac);
        byCategory[m.category] = (byCategory[m.category] ?? 0) + 1;
      }
      taken = true;
    }
    if (!taken) {
      const key = SERVICE_KEYS.find((k) => typeof tags[k] === 'string');
      if (key) unclassified.push({ id, name, tags: `${key}=${String(tags[key])}`, geometryType: g.type });
    }
  }

  // A named residential building inside a residential area is part of that compound, not another one.
  const communities: Feature<Poly>[] = [...landuse];
  for (const b of buildings) {
    const p = anchorPoint(b.geometry);
    if (!landuse.some((l) => booleanPointInPolygon(p, l.geometry))) communities.push(b);
  }
  // A district mapped building by building: every residential building is a community, coarser
  // than compounds but enough to run the analysis (the app and the CLI warn: osm-building-fallback).
  let buildingFallback = 0;
  if (communities.length === 0 && unnamedHousing.length > 0) {
    for (const b of unnamedHousing) {
      b.properties = { ...b.properties, source: `${String(b.properties?.source)} (fallback)` };
      communities.push(b);
    }
    buildingFallback = communities.length;
  }

  const unclassifiedByTag: Record<string, number> = {};
  for (const u of unclassified) unclassifiedByTag[u.tags] = (unclassifiedByTag[u.tags] ?? 0) + 1;
  let km = 0;
  for (const n of network) km += turfLength(n, { units: 'kilometers' });
  return {
    layers: {
      network: { type: 'FeatureCollection', features: network },
      communities: { type: 'FeatureCollection', features: communities },
      facilities: { type: 'FeatureCollection', features: facilities },
      parks: { type: 'FeatureCollection', features: parks },
      parking: { type: 'FeatureCollection', features: parking },
      buildings: { type: 'FeatureCollection', features: housing },
    },
    counts: {
      network: network.length,
      networkKm: Math.round(km * 100) / 100,
      communities: communities.length,
      parks: parks.length,
      parking: parking.length,
      facilities: facilities.length,
      buildings: housing.length,
      byCategory,
    },
    unclassified,
    unclassifiedByTag,
    buildingFallback,
  };
}
