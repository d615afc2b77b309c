import type { Feature, FeatureCollection, Geometry, LineString, Position } from 'geojson';
import type { StudyAreaLayers } from '../studyArea/types';
import { featureId, readEntrances } from '../analysis/coverage/coveragePoints';
import { representativePoint } from '../analysis/points/representativePoint';
import { roundCoordinates } from './roundCoordinates';
import { NetworkParts } from './networkParts';
import type { NetworkLayerChange } from '../network/patchGraph';
import type { EditProblem, ScenarioEdit } from './types';
import { editProblemDetails, type EditProblemKey } from '../messages/editProblems';

type F = Feature<Geometry | null, Record<string, unknown> | null>;
type FC = FeatureCollection<Geometry | null, Record<string, unknown> | null>;

/** A link's end joins the nearest network vertex within this distance, else the segment it touches within it (DESIGN §4). */
export const LINK_JOIN_M = 5;
/** A closure applies to the network segment nearest to the clicked point, when within this distance. */
export const CLOSE_PICK_M = 30;

export interface AppliedEdits {
  /** the scenario's layers: the baseline's with the edits applied (unchanged layers are the same objects) */
  layers: StudyAreaLayers;
  /** edits that could not be applied, by index */
  problems: EditProblem[];
  /** the layers an edit changed */
  touched: Set<keyof StudyAreaLayers>;
  /** the facility categories an edit added to, moved or took from (their searches must run again) */
  facilityCategories: Set<string>;
  /** of those, the categories from which no facility was moved or taken: only the new ones need a search */
  facilityCategoriesGrown: Set<string>;
  /**
   * Per touched layer, for each of the scenario's features the index of the very same baseline
   * feature, or −1 for a feature an edit added, moved or changed: what the analysis may reuse.
   */
  origins: Partial<Record<keyof StudyAreaLayers, Int32Array>>;
  /**
   * What the edits did to the network, in order (empty when it is untouched): the one account of
   * where links joined, so the walking graph can be patched instead of rebuilt (core/network
   * patchGraph) with exactly the nodes and edges buildGraph would make of `layers.network`.
   */
  networkChanges: NetworkChange[];
}

/** One change to the network layer made by an edit (AppliedEdits.networkChanges; core/network patchGraph reads them). */
export type NetworkChange = NetworkLayerChange;

/** A copy of a network feature with one part's coordinates replaced. */
function withPart(f: F, part: number, coords: Position[]): F {
  const g = f.geometry!;
  const geometry: Geometry = g.type === 'LineString' ? { type: 'LineString', coordinates: coords } : { type: 'MultiLineString', coordinates: (g as { coordinates: Position[][] }).coordinates.map((c, j) => (j === part ? coords : c)) };
  return { ...f, geometry };
}

/**
 * Where a new link's end attaches: the nearest vertex within LINK_JOIN_M, else a new vertex on the
 * segment it touches (within LINK_JOIN_M; the segment's line gets the vertex, so the graph joins
 * there), else the end stays as drawn. Mutates `features` (copies of the edited lines) and `parts`;
 * a split is logged in `log`.
 */
function attachEnd(features: F[], net: NetworkParts, end: Position, log: NetworkChange[]): Position {
  const v = net.nearestVertex(end, LINK_JOIN_M);
  if (v) return v.point;
  const seg = net.nearestSegment(end, LINK_JOIN_M);
  if (!seg) return end;
  const point = roundCoordinates({ type: 'Point', coordinates: seg.point }).coordinates;
  const old = seg.part.coords;
  log.push({ kind: 'split', from: old[seg.s], to: old[seg.s + 1], at: point, shared: net.hasCopy(seg.part, seg.s) });
  const coords = [...old.slice(0, seg.s + 1), point, ...old.slice(seg.s + 1)];
  features[seg.part.feature] = withPart(features[seg.part.feature], seg.part.part, coords);
  net.replace(seg, coords);
  return point;
}

