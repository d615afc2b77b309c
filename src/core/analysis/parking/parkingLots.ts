import { issueDetails } from '../../messages/analysisIssues';
import type { Feature, Geometry, GeoJsonProperties } from 'geojson';
import { parseNumber } from '../../model/normalize';
import { featureId } from '../coverage/coveragePoints';
import { representativePoint } from '../points/representativePoint';

type Features = { features: ReadonlyArray<Feature<Geometry | null, GeoJsonProperties> | null | undefined> };

export interface ParkingLotOptions {
  /** property with the number of spaces @default 'spaces' */
  spacesField?: string;
  /** property saying whether residents may use the lot @default 'public' */
  publicField?: string;
}

/** A lot left out of (part of) the parking analysis, never silently. */
export interface ParkingIssue {
  /** feature index in the parking collection */
  index: number;
  id: string | null;
  reason: 'no_geometry' | 'invalid_geometry' | 'invalid_spaces' | 'beyond_max_snap';
  detail?: string;
  detail_zh?: string;
  /** metres to the nearest network segment, for beyond_max_snap */
  distance?: number;
}

/** Parking lots as flat arrays, indexed like the parking collection. */
export interface ParkingLots {
  count: number;
  ids: (string | null)[];
  /** lon, lat interleaved: the point, or a polygon's representative point (NaN when none) */
  points: Float64Array;
  /** spaces (0 when missing or unreadable) */
  spaces: Float64Array;
  /** 1 unless the lot says it is not public */
  isPublic: Uint8Array;
  /** lots without a usable geometry, and unreadable `spaces` (counted as 0) */
  issues: ParkingIssue[];
}

const NOT_PUBLIC = new Set(['false', 'no', 'n', '0', 'private', '否', '私有', '不开放', '非公共', '内部']);

/**
 * Whether a lot's `public` value lets residents use it (DESIGN §3: `public !== false`): only an
 * explicit no — false, 0, "false", "no", "private", "否", "私有", "不开放" — excludes a lot; a
 * missing value counts as public.
 */
export function isPublicValue(v: unknown): boolean {
  if (v === false || v === 0) return false;
  if (typeof v === 'string') return !NOT_PUBLIC.has(v.trim().toLowerCase());
  return true;
}

/**
 * Reads the parking layer: one point per lot (Point; a MultiPoint's first point; a polygon's
 * representative point), its spaces and whether it is public.
 */
export function parkingLots(parking: Features, options: ParkingLotOptions = {}): ParkingLots {
  const sf = options.spacesField ?? 'spaces';
  const pf = options.publicField ?? 'public';
  const feats = parking.features;
  const count = feats.length;
  const points = new Float64Array(2 * count).fill(NaN);
  const spaces = new Float64Array(count);
  const isPublic = new Uint8Array(count);
  const ids: (string | null)[] = [];
  const issues: ParkingIssue[] = [];
  for (let j = 0; j < count; j++) {
    const f = feats[j];
    const id = featureId(f);
    ids.push(id);
    const props = f?.properties ?? {};
    isPublic[j] = isPublicValue(props[pf]) ? 1 : 0;
    const raw = props[sf];
    const x = parseNumber(raw);
    if (x !== null && x >= 0) spaces[j] = x;
    else if (raw != null && raw !== '') {
      issues.push({ index: j, id, reason: 'invalid_spaces', ...issueDetails('invalid_spaces', { subject: 'lot', field: sf, value: raw }) });
    }
    const g = f?.geometry;
    if (!g) {
      issues.push({ index: j, id, reason: 'no_geometry' });
      continue;
    }
    let p: [number, number] | null = null;
    if (g.type === 'MultiPoint' && Array.isArray(g.coordinates) && g.coordinates.length > 0) p = representativePoint({ type: 'Point', coordinates: g.coordinates[0] });
    else p = representativePoint(g);
    if (!p || Math.abs(p[0]) > 180 || Math.abs(p[1]) > 90) {
      issues.push({ index: j, id, reason: 'invalid_geometry', ...issueDetails('invalid_geometry', { subject: 'lot', geometryType: g.type }) });
      continue;
    }
    points[2 * j] = p[0];
    points[2 * j + 1] = p[1];
  }
  return { count, ids, points, spaces, isPublic, issues };
}
