import Flatbush from 'flatbush';
import { bbox as turfBbox, booleanPointInPolygon } from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import { representativePoint } from '../points/representativePoint';
import { neighborhoodOf, subdistrictOf } from '../../model/adminUnit';

type Props = Record<string, unknown> | null;
type FC = FeatureCollection<Geometry | null, Props>;

/** A polygon of an administrative-unit layer, as its names are read (the importer's field aliases). */
export interface UnitNames {
  subdistrict: string | null;
  neighborhood: string | null;
}

const text = (v: unknown) => (v == null || String(v).trim() === '' ? null : String(v).trim());

/**
 * What a unit polygon names: its 街道 / 乡镇 (`subdistrict`, else its own `name` when it is not a
 * 社区 / 村 polygon) and its 社区 / 村 (`neighborhood`). A 社区 layer with a 所属街道 column names both.
 */
export function unitNames(props: Props): UnitNames {
  const neighborhood = text(props?.neighborhood);
  return { subdistrict: text(props?.subdistrict) ?? (neighborhood ? null : text(props?.name)), neighborhood };
}

export interface UnitAssignment {
  /** the communities with `subdistrict` / `neighborhood` filled from the polygon holding them */
  fc: FC;
  /** communities that got a unit name they did not carry */
  assigned: number;
  /** communities that already named their unit (their own attribute is kept) */
  kept: number;
  /** communities whose representative point lies in no unit polygon */
  outside: number;
}

/**
 * The administrative units of the communities from a polygon layer of units (issue 12 §3): each
 * community lies in the unit polygon holding its representative point (the first one, by the
 * layer's order, when polygons overlap) and takes its 街道 and 社区 names where it names none itself
 * — a community's own attribute is the planner's word and stays. The same for the app (when a unit
 * layer is loaded) and the CLI (`--units`); other properties are untouched.
 */
export function assignUnits(communities: FC, units: FC): UnitAssignment {
  const polys = units.features.filter((f): f is Feature<Polygon | MultiPolygon, Props> => f?.geometry?.type === 'Polygon' || f?.geometry?.type === 'MultiPolygon');
  const names = polys.map((f) => unitNames(f.properties));
  const index = polys.length ? new Flatbush(polys.length) : null;
  if (index) {
    for (const f of polys) {
      const [a, b, c, d] = turfBbox(f);
      index.add(a, b, c, d);
    }
    index.finish();
  }
  let assigned = 0, kept = 0, outside = 0;
  const features = communities.features.map((f) => {
    const own = { subdistrict: subdistrictOf(f?.properties), neighborhood: neighborhoodOf(f?.properties) };
    const p = f?.geometry ? representativePoint(f.geometry) : null;
    const hits = p && index ? index.search(p[0], p[1], p[0], p[1]).sort((x, y) => x - y) : [];
    const u = hits.find((i) => booleanPointInPolygon(p!, polys[i]));
    if (u === undefined) {
      outside++;
      return f;
    }
    const n = names[u];
    const patch: Record<string, unknown> = {};
    if (!own.subdistrict && n.subdistrict) patch.subdistrict = n.subdistrict;
    if (!own.neighborhood && n.neighborhood) patch.neighborhood = n.neighborhood;
    if (!Object.keys(patch).length) {
      if (own.subdistrict || own.neighborhood) kept++;
      return f;
    }
    assigned++;
    return { ...f, properties: { ...(f.properties ?? {}), ...patch } };
  });
  return { fc: { ...communities, features }, assigned, kept, outside };
}
