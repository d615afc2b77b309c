/**
 * A uniform grid over the edges' bounding boxes in a local metre frame: each cell lists the edges
 * whose box overlaps it. Snapping asks for small boxes (about one block) millions of times, where
 * a few cell lookups beat descending a flatbush tree; large boxes still go to flatbush.
 */
export interface SegmentGrid {
  /** cell size, metres */
  cell: number;
  nx: number;
  ny: number;
  /** frame coordinates of the grid's south-west corner */
  minX: number;
  minY: number;
  /** edges of cell (ix, iy) are items[cellStart[iy·nx + ix] .. cellStart[iy·nx + ix + 1]) */
  cellStart: Int32Array;
  items: Int32Array;
  /** per edge: its box minX, minY, maxX, maxY in the frame (the numbers flatbush holds) */
  box: Float64Array;
}

/** Cell size, metres (about a block: a snapping box covers 3 × 3 cells); cells never outnumber 2 × edges. */
const TARGET_CELL_M = 64;

/**
 * Builds the grid (4 bytes per cell and per edge–cell overlap) over edge boxes.
 *
 * @param box per edge minX, minY, maxX, maxY in a metre frame (kept by the grid, not copied)
 * @returns null when there are no edges
 */
export function buildSegmentGrid(box: Float64Array): SegmentGrid | null {
  const edgeCount = box.length >> 2;
  if (edgeCount === 0) return null;
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (let e = 0; e < edgeCount; e++) {
    if (box[4 * e] < minX) minX = box[4 * e];
    if (box[4 * e + 1] < minY) minY = box[4 * e + 1];
    if (box[4 * e + 2] > maxX) maxX = box[4 * e + 2];
    if (box[4 * e + 3] > maxY) maxY = box[4 * e + 3];
  }
  const w = maxX - minX, h = maxY - minY;
  // sparse networks over a large extent: coarser cells so the grid stays O(edges)
  const cell = Math.max(TARGET_CELL_M, Math.sqrt((w * h) / (2 * edgeCount)));
  const nx = Math.floor(w / cell) + 1, ny = Math.floor(h / cell) + 1;
  const cellStart = new Int32Array(nx * ny + 1);
  const inv = 1 / cell;
  for (let pass = 0; pass < 2; pass++) {
    const items = pass === 1 ? new Int32Array(cellStart[nx * ny]) : null;
    const cursor = pass === 1 ? cellStart.slice(0, nx * ny) : null;
    for (let e = 0; e < edgeCount; e++) {
      const i0 = Math.floor((box[4 * e] - minX) * inv), j0 = Math.floor((box[4 * e + 1] - minY) * inv);
      const i1 = Math.floor((box[4 * e + 2] - minX) * inv), j1 = Math.floor((box[4 * e + 3] - minY) * inv);
      for (let j = j0; j <= j1; j++) {
        for (let i = i0; i <= i1; i++) {
          if (items) items[cursor![j * nx + i]++] = e;
          else cellStart[j * nx + i + 1]++;
        }
      }
    }
    if (items) return { cell, nx, ny, minX, minY, cellStart, items, box };
    for (let c = 0; c < nx * ny; c++) cellStart[c + 1] += cellStart[c];
  }
  return null;
}
