import { InferenceError } from './errors';
import type { LoadedModel } from './load-model';

/**
 * How image channels feed the model: `map[k]` is the image channel for model channel k, or -1 for "mean of all
 * channels" (ConvertToMonochrome). A 1-channel model on a multi-channel image runs once per channel (SplitRgb,
 * the default) unless the model asks for monochrome conversion.
 */
export interface ChannelPlan { runs: Int32Array[]; identity: boolean[] }

export type ColorOrder = 'rgb' | 'bgr' | 'none';

export function planChannels(model: LoadedModel, imageChannels: number, color: ColorOrder | 'auto' = 'auto'): ChannelPlan {
  const mc = model.inChannels;
  if (mc === imageChannels) {
    const colour = color === 'rgb' || (color === 'auto' && (mc === 3 || mc === 4));
    const map = Int32Array.from({ length: mc }, (_, k) => k);
    if (colour) { map[0] = 2; map[2] = 0; } // RGB(A) -> BGR(A), as ZEN feeds colour models
    return { runs: [map], identity: [!colour] };
  }
  if (mc === 1) {
    if (model.colorHandling === 'ConvertToMonochrome') return { runs: [Int32Array.of(-1)], identity: [false] };
    return {
      runs: Array.from({ length: imageChannels }, (_, c) => Int32Array.of(c)),
      identity: Array.from({ length: imageChannels }, () => false),
    };
  }
  throw new InferenceError('CHANNEL_MISMATCH', `The model expects ${mc} channels, the image has ${imageChannels}.`);
}
