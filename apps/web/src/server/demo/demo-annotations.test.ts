import { describe, expect, it } from 'vitest';
import { rasteriseAnnotations, type AnnotationShape } from '@tessera/annotations';
import { demoNuclei } from '@tessera/packager/demo-image-layout';
import { OpBatchSchema } from '../annotations/op-schemas';
import { demoAnnotationOps } from './demo-annotations';

const size = 1024;
const known = demoNuclei(size, 11);
const ops = demoAnnotationOps(known, { imageId: 'img0000000000000000000001', width: size, height: size, nucleusClassId: 'nuc', backgroundClassId: 'bg' });

describe('demo annotations from the generator’s nuclei', () => {
  it('are valid annotation-API ops: 16 instance nuclei (some brush loops) and Background strokes, stable ids', () => {
    expect(() => OpBatchSchema.parse({ ops })).not.toThrow();
    const creates = ops.map((o) => (o.type === 'create' ? o.annotation : null)).filter((a) => a !== null);
    expect(creates.filter((a) => a.kind === 'instance' && a.labelClassId === 'nuc')).toHaveLength(16);
    expect(creates.filter((a) => a.kind === 'instance' && a.geometry.type === 'polyline' && a.fillHoles)).toHaveLength(4);
    expect(creates.filter((a) => a.kind === 'brush' && a.labelClassId === 'bg').length).toBeGreaterThanOrEqual(6);
    expect(new Set(ops.map((o) => o.key)).size).toBe(ops.length);
    expect(demoAnnotationOps(known, { imageId: 'img0000000000000000000001', width: size, height: size, nucleusClassId: 'nuc', backgroundClassId: 'bg' })).toEqual(ops);
  });

  it('label nuclei pixels inside known nuclei and background pixels outside every nucleus', () => {
    const shapes: AnnotationShape[] = ops.flatMap((o, i) => (o.type === 'create'
      ? [{ id: o.annotation.id, kind: o.annotation.kind, classIndex: o.annotation.labelClassId === 'bg' ? 1 : 2, geometry: o.annotation.geometry, fillHoles: o.annotation.fillHoles ?? false, order: i }]
      : []));
    const { labels, instances } = rasteriseAnnotations(shapes, { width: size, height: size });
    const within = (x: number, y: number, pad: number) => known.some((n) => Math.hypot(n.x - x, n.y - y) <= n.r + pad);
    let bg = 0, nuc = 0;
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        const i = y * size + x;
        if (labels[i] === 1) {
          bg++;
          expect(within(x + 0.5, y + 0.5, 0)).toBe(false);
        } else if (labels[i] === 2) {
          nuc++;
          expect(instances[i]).toBeGreaterThan(0);
          expect(within(x + 0.5, y + 0.5, 1)).toBe(true);
        }
      }
    }
    // Filled outlines: about π r² per nucleus (the loops included), and a fair amount of background.
    expect(nuc).toBeGreaterThan(16 * Math.PI * 14 * 14 * 0.8);
    expect(bg).toBeGreaterThan(6 * 100 * 10 * 0.8);
  });
});
