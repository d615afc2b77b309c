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
  /** null when the graph has no edges */
  index: Flatbush | null;
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
 * Builds the segment index of a graph: flatbush and the grid (≈ 80 ms for 400k edges). Rebuild it in a worker rather than
 * sending it: `Flatbush.from(index.data)` also works.
 */
export function buildSegmentIndex(graph: WalkGraph): SegmentIndex {
  const { coords, edgeFrom, edgeTo, edgeCount } = graph;
  const [minLon, minLat, maxLon, maxLat] = lonLatExtent(coords);
  const frame = createLocalFrame(minLon, minLat, maxLon, maxLat);
  if (edgeCount === 0) return { index: null, frame, grid: null };
  const { lon0, lat0, kx, ky } = frame;
  const index = new Flatbush(edgeCount);
  // the grid keeps the boxes: its queries test exactly the numbers flatbush holds
  const box = new Float64Array(4 * edgeCount);
  for (let e = 0; e < edgeCount; e++) {
    const a = edgeFrom[e], b = edgeTo[e];
    const ax = (coords[2 * a] - lon0) * kx, ay = (coords[2 * a + 1] - lat0) * ky;
    const bx = (coords[2 * b] - lon0) * kx, by = (coords[2 * b + 1] - lat0) * ky;
    const x0 = Math.min(ax, bx), y0 = Math.min(ay, by), x1 = Math.max(ax, bx), y1 = Math.max(ay, by);
    box[4 * e] = x0;
    box[4 * e + 1] = y0;
    box[4 * e + 2] = x1;
    box[4 * e + 3] = y1;
    index.add(x0, y0, x1, y1);
  }
  index.finish();
  return { index, frame, grid: buildSegmentGrid(box) };
}
