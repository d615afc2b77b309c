import type { WalkGraph } from './graph';

/**
 * The queue of the walking searches (multiSourceDijkstra, the second pass of twoNearestSearch): a
 * ring of buckets by distance, each bucket a two-level bit set over the node ids. A search takes a
 * bucket's nodes in node order, not in distance order, and corrects labels inside the bucket (a
 * node improved again is queued again), so distances are exactly a binary-heap Dijkstra's. Node
 * order is the graph's Hilbert order: consecutive nodes lie near each other on the map and in
 * memory. With thousands of sources (a category's facilities) the wavefronts are everywhere at
 * once; the linked 1 m buckets used before took their nodes in scattered order, and at 200,000 nodes
 * each search waited on memory — this queue made those searches ≈ 1.4–1.8× faster.
 *
 * Buckets are about one edge long (bucketWidth): wider buckets correct more labels, narrower ones
 * hold fewer nodes to take in order.
 *
 * Layout: bucket slot s holds node v when bit (v & 31) of bits[s·words + (v >> 5)] is set; bit
 * (w & 31) of summary[s·words1 + (w >> 5)] is set when word w of slot s may be non-zero (so a sparse
 * bucket is found without reading every word). bucketOf[v] is v's absolute bucket, −1 when not
 * queued (resetBuckets sets it so for every node).
 */
export interface NodeBuckets {
  bucketOf: Int32Array;
  bits: Int32Array;
  summary: Int32Array;
  /** nodes per slot */
  count: Int32Array;
  /** 32-bit words per slot of `bits`, of `summary` */
  words: number;
  words1: number;
  /** slots − 1 (a power of two minus one) */
  mask: number;
  /** buckets per metre */
  inv: number;
}

/** Most slots in the ring: 64 × nodeCount / 8 bytes of bits at most (1.6 MB at 200,000 nodes). */
const MAX_SLOTS = 64;

/** A queue for searches on graphs of `nodeCount` nodes (≈ 4 bytes per node until the first search). */
export function createNodeBuckets(nodeCount: number): NodeBuckets {
  const words = (nodeCount + 31) >>> 5;
  return {
    bucketOf: new Int32Array(nodeCount).fill(-1),
    bits: new Int32Array(0),
    summary: new Int32Array(0),
    count: new Int32Array(MAX_SLOTS),
    words,
    words1: (words + 31) >>> 5,
    mask: 0,
    inv: 1,
  };
}

/**
 * Bucket width for searches on `graph`, metres: its mean edge length (between 1 and 250 m).
 */
export function bucketWidth(graph: WalkGraph): number {
  const n = graph.edgeCount;
  if (n === 0) return 1;
  let total = graph.stats?.totalLength ?? -1;
  if (!(total >= 0)) {
    total = 0;
    for (let e = 0; e < n; e++) total += graph.edgeLength[e];
  }
  return Math.min(250, Math.max(1, total / n));
}

/**
 * Empties the ring for a search whose queued keys always lie within [current, current + span]
 * metres: buckets `width` wide (wider when more than MAX_SLOTS − 3 would be needed, so keys never
 * alias); no node queued.
 */
export function resetBuckets(q: NodeBuckets, span: number, width: number): void {
  let inv = 1 / width;
  let size = 4;
  while (size < span * inv + 3 && size < MAX_SLOTS) size *= 2;
  if (span * inv + 3 > size) inv = (size - 3) / span;
  q.inv = inv;
  q.mask = size - 1;
  const nb = size * q.words, ns = size * q.words1;
  if (q.bits.length < nb) q.bits = new Int32Array(nb);
  else q.bits.fill(0, 0, nb);
  if (q.summary.length < ns) q.summary = new Int32Array(ns);
  else q.summary.fill(0, 0, ns);
  q.count.fill(0);
  q.bucketOf.fill(-1);
}

/**
 * Queues node v at `key` metres, or moves it there from the bucket it is in. A node already in
 * the key's bucket stays where it is.
 * @returns 1 when v was not queued before, else 0
 */
export function enqueue(q: NodeBuckets, v: number, key: number): number {
  const b = Math.floor(key * q.inv);
  const old = q.bucketOf[v];
  if (old === b) return 0;
  const w = v >>> 5;
  const bit = 1 << (v & 31);
  const { bits, summary, words, words1, mask } = q;
  let added = 1;
  if (old !== -1) {
    const s = old & mask;
    const i = s * words + w;
    const x = bits[i] & ~bit;
    bits[i] = x;
    if (x === 0) summary[s * words1 + (w >>> 5)] &= ~(1 << (w & 31));
    q.count[s]--;
    added = 0;
  }
  const s = b & mask;
  bits[s * words + w] |= bit;
  summary[s * words1 + (w >>> 5)] |= 1 << (w & 31);
  q.count[s]++;
  q.bucketOf[v] = b;
  return added;
}

/**
 * The first word of `slot` holding nodes at or after summary word `from1` (node ids from from1 · 1024),
 * or −1. A search sweeps a bucket with `for (w = nextWord(q, s, 0); w !== −1; w = nextWord(q, s, w >>> 5))`,
 * taking each word (takeWord); nodes queued behind the sweep are left for the next sweep.
 */
export function nextWord(q: NodeBuckets, slot: number, from1: number): number {
  const { summary, words1 } = q;
  const base = slot * words1;
  for (let w1 = from1; w1 < words1; w1++) {
    const sw = summary[base + w1];
    if (sw !== 0) return (w1 << 5) | (31 - Math.clz32(sw & -sw));
  }
  return -1;
}

/**
 * Takes the nodes of word `w` in slot `slot` out of the bucket and returns them as a bit mask (node
 * (w << 5) | i for each set bit i). The caller processes them before taking the next word, and sets
 * each one's bucketOf to −1 as it does: until then a node keeps its bucket, so improving it (it can
 * only stay in this bucket) does not queue it twice.
 */
export function takeWord(q: NodeBuckets, slot: number, w: number): number {
  const i = slot * q.words + w;
  const x = q.bits[i];
  q.bits[i] = 0;
  q.summary[slot * q.words1 + (w >>> 5)] &= ~(1 << (w & 31));
  // population count of x
  let c = x - ((x >>> 1) & 0x55555555);
  c = (c & 0x33333333) + ((c >>> 2) & 0x33333333);
  q.count[slot] -= (((c + (c >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
  return x;
}
