import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SYSTEM_PYTHON } from '../train/torch-reference';
import { buildInferenceGraph } from './build-inference-graph';
import { buildTrainingGraph } from './build-training-graph';
import { seededParams } from './test-fixtures';
import { unetFromPreset } from './unet-config';

const hasOnnx = spawnSync(SYSTEM_PYTHON, ['-c', 'import onnx'], { stdio: 'ignore' }).status === 0;

function check(bytes: Uint8Array): { status: number | null; out: string } {
  const dir = mkdtempSync(join(tmpdir(), 'tessera-onnx-'));
  try {
    writeFileSync(join(dir, 'm.onnx'), bytes);
    const code = 'import onnx,sys; m=onnx.load(sys.argv[1]); onnx.checker.check_model(m, full_check=True); print(m.opset_import[0].version, len(m.graph.node))';
    const r = spawnSync(SYSTEM_PYTHON, ['-c', code, join(dir, 'm.onnx')], { encoding: 'utf8' });
    return { status: r.status, out: r.stdout + r.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.skipIf(!hasOnnx)('official ONNX checker (Debian python3-onnx, full_check)', () => {
  for (const norm of ['none', 'group'] as const) {
    it(`accepts the exported inference model (norm ${norm}, opset 12)`, () => {
      const cfg = { ...unetFromPreset('small', 2, 3), norm };
      const r = check(buildInferenceGraph(cfg, seededParams(cfg, 1), { normalisation: { offset: [0, 0.1], scale: [2, 3] } }));
      expect(r.out).toMatch(/^12 \d+/);
      expect(r.status).toBe(0);
    });

    it(`accepts the training graph (norm ${norm}, opset 15)`, () => {
      const r = check(buildTrainingGraph({ ...unetFromPreset('small', 1, 2), norm }, { batch: 2, height: 32, width: 32 }).bytes);
      expect(r.out).toMatch(/^15 \d+/);
      expect(r.status).toBe(0);
    });
  }
});
