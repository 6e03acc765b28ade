import * as ort from 'onnxruntime-node';
import { z } from 'zod';

export const ExecutionSchema = z.object({
  /** onnxruntime execution providers in order of preference, e.g. `['cuda', 'cpu']`. */
  providers: z.array(z.string()).default(['cpu']),
  /** Intra-op threads; 0 = onnxruntime's default (all cores). */
  threads: z.number().int().min(0).default(0),
});
export type Execution = z.infer<typeof ExecutionSchema>;

/** An onnxruntime session with full graph optimisation and the configured providers and threads. */
export async function createSession(bytes: Uint8Array, exec: Partial<Execution> = {}): Promise<ort.InferenceSession> {
  const e = ExecutionSchema.parse(exec);
  return ort.InferenceSession.create(bytes, {
    executionProviders: e.providers,
    graphOptimizationLevel: 'all',
    ...(e.threads > 0 ? { intraOpNumThreads: e.threads, interOpNumThreads: 1 } : {}),
  });
}

export function floatTensor(data: Float32Array, dims: readonly number[]): ort.Tensor {
  return new ort.Tensor('float32', data, dims);
}

export function scalar(x: number): ort.Tensor {
  return new ort.Tensor('float32', Float32Array.of(x), []);
}

export { ort };
