import { z } from 'zod';

/** Coordinates are image pixels: pixel (x, y) covers [x, x+1) × [y, y+1); its centre is (x + 0.5, y + 0.5). */
export const MAX_COORD = 1_000_000;
export const MAX_POINTS = 20_000;
export const MAX_WIDTH = 2048;

const Coord = z.number().finite().min(-MAX_COORD).max(MAX_COORD);
/** Flat [x0, y0, x1, y1, …] pairs: compact on the wire and in Postgres. */
const FlatPoints = z
  .array(Coord)
  .min(2, 'needs at least one point')
  .max(MAX_POINTS * 2, `at most ${MAX_POINTS} points`)
  .refine((p) => p.length % 2 === 0, 'points must be x, y pairs');

export const PolylineSchema = z.object({
  type: z.literal('polyline'),
  points: FlatPoints,
  /** Brush diameter in image pixels. */
  width: z.number().finite().positive().max(MAX_WIDTH),
});
export const PolygonSchema = z.object({
  type: z.literal('polygon'),
  /** The first ring is the outline, later rings are holes (even-odd rule). Rings are implicitly closed. */
  rings: z.array(FlatPoints.refine((p) => p.length >= 6, 'a ring needs at least 3 points')).min(1).max(256),
});
export const GeometrySchema = z.discriminatedUnion('type', [PolylineSchema, PolygonSchema]);

/**
 * brush: a painted stroke of a class; eraser: makes earlier pixels unlabelled again; polygon: a filled area of a
 * class; instance: one object of an instance project (a polygon, or a stroke whose holes are filled).
 */
export const ANNOTATION_KINDS = ['brush', 'eraser', 'polygon', 'instance'] as const;
export const AnnotationKindSchema = z.enum(ANNOTATION_KINDS);

export const AnnotationShapeSchema = z
  .object({
    id: z.string().min(1).max(64),
    kind: AnnotationKindSchema,
    /** Label value written into the mask (1…65535); ignored for erasers. 0 is reserved for "unlabelled". */
    classIndex: z.number().int().min(0).max(65535),
    geometry: GeometrySchema,
    /** Fill enclosed unlabelled holes of this shape's own footprint. */
    fillHoles: z.boolean().default(false),
    /** Paint order: larger is painted later (on top). */
    order: z.number().finite(),
  })
  .superRefine((a, ctx) => {
    if ((a.kind === 'brush' || a.kind === 'eraser') && a.geometry.type !== 'polyline') {
      ctx.addIssue({ code: 'custom', message: `${a.kind} needs polyline geometry`, path: ['geometry'] });
    }
    if (a.kind === 'polygon' && a.geometry.type !== 'polygon') {
      ctx.addIssue({ code: 'custom', message: 'polygon needs polygon geometry', path: ['geometry'] });
    }
    if (a.kind !== 'eraser' && a.classIndex === 0) {
      ctx.addIssue({ code: 'custom', message: 'classIndex 0 means unlabelled; use 1 or more', path: ['classIndex'] });
    }
  });

export type Polyline = z.infer<typeof PolylineSchema>;
export type Polygon = z.infer<typeof PolygonSchema>;
export type Geometry = z.infer<typeof GeometrySchema>;
export type AnnotationKind = z.infer<typeof AnnotationKindSchema>;
export type AnnotationShape = z.input<typeof AnnotationShapeSchema>;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Axis-aligned bounds in image coordinates (continuous, inclusive of the brush radius). */
export interface Bounds {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}