/** The network with a closure at p: the nearest segment (within CLOSE_PICK_M) becomes its own line with walkable: false. */
function closeSegment(features: F[], net: NetworkParts, p: Position, editId: string): boolean {
  const seg = net.nearestSegment(p, CLOSE_PICK_M);
  if (!seg) return false;
  const f = features[seg.part.feature];
  const c = seg.part.coords;
  const before = c.slice(0, seg.s + 1);
  const closed = [c[seg.s], c[seg.s + 1]];
  const after = c.slice(seg.s + 1);
  const baseId = featureId(f) ?? `network-${seg.part.feature}`;
  const piece = (coords: Position[], suffix: string, extra: Record<string, unknown> = {}): F => ({
    type: 'Feature',
    properties: { ...(f.properties ?? {}), id: `${baseId}${suffix}`, ...extra },
    geometry: { type: 'LineString', coordinates: coords },
  });
  const pieces: F[] = [];
  if (before.length >= 2) pieces.push(piece(before, `#${editId}a`));
  pieces.push(piece(closed, `#${editId}`, { walkable: false, closed_by: editId }));
  if (after.length >= 2) pieces.push(piece(after, `#${editId}b`));
  // The feature (or its part) is replaced by the pieces; other parts of a MultiLineString stay.
  if (seg.part.part < 0) features.splice(seg.part.feature, 1, ...pieces);
  else {
    const g = f.geometry as { coordinates: Position[][] };
    const rest = g.coordinates.filter((_, j) => j !== seg.part.part);
    features.splice(seg.part.feature, 1, ...(rest.length ? [{ ...f, geometry: { type: 'MultiLineString', coordinates: rest } } as F] : []), ...pieces);
  }
  return true;
}

