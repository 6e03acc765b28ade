import { z } from 'zod';

/** The extra model.json key that carries instance post-processing parameters (other readers ignore it). */
export const POSTPROCESSING_KEY = 'TesseraPostprocessing';

/**
 * Instance post-processing, stored in a .czann's model.json under `TesseraPostprocessing`:
 * - `connectedComponents`: each connected component of a foreground class is one object.
 * - `watershedDistance`: touching objects are split by a seeded watershed on the distance transform of the
 *   foreground; seeds are distance maxima whose dynamic (height above the saddle to a higher maximum) is >= `seedDynamic` px.
 * - `watershedBoundary`: seeds are connected components of the foreground classes; they grow over the `boundaryClass`
 *   pixels (in order of the boundary score), so a boundary class separates touching objects.
 * Class values are 1-based label values (label = argmax + 1), as ZEN writes them.
 */
export const InstancePostprocessingSchema = z.object({
  method: z.enum(['connectedComponents', 'watershedDistance', 'watershedBoundary']).default('watershedDistance'),
  /** Label values that form objects; default: every label except 1 (the first class is background). */
  foregroundClasses: z.array(z.number().int().min(1)).min(1).optional(),
  /** Label value of the boundary class (watershedBoundary only). */
  boundaryClass: z.number().int().min(1).optional(),
  /** Objects smaller than this (pixels) are removed. */
  minSize: z.number().int().min(0).default(0),
  /** Fill holes inside objects. */
  fillHoles: z.boolean().default(true),
  connectivity: z.union([z.literal(4), z.literal(8)]).default(8),
  /** watershedDistance: minimum dynamic of a distance maximum to seed an object (pixels). */
  seedDynamic: z.number().min(0).default(1),
  /** watershedDistance: passes of a 3x3 mean over the distance map before seeding (defaults tuned on BBBC039 GT). */
  smoothing: z.number().int().min(0).max(10).default(1),
});

export type InstancePostprocessing = z.infer<typeof InstancePostprocessingSchema>;
export type InstancePostprocessingInput = z.input<typeof InstancePostprocessingSchema>;

/** Parses post-processing parameters, e.g. from `metadata.extra[POSTPROCESSING_KEY]`. */
export function parsePostprocessing(value: unknown): InstancePostprocessing {
  return InstancePostprocessingSchema.parse(value ?? {});
}
