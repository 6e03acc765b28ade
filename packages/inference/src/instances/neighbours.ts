/** Neighbour offsets (dx, dy) for 4- or 8-connectivity. */
export function neighbourOffsets(connectivity: 4 | 8): [number, number][] {
  const n4: [number, number][] = [[1, 0], [-1, 0], [0, 1], [0, -1]];
  return connectivity === 4 ? n4 : [...n4, [1, 1], [-1, -1], [1, -1], [-1, 1]];
}
