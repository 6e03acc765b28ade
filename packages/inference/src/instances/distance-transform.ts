const INF = 1e20;

/** Squared 1D distance transform of f[0..n) (lower envelope of parabolas) into d. */
function edt1d(f: Float64Array, n: number, d: Float64Array, v: Int32Array, z: Float64Array): void {
  let k = 0;
  v[0] = 0; z[0] = -Infinity; z[1] = Infinity;
  for (let q = 1; q < n; q++) {
    const fq = f[q]! + q * q;
    let vk = v[k]!;
    let s = (fq - (f[vk]! + vk * vk)) / (2 * q - 2 * vk);
    while (k > 0 && s <= z[k]!) {
      k--;
      vk = v[k]!;
      s = (fq - (f[vk]! + vk * vk)) / (2 * q - 2 * vk);
    }
    k++; v[k] = q; z[k] = s; z[k + 1] = Infinity;
  }
  k = 0;
  for (let q = 0; q < n; q++) {
    while (z[k + 1]! < q) k++;
    const vk = v[k]!;
    d[q] = (q - vk) * (q - vk) + f[vk]!;
  }
}

/**
 * Exact Euclidean distance from each foreground pixel (mask != 0) to the nearest background pixel
 * (Felzenszwalb & Huttenlocher, two 1D passes). Like scipy's distance_transform_edt, the image edge is not background.
 */
export function distanceTransform(mask: ArrayLike<number>, width: number, height: number): Float32Array {
  const g = new Float64Array(width * height);
  for (let p = 0; p < g.length; p++) g[p] = mask[p] === 0 ? 0 : INF;
  const n = Math.max(width, height);
  const f = new Float64Array(n), d = new Float64Array(n), z = new Float64Array(n + 1);
  const v = new Int32Array(n);
  for (let x = 0; x < width; x++) {
    for (let y = 0; y < height; y++) f[y] = g[y * width + x]!;
    edt1d(f, height, d, v, z);
    for (let y = 0; y < height; y++) g[y * width + x] = d[y]!;
  }
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) f[x] = g[row + x]!;
    edt1d(f, width, d, v, z);
    for (let x = 0; x < width; x++) g[row + x] = d[x]!;
  }
  const out = new Float32Array(width * height);
  const cap = width + height; // no background at all: a finite, larger-than-any distance
  for (let p = 0; p < out.length; p++) out[p] = g[p]! >= INF / 2 ? cap : Math.sqrt(g[p]!);
  return out;
}
