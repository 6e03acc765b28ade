import { z } from 'zod';

/** Duration presets of the Train dialog: planned steps (the run stops earlier on early stopping). */
export const DURATION_PRESETS = {
  quick: { steps: 300, validateEvery: 50, patience: 0 },
  standard: { steps: 1500, validateEvery: 100, patience: 5 },
  long: { steps: 6000, validateEvery: 200, patience: 8 },
} as const;
export type DurationPreset = keyof typeof DURATION_PRESETS;

export const ModelTypeSchema = z.enum(['semantic', 'instance']);
export type ModelType = z.infer<typeof ModelTypeSchema>;

/** Settings behind the Train dialog's "Advanced" toggle; every one optional. */
export const AdvancedSettingsSchema = z.object({
  size: z.enum(['small', 'medium', 'large']).optional(),
  /** Normalisation in the UNet's 3×3 blocks: `group` = conv → GroupNorm (up to 8 groups) → ReLU; default `none`. */
  norm: z.enum(['none', 'group']).optional(),
  /** Overrides the duration preset's step count. */
  steps: z.number().int().min(1).max(200_000).optional(),
  batch: z.number().int().min(1).max(64).optional(),
  patch: z.number().int().min(16).max(512).refine((v) => v % 16 === 0, 'patch must be a multiple of 16').optional(),
  learningRate: z.number().positive().max(1).optional(),
  seed: z.number().int().min(0).max(2 ** 31 - 1).optional(),
  /** Share of labelled area held out for validation (0 = none). */
  validationFraction: z.number().min(0).max(0.5).optional(),
  validateEvery: z.number().int().min(0).optional(),
  patience: z.number().int().min(0).optional(),
  augment: z.boolean().optional(),
  diceWeight: z.number().min(0).max(10).optional(),
  /** Loss weight per output class. */
  classWeights: z.array(z.number().min(0).max(100)).max(64).optional(),
  checkpointEvery: z.number().int().min(1).max(100_000).optional(),
});
export type AdvancedSettings = z.infer<typeof AdvancedSettingsSchema>;

/** What the Train dialog submits. */
export const TrainSettingsSchema = z.object({
  name: z.string().trim().max(120).optional(),
  modelType: ModelTypeSchema,
  /** Label class ids to train on (semantic: at least two; instance: the object class and background); default all. */
  classIds: z.array(z.string().min(1).max(64)).max(64).optional(),
  duration: z.enum(['quick', 'standard', 'long']).default('quick'),
  advanced: AdvancedSettingsSchema.default({}),
});
export type TrainSettings = z.infer<typeof TrainSettingsSchema>;
export type TrainSettingsInput = z.input<typeof TrainSettingsSchema>;

/** Output classes of an instance model. */
export const INSTANCE_CLASSES = ['background', 'interior', 'boundary'] as const;

export interface ResolvedTraining {
  /** Input of @tessera/ml's TrainConfigSchema (execution settings are the worker's). */
  config: {
    model: { inChannels: number; outChannels: number; depth: number; width: number; head: 'softmax'; norm?: 'group' };
    batch: number; patch: number; lr: number; totalSteps: number; seed: number; diceWeight: number;
    classWeights?: number[]; augment: Record<string, never> | null;
  };
  seed: number;
  totalSteps: number;
  validateEvery: number;
  patience: number;
  validationFraction: number;
  checkpointEvery: number;
}

const SIZES = { small: { depth: 2, width: 16 }, medium: { depth: 3, width: 24 }, large: { depth: 4, width: 32 } } as const;

/** The engine config of a run from the dialog's settings and the data (channels, output classes). */
export function resolveTraining(settings: TrainSettings, data: { channels: number; outputClasses: number; seed?: number }): ResolvedTraining {
  const a = settings.advanced;
  const preset = DURATION_PRESETS[settings.duration];
  const totalSteps = a.steps ?? preset.steps;
  const seed = a.seed ?? data.seed ?? 0;
  const size = SIZES[a.size ?? 'small'];
  const instance = settings.modelType === 'instance';
  const classWeights = a.classWeights ?? (instance ? [1, 1, 2] : undefined);
  if (classWeights && classWeights.length !== data.outputClasses) {
    throw new RangeError(`classWeights has ${classWeights.length} values; the model has ${data.outputClasses} output classes`);
  }
  return {
    config: {
      model: {
        inChannels: data.channels, outChannels: data.outputClasses, depth: size.depth, width: size.width, head: 'softmax',
        // Left out unless chosen, so that default runs resolve to exactly the config (and checkpoint hash) as before.
        ...(a.norm === 'group' ? { norm: 'group' as const } : {}),
      },
      batch: a.batch ?? 4,
      patch: a.patch ?? 128,
      lr: a.learningRate ?? 2e-3,
      totalSteps,
      seed,
      diceWeight: a.diceWeight ?? 0,
      ...(classWeights ? { classWeights } : {}),
      augment: a.augment === false ? null : {},
    },
    seed,
    totalSteps,
    validateEvery: Math.min(a.validateEvery ?? preset.validateEvery, totalSteps),
    patience: a.patience ?? preset.patience,
    validationFraction: a.validationFraction ?? 0.15,
    checkpointEvery: a.checkpointEvery ?? 50,
  };
}