/** The baseline index of each feature of an edited layer (typed: a layer may hold 100,000 features). */
class Origins {
  #a: Int32Array;
  #n: number;
  constructor(n: number) {
    this.#a = new Int32Array(n + 16);
    for (let i = 0; i < n; i++) this.#a[i] = i;
    this.#n = n;
  }
  push(): void {
    if (this.#n === this.#a.length) {
      const a = new Int32Array(this.#a.length * 2);
      a.set(this.#a);
      this.#a = a;
    }
    this.#a[this.#n++] = -1;
  }
  remove(i: number): void {
    this.#a.copyWithin(i, i + 1, this.#n--);
  }
  set(i: number): void {
    this.#a[i] = -1;
  }
  array(): Int32Array {
    return this.#a.slice(0, this.#n);
  }
}

const isPoint = (g: unknown): g is { type: 'Point'; coordinates: Position } =>
  !!g && (g as Geometry).type === 'Point' && Array.isArray((g as { coordinates: unknown }).coordinates);

/**
 * The scenario's layers: the baseline's with the edits applied in order (DESIGN §4 Scenario). The
 * baseline is never changed; untouched layers are returned as they are (the analysis keeps its
 * graph and snaps for them). An edit that cannot be applied is listed in `problems` and skipped.
 */
export function applyEdits(baseline: StudyAreaLayers, edits: readonly ScenarioEdit[]): AppliedEdits {
  const problems: EditProblem[] = [];
  const touched = new Set<keyof StudyAreaLayers>();
  const facilityCategories = new Set<string>();
  const shrunk = new Set<string>();
  const noteCategory = (layer: string, f: F | undefined, lost = false) => {
    if (layer !== 'facilities' || f?.properties?.category == null) return;
    facilityCategories.add(String(f.properties.category));
    if (lost) shrunk.add(String(f.properties.category));
  };
  const work: Partial<Record<keyof StudyAreaLayers, F[]>> = {};
  // the baseline index of each working feature, −1 once an edit made or changed it (kept in step with `work`)
  const origin: Partial<Record<keyof StudyAreaLayers, Origins>> = {};
  const features = (layer: keyof StudyAreaLayers): F[] => {
    if (!work[layer]) {
      work[layer] = [...((baseline[layer] as FC | null | undefined)?.features ?? [])];
      origin[layer] = new Origins(work[layer]!.length);
    }
    touched.add(layer);
    return work[layer]!;
  };
  /** Marks features of a layer as changed (after `features(layer)`): at i, or appended / removed. */
  const changed = (layer: keyof StudyAreaLayers, i: number, how: 'set' | 'push' | 'remove') => {
    const o = origin[layer]!;
    if (how === 'push') o.push();
    else if (how === 'remove') o.remove(i);
    else o.set(i);
  };
  const indexOf = (list: readonly F[], id: string): number => list.findIndex((f) => featureId(f) === id);
  let parts: NetworkParts | null = null;
  // the baseline's grid serves until a closure re-cuts the lines
  let cut = false;
  const networkParts = (): NetworkParts => (parts ??= new NetworkParts(features('network'), cut ? null : ((baseline.network as FC | null | undefined)?.features ?? null)));
  const networkChanges: NetworkChange[] = [];

  edits.forEach((e, index) => {
    const fail = (code: EditProblem['code'], key: EditProblemKey, params: Parameters<typeof editProblemDetails>[1] = {}) => problems.push({ index, code, ...editProblemDetails(key, params) });
    switch (e.op) {
      case 'add': {
        if (e.layer === 'network') {
          if (e.geometry?.type !== 'LineString' || e.geometry.coordinates.length < 2) return fail('bad-geometry', 'edit_link_geometry');
          const list = features('network');
          const p = networkParts();
          const c = roundCoordinates(e.geometry).coordinates.slice();
          const [a, b] = [c[0], c[c.length - 1]];
          const log: NetworkChange[] = [];
          c[0] = attachEnd(list, p, a, log);
          c[c.length - 1] = attachEnd(list, p, b, log);
          // A path joined to nothing would only capture the snaps of what lies beside it.
          if (c[0] === a && c[c.length - 1] === b) return fail('nothing-near', 'edit_link_unjoined', { m: LINK_JOIN_M });
          const link: F = { type: 'Feature', properties: { ...e.properties, id: e.id, scenario_edit: e.id }, geometry: { type: 'LineString', coordinates: c } as LineString };
          list.push(link);
          p.add({ feature: list.length - 1, part: -1, coords: c });
          const walkable = link.properties?.walkable;
          networkChanges.push(...log, { kind: 'line', coordinates: c, feature: list.length - 1, walkable: walkable !== false && walkable !== 'false' });
          return;
        }
        if (!e.geometry) return fail('bad-geometry', 'edit_no_geometry');
        const added: F = { type: 'Feature', properties: { ...e.properties, id: e.id }, geometry: roundCoordinates(e.geometry) };
        features(e.layer).push(added);
        changed(e.layer, -1, 'push');
        noteCategory(e.layer, added);
        return;
      }
      case 'move': {
        if (!isPoint(e.geometry)) return fail('bad-geometry', 'edit_point_geometry', { op: 'move' });
        const list = features(e.layer);
        const i = indexOf(list, e.target_id);
        if (i < 0) return fail('target-missing', 'edit_target_missing', { layer: e.layer, id: e.target_id });
        list[i] = { ...list[i], geometry: roundCoordinates(e.geometry) };
        changed(e.layer, i, 'set');
        noteCategory(e.layer, list[i], true);
        return;
      }
      case 'delete': {
        const list = features(e.layer);
        const i = indexOf(list, e.target_id);
        if (i < 0) return fail('target-missing', 'edit_target_missing', { layer: e.layer, id: e.target_id });
        noteCategory(e.layer, list[i], true);
        list.splice(i, 1);
        changed(e.layer, i, 'remove');
        return;
      }
      case 'close': {
        if (!isPoint(e.geometry)) return fail('bad-geometry', 'edit_point_geometry', { op: 'close' });
        const list = features('network');
        if (!closeSegment(list, networkParts(), e.geometry.coordinates, e.id)) return fail('nothing-near', 'edit_close_nothing', { m: CLOSE_PICK_M });
        parts = null; // feature indices moved
        cut = true;
        networkChanges.push({ kind: 'close' });
        return;
      }
      case 'add_entrance': {
        if (!isPoint(e.geometry)) return fail('bad-geometry', 'edit_point_geometry', { op: 'add_entrance' });
        const list = features('communities');
        const i = indexOf(list, e.target_id);
        if (i < 0) return fail('target-missing', 'edit_target_missing', { layer: 'communities', id: e.target_id });
        const f = list[i];
        const had = readEntrances(f.properties?.entrances);
        // Residents keep walking from where they did (their gates, else the representative point).
        const rep = f.geometry ? representativePoint(f.geometry) : null;
        const existing: Position[] = Array.isArray(had) ? had : rep ? [rep] : [];
        const gate = roundCoordinates(e.geometry).coordinates;
        list[i] = { ...f, properties: { ...(f.properties ?? {}), entrances: { type: 'MultiPoint', coordinates: [...existing, gate] } } };
        changed('communities', i, 'set');
        return;
      }
      default:
        fail('bad-edit', 'edit_unknown_op', { op: String((e as { op?: unknown }).op) });
    }
  });

  const layers: StudyAreaLayers = { ...baseline };
  for (const [k, list] of Object.entries(work) as [keyof StudyAreaLayers, F[]][]) {
    (layers as unknown as Record<string, FC>)[k] = { ...((baseline[k] as FC | null | undefined) ?? { type: 'FeatureCollection' }), type: 'FeatureCollection', features: list };
  }
  const origins: AppliedEdits['origins'] = {};
  // The network's pieces are split and spliced in place: its features are not matched one by one.
  for (const [k, o] of Object.entries(origin) as [keyof StudyAreaLayers, Origins][]) if (k !== 'network') origins[k] = o.array();
  const facilityCategoriesGrown = new Set([...facilityCategories].filter((c) => !shrunk.has(c)));
  return { layers, problems, touched, facilityCategories, facilityCategoriesGrown, origins, networkChanges };
}
