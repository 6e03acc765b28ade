import { z } from 'zod';
import type { Raster } from '@tessera/inference';

/** A package fails when any tile is worse than these (the packaged artefact must give the platform's answer). */
export const PARITY_THRESHOLDS = { maxAbsProbDiff: 1e-4, minLabelAgreement: 0.9999, maxInstanceCountDiff: 0 } as const;

export const TileParitySchema = z.object({
  tile: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  /** Max |p_platform - p_artefact| over pixels and classes (regression: over output values). */
  maxAbsProbDiff: z.number(),
  /** Fraction of pixels with the same label (instance models: the same instance id). */
  labelAgreement: z.number(),
  platformInstances: z.number().int().nullable(),
  artefactInstances: z.number().int().nullable(),
  instanceCountDiff: z.number().int(),
});
export type TileParity = z.infer<typeof TileParitySchema>;

export const ParityReportSchema = z.object({
  artefact: z.enum(['czann', 'bundle']),
  artefactSha256: z.string(),
  modelType: z.string(),
  thresholds: z.object({ maxAbsProbDiff: z.number(), minLabelAgreement: z.number(), maxInstanceCountDiff: z.number() }),
  tiles: z.array(TileParitySchema),
  maxAbsProbDiff: z.number(),
  labelAgreement: z.number(),
  instanceCountDiff: z.number().int(),
  /** Bundle only: every file's SHA-256 equals the one in manifest.json. */
  checksumsMatch: z.boolean().nullable(),
  passed: z.boolean(),
  failures: z.array(z.string()),
  goldenSet: z.string(),
  createdAt: z.string(),
});
export type ParityReport = z.infer<typeof ParityReportSchema>;

/** What one side (platform or artefact) produced on one tile. */
export interface TileOutput {
  labels: Raster;
  /** Class scores (segmentation) or the regression output. */
  scores?: Raster;
  instances?: number;
}

export function compareTile(tile: string, platform: TileOutput, artefact: TileOutput): TileParity {
  const a = platform.labels.data;
  const b = artefact.labels.data;
  let same = 0;
  const n = Math.min(a.length, b.length);
  if (platform.labels.dtype === 'float32') {
    // regression: values agree when within the probability tolerance
    for (let i = 0; i < n; i++) if (Math.abs(Number(a[i]) - Number(b[i])) <= PARITY_THRESHOLDS.maxAbsProbDiff) same++;
  } else for (let i = 0; i < n; i++) if (a[i] === b[i]) same++;
  const labelAgreement = a.length === b.length && a.length > 0 ? same / a.length : 0;
  let maxAbsProbDiff = 0;
  const pa = platform.scores?.data;
  const pb = artefact.scores?.data;
  if (pa && pb) {
    if (pa.length !== pb.length) maxAbsProbDiff = Infinity;
    else for (let i = 0; i < pa.length; i++) maxAbsProbDiff = Math.max(maxAbsProbDiff, Math.abs(Number(pa[i]) - Number(pb[i])));
  } else if (pa || pb) maxAbsProbDiff = Infinity;
  const pi = platform.instances ?? null;
  const ai = artefact.instances ?? null;
  return {
    tile, width: platform.labels.width, height: platform.labels.height, maxAbsProbDiff, labelAgreement,
    platformInstances: pi, artefactInstances: ai, instanceCountDiff: pi === null && ai === null ? 0 : Math.abs((pi ?? 0) - (ai ?? 0)),
  };
}

/** Aggregates tiles into a report; a tile below a threshold (or a checksum mismatch) fails it, saying why. */
export function summariseParity(input: {
  artefact: 'czann' | 'bundle'; artefactSha256: string; modelType: string; tiles: TileParity[]; checksumsMatch: boolean | null; goldenSet: string;
}): ParityReport {
  const t = PARITY_THRESHOLDS;
  const maxAbsProbDiff = Math.max(0, ...input.tiles.map((x) => x.maxAbsProbDiff));
  const labelAgreement = Math.min(1, ...input.tiles.map((x) => x.labelAgreement));
  const instanceCountDiff = Math.max(0, ...input.tiles.map((x) => x.instanceCountDiff));
  const failures: string[] = [];
  if (input.tiles.length === 0) failures.push('no golden tiles were compared');
  if (!(maxAbsProbDiff <= t.maxAbsProbDiff)) failures.push(`max absolute probability difference ${fmt(maxAbsProbDiff)} > ${t.maxAbsProbDiff}`);
  if (!(labelAgreement >= t.minLabelAgreement)) failures.push(`label agreement ${fmt(labelAgreement)} < ${t.minLabelAgreement}`);
  if (instanceCountDiff > t.maxInstanceCountDiff) failures.push(`instance count differs by ${instanceCountDiff}`);
  if (input.checksumsMatch === false) failures.push('a file differs from its SHA-256 in manifest.json');
  return {
    ...input,
    maxAbsProbDiff: Number.isFinite(maxAbsProbDiff) ? maxAbsProbDiff : Number.MAX_VALUE,
    labelAgreement,
    instanceCountDiff,
    thresholds: { ...t },
    passed: failures.length === 0,
    failures,
    createdAt: new Date().toISOString(),
  };
}

const fmt = (x: number) => (Number.isFinite(x) ? x.toPrecision(4) : 'not comparable');

/** Thrown by packaging when parity fails; carries the report so the failure can show it. */
export class ParityError extends Error {
  readonly code = 'PARITY_FAILED';
  constructor(readonly report: ParityReport) {
    super(`Parity check failed for the ${report.artefact}: ${report.failures.join('; ')}`);
  }
}
