import { contours } from 'd3-contour';
import Flatbush from 'flatbush';

type Ring = number[][];

/**
 * The region {values ≥ 0} of a width × height grid as MultiPolygon coordinates in grid units
 * (value i sits at i + ½, as in d3-contour), outer rings counter-clockwise and holes clockwise
 * with y growing upward (row 0 at the bottom).
 *
 * The rings come from d3-contour. d3 then gives each hole to the first polygon whose outer ring
 * contains it, testing every vertex of that ring: with one city-wide polygon and a hole in every
 * large block that is holes × vertices (43k holes at M took 6.5 s; L would take minutes). So the
 * holes are found first by flood-filling the outside from the border, and contoured separately:
 * once with the holes filled (outer rings only) and once with only the holes (holes as
 * polygons). Both use the same values at the hole borders, so the rings are exactly those of a
 * single d3-contour call. Each hole then goes to the smallest outer ring around it, found with a
 * flatbush box index and an even-odd test only against the smaller candidates.
 */
export function contourGrid(values: ArrayLike<number>, width: number, height: number): number[][][][] {
  const n = width * height;
  const contour = contours().size([width, height]);
  const outside = markOutside(values, width, height);
  let holeCells = 0;
  for (let i = 0; i < n; i++) if (outside[i] === HOLE) holeCells++;
  if (holeCells === 0) {
    return reverseAll(contour.contour(values as number[], 0).coordinates);
  }

  const filled = new Float64Array(n);
  const holesOnly = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (outside[i] === HOLE) {
      filled[i] = 1;
      holesOnly[i] = -v;
    } else {
      filled[i] = v;
      // inside cells mirror their value (so the crossing stays put); the outer outside is far below
      holesOnly[i] = outside[i] === EXTERIOR ? -1 : Math.min(-v, -1e-12);
    }
  }
  const outers: Ring[][] = reverseAll(contour.contour(filled as unknown as number[], 0).coordinates);
  const holePolys = contour.contour(holesOnly as unknown as number[], 0).coordinates;
  const holes: Ring[] = [];
  for (const poly of holePolys) {
    holes.push(poly[0]);
    // an island of coverage inside a hole is a polygon of its own
    for (let h = 1; h < poly.length; h++) outers.push([poly[h]]);
  }
  for (const ring of holes) if (signedArea(ring) > 0) ring.reverse();
  for (const poly of outers) if (signedArea(poly[0]) < 0) poly[0].reverse();
  assignHoles(outers, holes);
  return outers;
}

const INSIDE = 0;
const EXTERIOR = 1;
const HOLE = 2;

/**
 * Classifies every cell: INSIDE (value ≥ 0), EXTERIOR (below, connected to the grid border) or
 * HOLE (below, enclosed). d3-contour separates diagonal "above" cells at saddles, so "below"
 * cells connect through diagonals: the flood fill is 8-connected.
 */
function markOutside(values: ArrayLike<number>, width: number, height: number): Uint8Array {
  const n = width * height;
  const cls = new Uint8Array(n);
  const queue = new Int32Array(n);
  let head = 0, tail = 0;
  for (let i = 0; i < n; i++) cls[i] = values[i] >= 0 ? INSIDE : HOLE;
  const seed = (i: number): void => {
    if (cls[i] === HOLE) {
      cls[i] = EXTERIOR;
      queue[tail++] = i;
    }
  };
  for (let x = 0; x < width; x++) {
    seed(x);
    seed((height - 1) * width + x);
  }
  for (let y = 0; y < height; y++) {
    seed(y * width);
    seed(y * width + width - 1);
  }
  while (head < tail) {
    const i = queue[head++];
    const x = i % width;
    const y = (i - x) / width;
    for (let dy = -1; dy <= 1; dy++) {
      const yy = y + dy;
      if (yy < 0 || yy >= height) continue;
      for (let dx = -1; dx <= 1; dx++) {
        const xx = x + dx;
        if (xx < 0 || xx >= width) continue;
        seed(yy * width + xx);
      }
    }
  }
  return cls;
}

/** d3-contour's outer rings are clockwise with y up: reverse every ring for RFC 7946. */
function reverseAll(polys: number[][][][]): Ring[][] {
  for (const poly of polys) for (const ring of poly) ring.reverse();
  return polys;
}

/** Shoelace area, > 0 for counter-clockwise rings (y up). */
function signedArea(ring: Ring): number {
  let s = 0;
  for (let i = 0, n = ring.length, j = n - 1; i < n; j = i++) s += ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
  return s / 2;
}

/** Even-odd point in ring. */
function inRing(ring: Ring, x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, n = ring.length, j = n - 1; i < n; j = i++) {
    const xi = ring[i][0], yi = ring[i][1], xj = ring[j][0], yj = ring[j][1];
    if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/**
 * Appends each hole to the smallest outer ring that contains it. Candidates come from the
 * outer rings' boxes; all but the largest are tested (smallest first), and a hole no smaller
 * candidate contains belongs to the largest, which must enclose it — so a city-wide ring is
 * never walked for its own holes.
 */
function assignHoles(outers: Ring[][], holes: Ring[]): void {
  if (outers.length === 0 || holes.length === 0) return;
  const index = new Flatbush(outers.length);
  const size: number[] = [];
  for (const poly of outers) {
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    for (const [x, y] of poly[0]) {
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
    index.add(minX, minY, maxX, maxY);
    size.push(poly[0].length);
  }
  index.finish();
  for (const hole of holes) {
    const [x, y] = hole[0];
    const cand = index.search(x, y, x, y).sort((a, b) => size[a] - size[b]);
    if (cand.length === 0) continue; // cannot happen: every hole lies in some outer ring
    let owner = cand[cand.length - 1];
    for (let c = 0; c + 1 < cand.length; c++) {
      if (inRing(outers[cand[c]][0], x, y)) {
        owner = cand[c];
        break;
      }
    }
    outers[owner].push(hole);
  }
}
