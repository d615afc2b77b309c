/**
 * The order of ids 0 … n−1 by their unsigned 32-bit keys, ascending, equal keys by id: what
 * sorting `key · 2²¹ + id` packed into doubles gave, by a radix sort (four passes of 8 bits,
 * stable) — V8 sorts a typed array of doubles at ~0.3 µs an element, this at a tenth of that.
 *
 * @param keys one key per id (values 0 … 2³² − 1)
 * @returns order[rank] = id
 */
export function orderByKey(keys: Uint32Array): Int32Array {
  const n = keys.length;
  let a = new Int32Array(n);
  let b = new Int32Array(n);
  for (let i = 0; i < n; i++) a[i] = i;
  const count = new Int32Array(256);
  for (let shift = 0; shift < 32; shift += 8) {
    count.fill(0);
    for (let i = 0; i < n; i++) count[(keys[a[i]] >>> shift) & 255]++;
    // a pass where every key has the same digit leaves the order as it is
    if (count[(keys[a[0]] >>> shift) & 255] === n) continue;
    let sum = 0;
    for (let d = 0; d < 256; d++) {
      const c = count[d];
      count[d] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const id = a[i];
      b[count[(keys[id] >>> shift) & 255]++] = id;
    }
    const t = a;
    a = b;
    b = t;
  }
  return a;
}
