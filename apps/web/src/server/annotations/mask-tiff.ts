import { rasteriseAnnotations, type AnnotationShape } from '@tessera/annotations';
import { writeTiff } from '@tessera/imaging';

export type MaskKind = 'labels' | 'instances';

/**
 * One image's annotations as a mask TIFF, from the rasteriser training uses: labels are uint16 (0 = unlabelled,
 * k = class k in project order), instances uint32 (0 = none, k = the k-th instance painted, `instanceIds[k - 1]`).
 * The per-image and the project export both write masks here, so their pixels are the same.
 */
export function maskTiff(shapes: readonly AnnotationShape[], width: number, height: number, kind: MaskKind): { tiff: Uint8Array; instanceIds: string[] } {
  const m = rasteriseAnnotations(shapes, { width, height });
  const data = kind === 'labels' ? m.labels : new Uint32Array(m.instances.buffer, m.instances.byteOffset, m.instances.length);
  const tiff = writeTiff(
    { width, height, channels: 1, dtype: kind === 'labels' ? 'uint16' : 'uint32', data },
    { compression: 'deflate', ome: false, software: 'Tessera' },
  );
  return { tiff, instanceIds: m.instanceIds };
}
