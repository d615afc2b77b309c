import { orderByKey } from './orderByKey';

/**
 * A spatial order of points along a Hilbert curve (16 bits per axis over the points' extent), so
 * that nodes close on the map get close ids and Dijkstra touches memory in small neighbourhoods
 * (shuffled OSM order costs 15–45 %, research/perf-anchors.md §3).
 *
 * @param coords lon, lat interleaved
 * @returns order[newId] = oldId
 */
export function hilbertOrder(coords: Float64Array): Int32Array {
  const n = coords.length >> 1;
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    const x = coords[2 * i], y = coords[2 * i + 1];
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  const sx = 65535 / (maxX - minX || 1);
  const sy = 65535 / (maxY - minY || 1);
  const h = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    h[i] = hilbert(Math.floor((coords[2 * i] - minX) * sx), Math.floor((coords[2 * i + 1] - minY) * sy));
  }
  // by Hilbert value, then id
  const order = orderByKey(h);
  return order;
}

/**
 * A visiting order for query points (lon/lat interleaved, may contain NaN): finite points along
 * the Hilbert curve, then the others. Queries in this order keep a spatial index's nodes in cache.
 */
export function pointOrder(lonlat: Float64Array): Int32Array {
  const n = lonlat.length >> 1;
  const finite = (i: number): boolean => Number.isFinite(lonlat[2 * i]) && Number.isFinite(lonlat[2 * i + 1]);
  let m = 0;
  for (let i = 0; i < n; i++) if (finite(i)) m++;
  // finite points first (their ids, then their coordinates), the others after them
  const ids = new Int32Array(n);
  const pts = new Float64Array(2 * m);
  for (let i = 0, k = 0, r = m; i < n; i++) {
    if (finite(i)) {
      pts[2 * k] = lonlat[2 * i];
      pts[2 * k + 1] = lonlat[2 * i + 1];
      ids[k++] = i;
    } else {
      ids[r++] = i;
    }
  }
  const h = hilbertOrder(pts);
  const order = new Int32Array(n);
  for (let k = 0; k < m; k++) order[k] = ids[h[k]];
  order.set(ids.subarray(m), m);
  return order;
}

/**
 * Hilbert index of (x, y), both in 0..65535 — the branch-free algorithm by Rawrr/D. Peterson
 * (public domain), as used by flatbush.
 * @private
 */
function hilbert(x: number, y: number): number {
  let a = x ^ y;
  let b = 0xffff ^ a;
  let c = 0xffff ^ (x | y);
  let d = x & (y ^ 0xffff);
  let A = a | (b >> 1);
  let B = (a >> 1) ^ a;
  let C = (c >> 1) ^ (b & (d >> 1)) ^ c;
  let D = (a & (c >> 1)) ^ (d >> 1) ^ d;

  a = A; b = B; c = C; d = D;
  A = (a & (a >> 2)) ^ (b & (b >> 2));
  B = (a & (b >> 2)) ^ (b & ((a ^ b) >> 2));
  C ^= (a & (c >> 2)) ^ (b & (d >> 2));
  D ^= (b & (c >> 2)) ^ ((a ^ b) & (d >> 2));

  a = A; b = B; c = C; d = D;
  A = (a & (a >> 4)) ^ (b & (b >> 4));
  B = (a & (b >> 4)) ^ (b & ((a ^ b) >> 4));
  C ^= (a & (c >> 4)) ^ (b & (d >> 4));
  D ^= (b & (c >> 4)) ^ ((a ^ b) & (d >> 4));

  a = A; b = B; c = C; d = D;
  C ^= (a & (c >> 8)) ^ (b & (d >> 8));
  D ^= (b & (c >> 8)) ^ ((a ^ b) & (d >> 8));

  a = C ^ (C >> 1);
  b = D ^ (D >> 1);
  let i0 = x ^ y;
  let i1 = b | (0xffff ^ (i0 | a));
  i0 = interleave(i0);
  i1 = interleave(i1);
  return ((i1 << 1) | i0) >>> 0;
}

function interleave(x: number): number {
  x = (x | (x << 8)) & 0x00ff00ff;
  x = (x | (x << 4)) & 0x0f0f0f0f;
  x = (x | (x << 2)) & 0x33333333;
  x = (x | (x << 1)) & 0x55555555;
  return x;
}
