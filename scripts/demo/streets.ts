/**
 * The whole walking network: arterial grid, the streets of every block, the
 * river band; then merged into junction-to-junction LineStrings in WGS84.
 */
import type { Feature, LineString } from 'geojson';
import { buildArterials } from './arterials';
import { buildFace, type FaceNaming, type Region } from './faces';
import { densify, segmentsCross, toLonLat, type XY } from './geometry';
import { COLUMN_LINES, FACE_COLS, FACE_ROWS, ROW_LINES } from './layout';
import { NameAllocator } from './names';
import { NetworkBuilder, type EdgeProps } from './networkBuilder';
import type { Rng } from './random';
import { buildRiver, type RiverBand } from './river';

export interface StreetProps {
  id: string;
  kind: EdgeProps['kind'];
  name?: string;
  bridge?: boolean;
}

export interface Streets {
  features: Feature<LineString, StreetProps>[];
  regions: Region[];
  river: RiverBand;
  /** arterial crossing positions (logical metres) indexed [column][row] */
  crossings: XY[][];
  /** main-road stretches between two arterial crossings, logical frame, for bus stops */
  arterialEdges: { a: XY; b: XY; name: string; kind: EdgeProps['kind'] }[];
}

/** Longest straight piece of an output line (metres) before it gets a bend vertex. */
const MAX_PIECE_M = 80;

/** Builds the network and the blocks between its streets. */
export function buildStreets(rng: Rng, names: NameAllocator): Streets {
  const builder = new NetworkBuilder();
  for (const line of [...COLUMN_LINES, ...ROW_LINES]) names.reserve(line.name);
  const corners = buildArterials(builder, rng.fork('arterials'));
  const naming: FaceNaming = { names, laneCounters: new Map(), industrial: { jing: 0, wei: 0 }, hoods: new Map() };
  const regions: Region[] = [];
  for (let j = 0; j < FACE_ROWS; j++) {
    for (let i = 0; i < FACE_COLS; i++) regions.push(...buildFace(builder, corners, rng.fork(`face:${i}:${j}`), naming, i, j));
  }
  const river = buildRiver(builder, corners);
  const arterialEdgesBefore = builder.edges.length;
  builder.finishSides();
  // whole arterial stretches from crossing to crossing (straight: their split nodes lie on the line)
  const crossingIds = new Set(corners.flat());
  const arterialEdges: Streets['arterialEdges'] = [];
  let openEnd = -1;
  for (const e of builder.edges.slice(arterialEdgesBefore)) {
    if (e.props.kind !== 'main' || !e.props.name) continue;
    const last = arterialEdges[arterialEdges.length - 1];
    if (last && e.a === openEnd && !crossingIds.has(e.a)) last.b = builder.point(e.b);
    else arterialEdges.push({ a: builder.point(e.a), b: builder.point(e.b), name: e.props.name, kind: e.props.kind });
    openEnd = e.b;
  }

  const nodeLonLat = new Map<number, XY>();
  const lonLat = (id: number): XY => {
    let p = nodeLonLat.get(id);
    if (!p) nodeLonLat.set(id, (p = toLonLat(builder.point(id))));
    return p;
  };
  const features: Feature<LineString, StreetProps>[] = builder.chains().map((chain, idx) => {
    const coords: XY[] = [lonLat(chain.nodes[0] as number)];
    for (let k = 1; k < chain.nodes.length; k++) {
      const a = chain.nodes[k - 1] as number;
      const b = chain.nodes[k] as number;
      const bends = densify([builder.point(a), builder.point(b)], MAX_PIECE_M).slice(1, -1);
      // shared vertices come from the per-node cache, bends only from this line
      for (const p of bends) coords.push(toLonLat(p));
      coords.push(lonLat(b));
    }
    const props: StreetProps = { id: `s${String(idx + 1).padStart(4, '0')}`, kind: chain.props.kind };
    if (chain.props.name) props.name = chain.props.name;
    if (chain.props.bridge) props.bridge = true;
    return { type: 'Feature', properties: props, geometry: { type: 'LineString', coordinates: coords } };
  });
  assertPlanar(features);
  const crossings = corners.map((col) => col.map((id) => builder.point(id)));
  return { features, regions, river, crossings, arterialEdges };
}

/**
 * Throws unless every crossing of two lines without a shared vertex involves a
 * bridge (the one overpass): the graph must be connected only where it means to be.
 */
function assertPlanar(features: Feature<LineString, StreetProps>[]): void {
  const cell = 0.002;
  const buckets = new Map<string, [number, number][]>();
  features.forEach((f, fi) => {
    const c = f.geometry.coordinates as XY[];
    for (let k = 0; k + 1 < c.length; k++) {
      const a = c[k] as XY;
      const b = c[k + 1] as XY;
      for (let x = Math.floor(Math.min(a[0], b[0]) / cell); x <= Math.floor(Math.max(a[0], b[0]) / cell); x++) {
        for (let y = Math.floor(Math.min(a[1], b[1]) / cell); y <= Math.floor(Math.max(a[1], b[1]) / cell); y++) {
          const key = `${x}:${y}`;
          const list = buckets.get(key) ?? [];
          list.push([fi, k]);
          buckets.set(key, list);
        }
      }
    }
  });
  const seg = (fi: number, k: number): [XY, XY] => {
    const c = (features[fi] as Feature<LineString>).geometry.coordinates as XY[];
    return [c[k] as XY, c[k + 1] as XY];
  };
  for (const list of buckets.values()) {
    for (let m = 0; m < list.length; m++) {
      for (let n = m + 1; n < list.length; n++) {
        const [f1, k1] = list[m] as [number, number];
        const [f2, k2] = list[n] as [number, number];
        if (f1 === f2) continue;
        const [a, b] = seg(f1, k1);
        const [c, d] = seg(f2, k2);
        if (!segmentsCross(a, b, c, d)) continue;
        const p1 = (features[f1] as Feature<LineString, StreetProps>).properties;
        const p2 = (features[f2] as Feature<LineString, StreetProps>).properties;
        if (p1.bridge || p2.bridge) continue;
        throw new Error(`demo network: ${p1.id} (${p1.name ?? p1.kind}) crosses ${p2.id} (${p2.name ?? p2.kind}) without a shared vertex`);
      }
    }
  }
}
