import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli';
import { readModel } from './read-model';
import { samplePath } from '../test/samples';

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('czann CLI', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'czann-cli-'));

  it('validate exits 0 valid, 1 invalid, 2 unreadable', async () => {
    expect((await cli('validate', samplePath('napari_simple_regmodel.czann'))).code).toBe(0);
    const bad = await cli('validate', samplePath('napari_simple_regmodel_out5.czann'), '--json');
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.out).findings.map((f: { code: string }) => f.code)).toContain('INPUT_SHAPE_MISMATCH');
    const unreadable = await cli('validate', '/etc/hostname');
    expect(unreadable.code).toBe(2);
    expect(unreadable.err).toMatch(/NOT_A_ZIP|IO_ERROR/);
  });

  it('inspect --json gives metadata and the ONNX summary', async () => {
    const r = await cli('inspect', samplePath('napari_N2V_tobacco_leaf.czann'), '--json');
    const j = JSON.parse(r.out);
    expect(j.metadata.minOverlap).toEqual([32, 32]);
    expect(j.onnxSummary.inputs[0].shape).toEqual([1, 'unk__375', 'unk__376', 1]);
  });

  it('unpack, pack and convert', async () => {
    const legacy = samplePath('i2k_simple_nuclei_segmodel_legacy.czseg');
    expect((await cli('unpack', legacy, '-o', join(tmp, 'u'))).code).toBe(0);
    expect(readdirSync(join(tmp, 'u')).sort()).toEqual(['27eaeeab-7e9a-4f9c-88bb-6e5b477d2241.model', '27eaeeab-7e9a-4f9c-88bb-6e5b477d2241.xml']);
    const onnxPath = join(tmp, 'u', '27eaeeab-7e9a-4f9c-88bb-6e5b477d2241.model');
    const out = join(tmp, 'p.czann');
    const packed = await cli('pack', '--onnx', onnxPath, '--type', 'SingleClassSemanticSegmentation', '--input-shape', '1024,1024,1',
      '--output-shape', '1024,1024,2', '--classes', 'bg,nuc', '--min-overlap', '8,8', '--name', 'N', '--scaling', '2e-7,2e-7', '-o', out);
    expect(packed.code).toBe(0);
    const m = await readModel(out);
    expect(m.metadata).toMatchObject({ classes: ['bg', 'nuc'], minOverlap: [8, 8], scaling: [2e-7, 2e-7], modelName: 'N' });
    expect(Buffer.from(m.onnx).equals(readFileSync(onnxPath))).toBe(true);
    // The reference producer's shape check refuses a mismatching pack.
    const refused = await cli('pack', '--onnx', onnxPath, '--type', 'Regression', '--input-shape', '512,512,1', '--output-shape', '512,512,1', '-o', join(tmp, 'x.czann'));
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/not consistent/);
    expect((await cli('convert', legacy, '-o', join(tmp, 'c.czann'))).code).toBe(0);
    expect((await readModel(join(tmp, 'c.czann'))).format).toBe('czann');
  });

  it('prints help and rejects unknown commands', async () => {
    expect((await cli('--help')).out).toMatch(/czann pack --onnx/);
    expect((await cli('frobnicate')).code).toBe(2);
  });
});
