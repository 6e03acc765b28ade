import { z } from 'zod';

export const UNET_PRESETS = {
  small: { depth: 2, width: 16 },
  medium: { depth: 3, width: 24 },
  large: { depth: 4, width: 32 },
} as const;
export type UnetPreset = keyof typeof UNET_PRESETS;

export const UnetConfigSchema = z.object({
  inChannels: z.number().int().min(1),
  /** Output channels: classes for a softmax head, independent maps for a sigmoid head. */
  outChannels: z.number().int().min(1),
  /** Number of 2×2 poolings. */
  depth: z.number().int().min(1).max(6),
  /** Channels at the first level; doubled at each level down. */
  width: z.number().int().min(1),
  head: z.enum(['softmax', 'sigmoid']).default('softmax'),
});
export type UnetConfig = z.infer<typeof UnetConfigSchema>;

/** A config from a preset plus the data's channel and class counts. */
export function unetFromPreset(preset: UnetPreset, inChannels: number, outChannels: number, head: UnetConfig['head'] = 'softmax'): UnetConfig {
  return UnetConfigSchema.parse({ ...UNET_PRESETS[preset], inChannels, outChannels, head });
}
