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

  private less(i: number, j: number): boolean {
    const a = this.pri[i]!, b = this.pri[j]!;
    return a < b || (a === b && this.age[i]! < this.age[j]!);
  }

  private swap(i: number, j: number): void {
    const p = this.pri[i]!; this.pri[i] = this.pri[j]!; this.pri[j] = p;
    const a = this.age[i]!; this.age[i] = this.age[j]!; this.age[j] = a;
    const x = this.pix[i]!; this.pix[i] = this.pix[j]!; this.pix[j] = x;
  }

  push(pixel: number, priority: number): void {
    if (this.n === this.pix.length) {
      const grow = <T extends Float64Array | Int32Array>(a: T): T => { const b = new (a.constructor as new (n: number) => T)(a.length * 2); b.set(a); return b; };
      this.pri = grow(this.pri); this.age = grow(this.age); this.pix = grow(this.pix);
    }
    let i = this.n++;
    this.pri[i] = priority; this.age[i] = this.counter++; this.pix[i] = pixel;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) break;
      this.swap(i, parent); i = parent;
    }
  }

  pop(): number {
    const top = this.pix[0]!;
    this.n--;
    if (this.n > 0) {
      this.pri[0] = this.pri[this.n]!; this.age[0] = this.age[this.n]!; this.pix[0] = this.pix[this.n]!;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1, r = l + 1;
        let m = i;
        if (l < this.n && this.less(l, m)) m = l;
        if (r < this.n && this.less(r, m)) m = r;
        if (m === i) break;
        this.swap(i, m); i = m;
      }
    }
    return top;
  }
}
