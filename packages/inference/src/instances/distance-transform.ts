/**
 * Exact Euclidean distance from each foreground pixel (mask != 0) to the nearest background pixel
 * (Felzenszwalb & Huttenlocher, two 1D passes). Like scipy's distance_transform_edt, the image edge is not background.
 */
export function distanceTransform(mask: ArrayLike<number>, width: number, height: number): Float32Array {
  const INF = 1e20;
  const g = new Float64Array(width * height);
  for (let p = 0; p < g.length; p++) g[p] = mask[p] === 0 ? 0 : INF;
  const n = Math.max(width, height);
  const f = new Float64Array(n);
  const d = new Float64Array(n);
  const v = new Int32Array(n);
  const z = new Float64Array(n + 1);
  const pass = (len: number, get: (i: number) => number, set: (i: number, x: number) => void) => {
    for (let i = 0; i < len; i++) f[i] = get(i);
    let k = 0;
    v[0] = 0; z[0] = -Infinity; z[1] = Infinity;
    for (let q = 1; q < len; q++) {
      let s = ((f[q]! + q * q) - (f[v[k]!]! + v[k]! * v[k]!)) / (2 * q - 2 * v[k]!);
      while (k > 0 && s <= z[k]!) { k--; s = ((f[q]! + q * q) - (f[v[k]!]! + v[k]! * v[k]!)) / (2 * q - 2 * v[k]!); }
      k++; v[k] = q; z[k] = s; z[k + 1] = Infinity;
    }
    k = 0;
    for (let q = 0; q < len; q++) {
      while (z[k + 1]! < q) k++;
      const dq = q - v[k]!;
      d[q] = dq * dq + f[v[k]!]!;
    }
    for (let q = 0; q < len; q++) set(q, d[q]!);
  };
  for (let x = 0; x < width; x++) pass(height, (i) => g[i * width + x]!, (i, val) => { g[i * width + x] = val; });
  for (let y = 0; y < height; y++) pass(width, (i) => g[y * width + i]!, (i, val) => { g[y * width + i] = val; });
  const out = new Float32Array(width * height);
  const cap = width + height; // no background at all: a finite, larger-than-any distance
  for (let p = 0; p < out.length; p++) out[p] = g[p]! >= INF / 2 ? cap : Math.sqrt(g[p]!);
  return out;
}
