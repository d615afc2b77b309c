import Flatbush from 'flatbush';
import type { WalkGraph } from './graph';
import { createLocalFrame, lonLatExtent, type LocalFrame } from './localFrame';
import { buildSegmentGrid, type SegmentGrid } from './segmentGrid';

/**
 * A flatbush index over the graph's edges (segments, item id = edge id) in a local
 * equirectangular metre frame. Snapping needs segments, not nodes: the nearest node can be far
 * from the nearest street (research/perf-anchors.md).
 */
export interface SegmentIndex {
  /**
   * null when the graph has no edges. Built when first read: snapping asks the grid, and the tree
   * only for points far outside the network or searches over many cells — most runs never build
   * it (half of building the index at 400k edges).
   */
  readonly index: Flatbush | null;
  /** the boxes' extent in the frame (what the tree's minX … maxY hold); null when no edges */
  bounds: { minX: number; minY: number; maxX: number; maxY: number } | null;
  frame: LocalFrame;
  /** the same boxes in a uniform grid, for snapping's many small queries (null: no edges) */
  grid: SegmentGrid | null;
  /**
   * edges not (or not exactly) in the tree and grid — a patched graph's new and changed edges
   * (patchSegmentIndex): snapping tests them in every query
   */
  extra?: Int32Array;
}

/**
 * Builds the segment index of a graph: the edges' boxes in a grid, and flatbush over the same boxes
 * when first asked for (`index`). Rebuild it in a worker rather than sending it:
 * `Flatbush.from(index.data)` also works.
 */
export function buildSegmentIndex(graph: WalkGraph): SegmentIndex {
  const { coords, edgeFrom, edgeTo, edgeCount } = graph;
  const [minLon, minLat, maxLon, maxLat] = lonLatExtent(coords);
  const frame = createLocalFrame(minLon, minLat, maxLon, maxLat);
  if (edgeCount === 0) return { index: null, bounds: null, frame, grid: null };
  const { lon0, lat0, kx, ky } = frame;
  // the grid keeps the boxes: its queries test exactly the numbers flatbush holds
  const box = new Float64Array(4 * edgeCount);
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (let e = 0; e < edgeCount; e++) {
    const a = edgeFrom[e], b = edgeTo[e];
    const ax = (coords[2 * a] - lon0) * kx, ay = (coords[2 * a + 1] - lat0) * ky;
    const bx = (coords[2 * b] - lon0) * kx, by = (coords[2 * b + 1] - lat0) * ky;
    const x0 = Math.min(ax, bx), y0 = Math.min(ay, by), x1 = Math.max(ax, bx), y1 = Math.max(ay, by);
    box[4 * e] = x0;
    box[4 * e + 1] = y0;
    box[4 * e + 2] = x1;
    box[4 * e + 3] = y1;
    // as Flatbush.add keeps its extent
    if (x0 < minX) minX = x0;
    if (y0 < minY) minY = y0;
    if (x1 > maxX) maxX = x1;
    if (y1 > maxY) maxY = y1;
  }
  let tree: Flatbush | undefined;
  return {
    get index(): Flatbush {
      tree ??= boxTree(box);
      return tree;
    },
    bounds: { minX, minY, maxX, maxY },
    frame,
    grid: buildSegmentGrid(box),
  };
}

/** Flatbush over the boxes (minX, minY, maxX, maxY per item, item id = position). */
function boxTree(box: Float64Array): Flatbush {
  const n = box.length >> 2;
  const index = new Flatbush(n);
  for (let e = 0; e < n; e++) index.add(box[4 * e], box[4 * e + 1], box[4 * e + 2], box[4 * e + 3]);
  index.finish();
  return index;
}
