import { CzannError } from './errors';

/** A minimal zero-copy protobuf wire reader: just enough to walk ONNX without decoding weights. */
export class ProtoReader {
  pos: number;
  constructor(readonly buf: Uint8Array, start = 0, readonly end = buf.length) {
    this.pos = start;
  }

  get done(): boolean {
    return this.pos >= this.end;
  }

  private fail(msg: string): never {
    throw new CzannError('BAD_ONNX', `ONNX protobuf: ${msg} at byte ${this.pos}`);
  }

  /** A varint as a JS number (int64 above 2^53 loses precision; negative int64 comes back negative). */
  varint(): number {
    let lo = 0;
    let hi = 0;
    let shift = 0;
    for (let k = 0; k < 10; k++) {
      if (this.pos >= this.end) this.fail('truncated varint');
      const b = this.buf[this.pos++]!;
      if (shift < 28) lo |= (b & 0x7f) << shift;
      else if (shift === 28) { lo |= (b & 0x0f) << 28; hi |= (b & 0x70) >> 4; }
      else hi |= (b & 0x7f) << (shift - 32);
      shift += 7;
      if (!(b & 0x80)) {
        return (hi | 0) < 0 ? -((~hi >>> 0) * 2 ** 32 + (~lo >>> 0) + 1) : (hi >>> 0) * 2 ** 32 + (lo >>> 0);
      }
    }
    return this.fail('varint longer than 10 bytes');
  }

  /** Field number and wire type of the next key. */
  key(): [field: number, wire: number] {
    const k = this.varint();
    if (k <= 0) this.fail('invalid field key');
    return [Math.floor(k / 8), k & 7];
  }

  /** Bounds of a length-delimited field: [start, end). */
  span(): [number, number] {
    const len = this.varint();
    if (len < 0 || this.pos + len > this.end) this.fail('length-delimited field runs past its message');
    const start = this.pos;
    this.pos += len;
    return [start, this.pos];
  }

  sub(): ProtoReader {
    const [s, e] = this.span();
    return new ProtoReader(this.buf, s, e);
  }

  string(): string {
    const [s, e] = this.span();
    return Buffer.from(this.buf.buffer, this.buf.byteOffset + s, e - s).toString('utf8');
  }

  skip(wire: number): void {
    if (wire === 0) this.varint();
    else if (wire === 1) this.pos += 8;
    else if (wire === 2) this.span();
    else if (wire === 5) this.pos += 4;
    else this.fail(`unsupported wire type ${wire}`);
    if (this.pos > this.end) this.fail('field runs past its message');
  }

  /** Repeated int64: packed (wire 2) or one value (wire 0). */
  int64s(wire: number, into: number[]): void {
    if (wire === 0) into.push(this.varint());
    else if (wire === 2) {
      const r = this.sub();
      while (!r.done) into.push(r.varint());
    } else this.fail(`unexpected wire type ${wire} for int64`);
  }
}
