import { GraphBuilder } from '../graph/graph-builder';
import { Tape, value, type LayerContext } from '../graph/tape';
import { numel, type Value } from '../graph/value';
import { createSession, floatTensor, type ort } from '../train/ort-session';
import { Rng } from '../train/rng';

export interface CheckInput {
  readonly name: string;
  readonly shape: readonly number[];
  readonly requiresGrad: boolean;
  /** Values; random normal when omitted. */
  readonly data?: Float32Array;
}

export interface GradCheckResult {
  /** Largest |analytic − numeric| / max(|numeric|, floor) over the probed coordinates. */
  readonly maxRelError: number;
  readonly probes: number;
}

function randn(n: number, rng: Rng): Float32Array {
  return Float32Array.from({ length: n }, () => rng.normal());
}

/**
 * Builds `L = Σ body(inputs) · r` (r a fixed random tensor) with its backward, then compares each input's analytic
 * gradient with central finite differences of L at `probes` random coordinates, all run through onnxruntime.
 */
export async function gradCheck(
  inputs: readonly CheckInput[],
  body: (ctx: LayerContext, values: Value[]) => Value,
  opts: { probes?: number; eps?: number; seed?: number; floor?: number } = {},
): Promise<GradCheckResult> {
  const rng = new Rng(opts.seed ?? 1);
  const g = new GraphBuilder('grad-check');
  const tape = new Tape(g);
  const values = inputs.map((i) => value(g.input(i.name, i.shape), i.shape, i.requiresGrad));
  const out = body({ g, tape }, values);
  const r = g.input('r', out.shape);
  g.op('ReduceSum', [g.op('Mul', [out.name, r])], { keepdims: 0 }, 'L');
  g.output('L', []);
  tape.backward(out, r);
  const gradNames = inputs.filter((i) => i.requiresGrad).map((i) => {
    const grad = tape.grad(i.name);
    if (!grad) throw new Error(`no gradient for ${i.name}`);
    g.op('Identity', [grad], {}, `d_${i.name}`);
    g.output(`d_${i.name}`, i.shape);
    return i.name;
  });
  const session = await createSession(g.toBytes({ opset: 15 }), { threads: 1 });
  const data = new Map(inputs.map((i) => [i.name, i.data ?? randn(numel(i.shape), rng)]));
  const rData = randn(numel(out.shape), rng);
  const feeds = (): Record<string, ort.Tensor> => {
    const f: Record<string, ort.Tensor> = { r: floatTensor(rData, out.shape) };
    for (const i of inputs) f[i.name] = floatTensor(data.get(i.name) as Float32Array, i.shape);
    return f;
  };
  const base = await session.run(feeds());
  const eps = opts.eps ?? 1e-2;
  const floor = opts.floor ?? 1e-2;
  let maxRel = 0;
  let probes = 0;
  for (const name of gradNames) {
    const x = data.get(name) as Float32Array;
    const analytic = base[`d_${name}`]?.data as Float32Array;
    for (let p = 0; p < (opts.probes ?? 12); p++) {
      const j = rng.int(x.length);
      const orig = x[j] as number;
      x[j] = orig + eps;
      const xp = x[j] as number; // the float32 actually fed, not orig + eps
      const lp = Number((await session.run(feeds())).L?.data[0]);
      x[j] = orig - eps;
      const xm = x[j] as number;
      const lm = Number((await session.run(feeds())).L?.data[0]);
      x[j] = orig;
      const numeric = (lp - lm) / (xp - xm);
      const rel = Math.abs((analytic[j] as number) - numeric) / Math.max(Math.abs(numeric), floor);
      if (process.env.GRAD_DEBUG) console.log(name, j, analytic[j], numeric, rel);
      maxRel = Math.max(maxRel, rel);
      probes++;
    }
  }
  await session.release();
  return { maxRelError: maxRel, probes };
}
