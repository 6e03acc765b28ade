import { z } from 'zod';

export const UNET_PRESETS = {
  small: { depth: 2, width: 16 },
  medium: { depth: 3, width: 24 },
  large: { depth: 4, width: 32 },
} as const;
export type UnetPreset = keyof typeof UNET_PRESETS;

/** Default upper bound on GroupNorm groups (as in MONAI's SegResNet; the paper's 32 assumes ≥ 64 channels). */
export const DEFAULT_NORM_GROUPS = 8;

export const UnetConfigSchema = z.object({
  inChannels: z.number().int().min(1),
  /** Output channels: classes for a softmax head, independent maps for a sigmoid head. */
  outChannels: z.number().int().min(1),
  /** Number of 2×2 poolings. */
  depth: z.number().int().min(1).max(6),
  /** Channels at the first level; doubled at each level down. */
  width: z.number().int().min(1),
  head: z.enum(['softmax', 'sigmoid']).default('softmax'),
  /** Normalisation in each 3×3 block: `none` = conv (with bias) → ReLU; `group` = conv (no bias) → GroupNorm
   * (γ = 1, β = 0 at start) → ReLU. Absent means `none`; it is not defaulted so that configs, their hashes and
   * the exported model's metadata from before this option stay byte-identical. */
  norm: z.enum(['none', 'group']).optional(),
  /** Upper bound on GroupNorm groups (default 8); each block uses the largest divisor of its channels ≤ this. */
  normGroups: z.number().int().min(1).max(64).optional(),
});
export type UnetConfig = z.infer<typeof UnetConfigSchema>;

/** A config from a preset plus the data's channel and class counts. */
export function unetFromPreset(preset: UnetPreset, inChannels: number, outChannels: number, head: UnetConfig['head'] = 'softmax'): UnetConfig {
  return UnetConfigSchema.parse({ ...UNET_PRESETS[preset], inChannels, outChannels, head });
}

/** GroupNorm groups for a block of `channels`: the largest divisor of `channels` not above `normGroups`. */
export function normGroupsFor(cfg: UnetConfig, channels: number): number {
  let g = Math.min(cfg.normGroups ?? DEFAULT_NORM_GROUPS, channels);
  while (channels % g !== 0) g--;
  return g;
}
