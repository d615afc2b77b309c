/**
 * Open-addressing hash map from a pair of int32 keys to a non-negative int32 value, in one
 * interleaved typed array (key a, key b, value, spare: one cache line holds 4 slots): node lookup
 * by rounded coordinates without building a string per vertex.
 * @private
 */
export class IntPairMap {
  #slots: Int32Array;
  #mask: number;
  #size = 0;

  constructor(expected: number) {
    let cap = 16;
    while (cap < expected * 2) cap *= 2;
    this.#slots = IntPairMap.#empty(cap);
    this.#mask = cap - 1;
  }

  static #empty(cap: number): Int32Array {
    const s = new Int32Array(4 * cap);
    for (let i = 2; i < s.length; i += 4) s[i] = -1;
    return s;
  }

  get size(): number {
    return this.#size;
  }

  /** The value stored for (a, b), −1 when there is none. */
  get(a: number, b: number): number {
    const mask = this.#mask;
    const slots = this.#slots;
    let h = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b ^ (b >>> 15), 0x85ebca77)) >>> 0;
    h = (h ^ (h >>> 13)) & mask;
    for (;;) {
      const p = h << 2;
      const v = slots[p + 2];
      if (v === -1) return -1;
      if (slots[p] === a && slots[p + 1] === b) return v;
      h = (h + 1) & mask;
    }
  }

  /** The value stored for (a, b), or inserts `value` and returns −1 when the pair is new. */
  getOrInsert(a: number, b: number, value: number): number {
    if (this.#size * 2 >= this.#mask) this.#grow();
    const mask = this.#mask;
    const slots = this.#slots;
    let h = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b ^ (b >>> 15), 0x85ebca77)) >>> 0;
    h = (h ^ (h >>> 13)) & mask;
    for (;;) {
      const p = h << 2;
      const v = slots[p + 2];
      if (v === -1) {
        slots[p] = a;
        slots[p + 1] = b;
        slots[p + 2] = value;
        this.#size++;
        return -1;
      }
      if (slots[p] === a && slots[p + 1] === b) return v;
      h = (h + 1) & mask;
    }
  }

  #grow(): void {
    const old = this.#slots;
    const cap = (this.#mask + 1) * 2;
    this.#slots = IntPairMap.#empty(cap);
    this.#mask = cap - 1;
    this.#size = 0;
    for (let p = 0; p < old.length; p += 4) if (old[p + 2] !== -1) this.getOrInsert(old[p], old[p + 1], old[p + 2]);
  }
}
