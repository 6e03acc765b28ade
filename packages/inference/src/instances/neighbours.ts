/** Neighbour offsets (dx, dy) for 4- or 8-connectivity. */
export function neighbourOffsets(connectivity: 4 | 8): [number, number][] {
  const n4: [number, number][] = [[1, 0], [-1, 0], [0, 1], [0, -1]];
  return connectivity === 4 ? n4 : [...n4, [1, 1], [-1, -1], [1, -1], [-1, 1]];
}

/** Flat neighbour tables for hot loops: dx[k], dy[k] and the index offset dy*width+dx. */
export function neighbourTable(connectivity: 4 | 8, width: number): { dx: Int32Array; dy: Int32Array; off: Int32Array; n: number } {
  const nb = neighbourOffsets(connectivity);
  return {
    dx: Int32Array.from(nb, ([x]) => x),
    dy: Int32Array.from(nb, ([, y]) => y),
    off: Int32Array.from(nb, ([x, y]) => y * width + x),
    n: nb.length,
  };
}
