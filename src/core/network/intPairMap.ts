/**
 * Open-addressing hash map from a pair of int32 keys to a non-negative int32 value, in typed
 * arrays: node lookup by rounded coordinates without building a string per vertex.
 * @private
 */
export class IntPairMap {
  #a: Int32Array;
  #b: Int32Array;
  #v: Int32Array;
  #mask: number;
  #size = 0;

  constructor(expected: number) {
    let cap = 16;
    while (cap < expected * 2) cap *= 2;
    this.#a = new Int32Array(cap);
    this.#b = new Int32Array(cap);
    this.#v = new Int32Array(cap).fill(-1);
    this.#mask = cap - 1;
  }

  get size(): number {
    return this.#size;
  }

  /** The value stored for (a, b), or inserts `value` and returns −1 when the pair is new. */
  getOrInsert(a: number, b: number, value: number): number {
    if (this.#size * 2 >= this.#mask) this.#grow();
    const mask = this.#mask;
    let h = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b ^ (b >>> 15), 0x85ebca77)) >>> 0;
    h = (h ^ (h >>> 13)) & mask;
    const ka = this.#a, kb = this.#b, kv = this.#v;
    for (;;) {
      const v = kv[h];
      if (v === -1) {
        ka[h] = a;
        kb[h] = b;
        kv[h] = value;
        this.#size++;
        return -1;
      }
      if (ka[h] === a && kb[h] === b) return v;
      h = (h + 1) & mask;
    }
  }

  #grow(): void {
    const oa = this.#a, ob = this.#b, ov = this.#v;
    const cap = (this.#mask + 1) * 2;
    this.#a = new Int32Array(cap);
    this.#b = new Int32Array(cap);
    this.#v = new Int32Array(cap).fill(-1);
    this.#mask = cap - 1;
    this.#size = 0;
    for (let i = 0; i < ov.length; i++) if (ov[i] !== -1) this.getOrInsert(oa[i], ob[i], ov[i]);
  }
}
