/**
 * Three-class targets for instance segmentation from an instance label image (0 = background, i = object i):
 * 1 = background, 2 = interior, 3 = boundary (object pixels with an 8-neighbour outside the object), so that
 * touching objects are separated by at least two boundary pixels. `keep(id)` limits labels to some objects
 * (partial labels): pixels of other objects become 0 (unlabelled); background stays as given by `background`.
 */
export function instanceTargets(
  instances: Int32Array, width: number, height: number,
  opts: { keep?: (id: number) => boolean; background?: (i: number) => boolean } = {},
): Uint8Array {
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      const id = instances[i] as number;
      if (id === 0) {
        if (!opts.background || opts.background(i)) out[i] = 1;
        continue;
      }
      if (opts.keep && !opts.keep(id)) continue;
      let edge = false;
      for (let dy = -1; dy <= 1 && !edge; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const yy = y + dy, xx = x + dx;
          if (yy < 0 || xx < 0 || yy >= height || xx >= width) continue;
          if (instances[yy * width + xx] !== id) { edge = true; break; }
        }
      }
      out[i] = edge ? 3 : 2;
    }
  }
  return out;
}

/** Two-class semantic targets (1 = background, 2 = object) with the same partial-label options. */
export function semanticTargets(
  instances: Int32Array, opts: { keep?: (id: number) => boolean; background?: (i: number) => boolean } = {},
): Uint8Array {
  const out = new Uint8Array(instances.length);
  for (let i = 0; i < instances.length; i++) {
    const id = instances[i] as number;
    if (id === 0) out[i] = !opts.background || opts.background(i) ? 1 : 0;
    else out[i] = !opts.keep || opts.keep(id) ? 2 : 0;
  }
  return out;
}
