/** Min-heap of pixels keyed by (priority, insertion age), so equal priorities pop first-in first-out. */
export class PixelHeap {
  private pri: Float64Array;
  private age: Float64Array;
  private pix: Int32Array;
  private n = 0;
  private counter = 0;

  constructor(capacity = 1024) {
    this.pri = new Float64Array(capacity);
    this.age = new Float64Array(capacity);
    this.pix = new Int32Array(capacity);
  }

  get size(): number { return this.n; }

  private grow(): void {
    const cap = this.pix.length * 2;
    const pri = new Float64Array(cap); pri.set(this.pri); this.pri = pri;
    const age = new Float64Array(cap); age.set(this.age); this.age = age;
    const pix = new Int32Array(cap); pix.set(this.pix); this.pix = pix;
  }

  push(pixel: number, priority: number): void {
    if (this.n === this.pix.length) this.grow();
    const pri = this.pri, age = this.age, pix = this.pix;
    const a = this.counter++;
    let i = this.n++;
    while (i > 0) { // sift the hole up
      const parent = (i - 1) >> 1;
      const pp = pri[parent]!;
      if (pp < priority || (pp === priority && age[parent]! < a)) break;
      pri[i] = pp; age[i] = age[parent]!; pix[i] = pix[parent]!;
      i = parent;
    }
    pri[i] = priority; age[i] = a; pix[i] = pixel;
  }

  pop(): number {
    const pri = this.pri, age = this.age, pix = this.pix;
    const top = pix[0]!;
    const n = --this.n;
    if (n > 0) {
      const lp = pri[n]!, la = age[n]!, lx = pix[n]!;
      let i = 0;
      for (;;) { // sift the hole down
        let c = 2 * i + 1;
        if (c >= n) break;
        const r = c + 1;
        if (r < n && (pri[r]! < pri[c]! || (pri[r] === pri[c] && age[r]! < age[c]!))) c = r;
        if (lp < pri[c]! || (lp === pri[c] && la < age[c]!)) break;
        pri[i] = pri[c]!; age[i] = age[c]!; pix[i] = pix[c]!;
        i = c;
      }
      pri[i] = lp; age[i] = la; pix[i] = lx;
    }
    return top;
  }
}
