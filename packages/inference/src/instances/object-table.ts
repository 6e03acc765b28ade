import type { Raster } from '../types';
import type { InstanceLabels } from './segment-instances';

export interface ObjectRow {
  id: number;
  /** Class label value (1-based) and name. */
  classValue: number;
  className?: string;
  area: number;
  centroidX: number;
  centroidY: number;
  /** Bounding box, inclusive-exclusive: [x, x+w) x [y, y+h). */
  bboxX: number;
  bboxY: number;
  bboxW: number;
  bboxH: number;
  /** Mean of each image channel over the object's pixels (empty without an image). */
  meanIntensity: number[];
}

/** Measures every instance: area, centroid, bounding box and mean intensity per channel of `image`. */
export function measureObjects(inst: InstanceLabels, width: number, height: number, image?: Raster, classNames?: string[]): ObjectRow[] {
  const n = inst.count;
  const area = new Float64Array(n + 1), sx = new Float64Array(n + 1), sy = new Float64Array(n + 1);
  const x0 = new Int32Array(n + 1).fill(width), y0 = new Int32Array(n + 1).fill(height);
  const x1 = new Int32Array(n + 1), y1 = new Int32Array(n + 1);
  const C = image?.channels ?? 0;
  const sums = new Float64Array((n + 1) * C);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const p = y * width + x;
      const l = inst.labels[p]!;
      if (l === 0) continue;
      area[l]!++; sx[l]! += x; sy[l]! += y;
      if (x < x0[l]!) x0[l] = x;
      if (y < y0[l]!) y0[l] = y;
      if (x + 1 > x1[l]!) x1[l] = x + 1;
      if (y + 1 > y1[l]!) y1[l] = y + 1;
      for (let c = 0; c < C; c++) sums[l * C + c]! += image!.data[p * C + c]!;
    }
  }
  const rows: ObjectRow[] = [];
  for (let l = 1; l <= n; l++) {
    const a = area[l]!;
    if (a === 0) continue;
    const cls = inst.objectClass[l - 1] ?? 0;
    rows.push({
      id: l, classValue: cls, className: classNames?.[cls - 1], area: a,
      centroidX: sx[l]! / a, centroidY: sy[l]! / a,
      bboxX: x0[l]!, bboxY: y0[l]!, bboxW: x1[l]! - x0[l]!, bboxH: y1[l]! - y0[l]!,
      meanIntensity: Array.from({ length: C }, (_, c) => sums[l * C + c]! / a),
    });
  }
  return rows;
}

/** The object table as CSV (one header line, one line per object). */
export function objectsToCsv(rows: ObjectRow[], channels = rows[0]?.meanIntensity.length ?? 0): string {
  const head = ['id', 'class', 'class_name', 'area', 'centroid_x', 'centroid_y', 'bbox_x', 'bbox_y', 'bbox_w', 'bbox_h',
    ...Array.from({ length: channels }, (_, c) => `mean_intensity_${c}`)];
  const q = (s: string | undefined) => (s === undefined ? '' : /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = rows.map((r) => [r.id, r.classValue, q(r.className), r.area, r.centroidX.toFixed(3), r.centroidY.toFixed(3),
    r.bboxX, r.bboxY, r.bboxW, r.bboxH, ...r.meanIntensity.map((v) => v.toFixed(4))].join(','));
  return [head.join(','), ...lines].join('\n') + '\n';
}
