/**
 * The few protocol-buffer primitives OSM PBF needs (varints, zig-zag, length-delimited and packed
 * fields), read straight from a Uint8Array. Integers are doubles: exact up to 2^53, which covers
 * OSM ids and nanodegree coordinates.
 */
export class ProtobufReader {
  pos: number;
  readonly end: number;

  constructor(
    readonly buf: Uint8Array,
    start = 0,
    end = buf.length,
  ) {
    this.pos = start;
    this.end = end;
  }

  varint(): number {
    let result = 0;
    let mul = 1;
    for (;;) {
      if (this.pos >= this.end) throw new RangeError('truncated varint');
      const b = this.buf[this.pos++] as number;
      result += (b & 0x7f) * mul;
      if (b < 0x80) return result;
      mul *= 128;
    }
  }

  svarint(): number {
    const n = this.varint();
    return n % 2 === 1 ? -(n + 1) / 2 : n / 2;
  }

  /** The bytes of a length-delimited field (a view, not a copy). */
  bytes(): Uint8Array {
    const len = this.varint();
    const start = this.pos;
    this.pos += len;
    if (this.pos > this.end) throw new RangeError('truncated field');
    return this.buf.subarray(start, this.pos);
  }

  /** A reader over an embedded message. */
  message(): ProtobufReader {
    const b = this.bytes();
    return new ProtobufReader(b);
  }

  skip(wire: number): void {
    if (wire === 0) this.varint();
    else if (wire === 1) this.pos += 8;
    else if (wire === 2) {
      // Read the length first: `this.pos += this.varint()` would add it to the pre-varint position.
      const len = this.varint();
      this.pos += len;
    }
    else if (wire === 5) this.pos += 4;
    else throw new RangeError(`unsupported wire type ${wire}`);
  }

  /** Reads fields until the end, calling `cb(field, wire)`; the callback must consume or skip the value. */
  fields(cb: (field: number, wire: number) => void): void {
    while (this.pos < this.end) {
      const key = this.varint();
      const before = this.pos;
      cb(Math.floor(key / 8), key & 7);
      if (this.pos === before) this.skip(key & 7);
    }
  }

  /** A packed (or single, unpacked) repeated varint field. */
  packed(wire: number, signed: boolean, out: number[] = []): number[] {
    if (wire !== 2) {
      out.push(signed ? this.svarint() : this.varint());
      return out;
    }
    const len = this.varint();
    const end = this.pos + len;
    while (this.pos < end) out.push(signed ? this.svarint() : this.varint());
    return out;
  }
}
