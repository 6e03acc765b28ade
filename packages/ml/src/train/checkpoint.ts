import { z } from 'zod';

const MAGIC = 0x4b435354; // 'TSCK'
const VERSION = 1;

export const CheckpointHeaderSchema = z.object({
  version: z.literal(VERSION),
  step: z.number().int().min(0),
  rng: z.array(z.number().int()).length(4),
  /** Hash of the training config the state belongs to (restore refuses another). */
  configHash: z.string(),
  tensors: z.array(z.object({ name: z.string(), length: z.number().int().min(0) })),
  extra: z.record(z.string(), z.unknown()).default({}),
});
export type CheckpointHeader = z.infer<typeof CheckpointHeaderSchema>;

export interface CheckpointState {
  readonly step: number;
  readonly rng: Uint32Array;
  readonly configHash: string;
  /** Parameters and optimizer moments by name (e.g. `param:…`, `adam_m:…`, `adam_v:…`). */
  readonly tensors: ReadonlyMap<string, Float32Array>;
  readonly extra?: Record<string, unknown>;
}

export class CheckpointError extends Error {
  readonly code = 'CHECKPOINT';
}

/** `[magic u32][header length u32][header JSON, padded to 4][float32 data…]`, little-endian. */
export function serializeCheckpoint(state: CheckpointState): Uint8Array {
  const header: CheckpointHeader = {
    version: VERSION, step: state.step, rng: [...state.rng], configHash: state.configHash,
    tensors: [...state.tensors].map(([name, t]) => ({ name, length: t.length })), extra: state.extra ?? {},
  };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const headLen = 8 + Math.ceil(json.length / 4) * 4;
  const total = headLen + header.tensors.reduce((a, t) => a + t.length * 4, 0);
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, json.length, true);
  out.set(json, 8);
  let off = headLen;
  for (const t of state.tensors.values()) {
    for (let i = 0; i < t.length; i++, off += 4) view.setFloat32(off, t[i] as number, true);
  }
  return out;
}

export function restoreCheckpoint(bytes: Uint8Array): CheckpointState {
  if (bytes.length < 8) throw new CheckpointError('checkpoint too short');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== MAGIC) throw new CheckpointError('not a Tessera checkpoint (bad magic)');
  const jsonLen = view.getUint32(4, true);
  if (8 + jsonLen > bytes.length) throw new CheckpointError('checkpoint header truncated');
  const parsed = CheckpointHeaderSchema.safeParse(JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + jsonLen))));
  if (!parsed.success) throw new CheckpointError(`bad checkpoint header: ${parsed.error.message}`);
  const header = parsed.data;
  let off = 8 + Math.ceil(jsonLen / 4) * 4;
  const need = off + header.tensors.reduce((a, t) => a + t.length * 4, 0);
  if (need !== bytes.length) throw new CheckpointError(`checkpoint has ${bytes.length} bytes, header says ${need}`);
  const tensors = new Map<string, Float32Array>();
  for (const t of header.tensors) {
    const data = new Float32Array(t.length);
    for (let i = 0; i < t.length; i++, off += 4) data[i] = view.getFloat32(off, true);
    tensors.set(t.name, data);
  }
  return { step: header.step, rng: Uint32Array.from(header.rng), configHash: header.configHash, tensors, extra: header.extra };
}
