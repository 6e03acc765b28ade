import type * as ort from 'onnxruntime-node';
import { floatTensor } from './ort-session';

/**
 * Runs an exported (NHWC, symbolic-size) model on a whole image: pads right/bottom by edge replication to a
 * multiple of `multiple`, then crops. Returns `[H·W, K]` scores.
 */
export async function predictImage(
  session: ort.InferenceSession,
  img: { width: number; height: number; channels: number; data: Float32Array },
  multiple: number,
): Promise<Float32Array> {
  const { width: w, height: h, channels: c } = img;
  const hp = Math.ceil(h / multiple) * multiple, wp = Math.ceil(w / multiple) * multiple;
  const input = new Float32Array(hp * wp * c);
  for (let y = 0; y < hp; y++) {
    const sy = Math.min(y, h - 1);
    for (let x = 0; x < wp; x++) {
      const sx = Math.min(x, w - 1);
      for (let ch = 0; ch < c; ch++) input[(y * wp + x) * c + ch] = img.data[(sy * w + sx) * c + ch] as number;
    }
  }
  const inName = session.inputNames[0] as string, outName = session.outputNames[0] as string;
  const res = await session.run({ [inName]: floatTensor(input, [1, hp, wp, c]) });
  const out = res[outName] as ort.Tensor;
  const k = out.dims[3] as number;
  const data = out.data as Float32Array;
  const scores = new Float32Array(h * w * k);
  for (let y = 0; y < h; y++) scores.set(data.subarray(y * wp * k, (y * wp + w) * k), y * w * k);
  return scores;
}
