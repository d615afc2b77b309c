import Flatbush from 'flatbush';
import { area as turfArea, bbox as turfBbox, booleanPointInPolygon } from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import { communityPopulation } from '../model/communityPopulation';
import { builtYear } from '../model/oldCommunity';
import { parseNumber } from '../model/parseNumber';
import { FIELD_ALIASES } from '../model/fieldAliases';
import { representativePoint } from '../analysis/points/representativePoint';
import { DEFAULTS, DENSITY_BY_PERIOD, DENSITY_UNKNOWN_YEAR } from '../rules/defaults';
import { isResidentialBuilding } from './residentialBuilding';

type Props = Record<string, unknown>;
type FC = FeatureCollection<Geometry | null, Props | null>;

/** Where a community's households come from (CLI `households_source`). */
export type HouseholdsSource = 'given' | 'joined' | 'buildings' | 'area';

export interface HouseholdEstimateOptions {
  /** m² per household @default DEFAULTS.floorAreaPerHousehold (90) */
  floorAreaPerHousehold?: number;
  /** dwellings' share of a residential building's floor area @default DEFAULTS.residentialShare (1) */
  residentialShare?: number;
  /** storeys of a building that states none @default DEFAULTS.buildingLevels (6) */
  defaultLevels?: number;
  /** households per hectare by built period @default DENSITY_BY_PERIOD */
  density?: readonly { before: number; householdsPerHectare: number }[];
  densityUnknownYear?: number;
  /** 'buildings': from buildings, else area; 'area': from the area only @default 'buildings' */
  method?: 'buildings' | 'area';
}

/** One community's households and how they were found. */
export interface HouseholdEstimate {
  /** null when neither given nor estimable (a point without buildings) */
  households: number | null;
  source: HouseholdsSource | null;
  /** the estimate's inputs, for the card and the export */
  detail: { buildings?: number; floorArea?: number; hectares?: number; householdsPerHectare?: number } | null;
}

const isPoly = (g: Geometry | null | undefined): g is Polygon | MultiPolygon => g?.type === 'Polygon' || g?.type === 'MultiPolygon';

/** A building's storeys: the canonical `levels`, else any of its aliases (building:levels, 层数 …), else the default. */
function levelsOf(p: Props | null | undefined, dflt: number): number {
  for (const key of ['levels', ...FIELD_ALIASES.buildings.levels]) {
    const v = parseNumber(p?.[key]);
    if (v !== null && v >= 1 && v <= 200) return v;
  }
  return dflt;
}

/**
 * Households of every community (issue 15, DESIGN §3): the stated ones (`given`, or `joined` when a
 * table join wrote them); else from the residential buildings whose representative point lies in
 * the community — Σ footprint × storeys × residential share ÷ floor area per household; else from
 * the community's area × a net density by built period. Points without buildings stay unknown.
 */
export function estimateHouseholds(communities: FC, buildings: FC | null, options: HouseholdEstimateOptions = {}): HouseholdEstimate[] {
  const per = options.floorAreaPerHousehold ?? DEFAULTS.floorAreaPerHousehold;
  const share = options.residentialShare ?? DEFAULTS.residentialShare;
  const dfltLevels = options.defaultLevels ?? DEFAULTS.buildingLevels;
  const density = options.density ?? DENSITY_BY_PERIOD;
  const unknownDensity = options.densityUnknownYear ?? DENSITY_UNKNOWN_YEAR;
  const method = options.method ?? 'buildings';
  const feats = communities.features;

  // each residential building to the community its representative point lies in
  const floor = new Float64Array(feats.length);
  const count = new Int32Array(feats.length);
  if (method === 'buildings' && buildings?.features.length) {
    const polys = feats.map((f, i) => (isPoly(f?.geometry) ? i : -1)).filter((i) => i >= 0);
    if (polys.length) {
      const index = new Flatbush(polys.length);
      const boxes = polys.map((i) => turfBbox(feats[i]!.geometry as Polygon | MultiPolygon));
      for (const b of boxes) index.add(b[0], b[1], b[2], b[3]);
      index.finish();
      for (const b of buildings.features) {
        if (!b || !isPoly(b.geometry) || !isResidentialBuilding(b.properties)) continue;
        const at = representativePoint(b.geometry);
        if (!at) continue;
        for (const j of index.search(at[0], at[1], at[0], at[1])) {
          const c = polys[j];
          if (!booleanPointInPolygon(at, feats[c] as Feature<Polygon | MultiPolygon>)) continue;
          floor[c] += turfArea(b as Feature<Polygon | MultiPolygon>) * levelsOf(b.properties, dfltLevels);
          count[c]++;
          break;
        }
      }
    }
  }

  return feats.map((f, c) => {
    const props = f?.properties;
    const given = communityPopulation(props).households;
    if (given !== null && !(props?.households_estimated === true)) return { households: given, source: props?.households_source === 'joined' ? 'joined' : 'given', detail: null };
    if (count[c] > 0) {
      return { households: Math.round((floor[c] * share) / per), source: 'buildings', detail: { buildings: count[c], floorArea: Math.round(floor[c]) } };
    }
    if (isPoly(f?.geometry)) {
      const year = builtYear(props);
      const hpha = year === null ? unknownDensity : density.find((d) => year < d.before)!.householdsPerHectare;
      const hectares = turfArea(f as Feature<Polygon | MultiPolygon>) / 10_000;
      return { households: Math.round(hectares * hpha), source: 'area', detail: { hectares: Math.round(hectares * 100) / 100, householdsPerHectare: hpha } };
    }
    return { households: null, source: null, detail: null };
  });
}


/**
 * The communities with estimated households written in (`households`, `households_estimated: true`,
 * `households_source`, and the method's inputs as `households_basis`); given ones only get their
 * `households_source`. Population then follows as households × persons per household, estimated.
 */
export function withEstimatedHouseholds(communities: FC, estimates: readonly HouseholdEstimate[]): FC {
  return {
    ...communities,
    features: communities.features.map((f, c) => {
      const e = estimates[c];
      if (!f || !e?.source) return f;
      const props: Props = { ...(f.properties ?? {}), households_source: e.source };
      if (e.source === 'buildings' || e.source === 'area') {
        props.households = e.households;
        props.households_estimated = true;
        props.households_basis = e.source === 'buildings' ? `${e.detail!.buildings} buildings, ${e.detail!.floorArea} m² floor area` : `${e.detail!.hectares} ha × ${e.detail!.householdsPerHectare} households/ha`;
      }
      return { ...f, properties: props };
    }),
  };
}
