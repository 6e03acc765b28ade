/** sfc32: a small, fast, seedable PRNG whose whole state (four uint32) can be checkpointed. */
export class Rng {
  private readonly s: Uint32Array;

  constructor(seedOrState: number | Uint32Array) {
    if (typeof seedOrState !== 'number') {
      this.s = Uint32Array.from(seedOrState);
      return;
    }
    this.s = new Uint32Array([0x9e3779b9, seedOrState >>> 0, Math.floor(seedOrState / 2 ** 32) >>> 0, 1]);
    for (let i = 0; i < 15; i++) this.nextU32();
  }

  nextU32(): number {
    const s = this.s;
    const a = s[0] as number, b = s[1] as number, c = s[2] as number, d = s[3] as number;
    const t = (((a + b) >>> 0) + d) >>> 0;
    s[3] = (d + 1) >>> 0;
    s[0] = b ^ (b >>> 9);
    s[1] = (c + (c << 3)) >>> 0;
    const r = (c << 21) | (c >>> 11);
    s[2] = (r + t) >>> 0;
    return t;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextU32() / 4294967296;
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  uniform(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next();
  }

  /** Standard normal (Box–Muller, no cached spare so the state stays four words). */
  normal(): number {
    const u = 1 - this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }

  state(): Uint32Array {
    return Uint32Array.from(this.s);
  }
}
