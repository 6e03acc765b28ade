import { describe, expect, it } from 'vitest';
import { readModel } from './read-model';
import { inspectOnnx } from './onnx-inspect';
import { validateModel } from './validate-model';
import { CzannError } from './errors';
import { writeZip } from './zip-write';
import { prng } from '../test/zip-builder';
import { bufferSource } from './byte-source';
import { readZipDirectory } from './zip-read';
import { extractEntry } from './zip-extract';
import { DEFAULT_READ_LIMITS } from './types';
import { SAMPLE_FILES, sampleBytes } from '../test/samples';

const SEED = 20240611;
const PER_CASE_MS = 2000;
const rand = prng(SEED);
const int = (n: number) => Math.floor(rand() * n);

/** One random mutation: byte flips, a truncation, a splice, or a header field set to an extreme value. */
function mutate(src: Uint8Array): Uint8Array {
  const b = Buffer.from(src);
  switch (int(5)) {
    case 0: {
      for (let k = 1 + int(8); k > 0; k--) b[int(b.length)] = int(256);
      return b;
    }
    case 1:
      return b.subarray(0, int(b.length));
    case 2: {
      const at = int(b.length);
      return Buffer.concat([b.subarray(0, at), Buffer.from(Array.from({ length: int(64) }, () => int(256))), b.subarray(at + int(64))]);
    }
    case 3: {
      // Hit the structural fields: the end record and the central directory (the last ~200 bytes).
      const at = Math.max(0, b.length - 1 - int(Math.min(b.length, 200)));
      const v = [0, 0xff, 0x7f, 0x80][int(4)]!;
      for (let k = 0; k < 1 + int(4) && at + k < b.length; k++) b[at + k] = v;
      return b;
    }
    default: {
      const at = int(Math.min(b.length, 128)); // local headers
      b[at] = int(256);
      return b;
    }
  }
}

type Outcome = 'read' | 'error';

async function readOutcome(bytes: Uint8Array): Promise<Outcome> {
  try {
    const m = await readModel(bytes);
    validateModel(m); // must not throw either: ONNX trouble becomes a finding
    return 'read';
  } catch (e) {
    if (!(e instanceof CzannError)) throw new Error(`untyped failure: ${(e as Error)?.stack ?? e}`);
    return 'error';
  }
}

describe(`fuzz (seed ${SEED})`, () => {
  const samples = SAMPLE_FILES.map((f) => ({ f, bytes: sampleBytes(f) }));

  it('7,000 mutated or truncated archives: each a typed error or a valid read, in time', async () => {
    const tally = { read: 0, error: 0 };
    let slowest = 0;
    for (let i = 0; i < 7000; i++) {
      const { bytes } = samples[i % samples.length]!;
      const t0 = performance.now();
      tally[await readOutcome(mutate(bytes))]++;
      slowest = Math.max(slowest, performance.now() - t0);
    }
    expect(tally.read + tally.error).toBe(7000);
    expect(tally.error).toBeGreaterThan(3000); // most mutations must be caught, not silently accepted
    expect(slowest).toBeLessThan(PER_CASE_MS);
  });

  it('2,000 archives with mutated model.json / XML text (valid CRCs, so the parsers see the damage)', async () => {
    // Seed texts: each sample's original metadata entry, exactly as stored.
    const metas = await Promise.all(samples.map(async ({ bytes }) => {
      const src = bufferSource(bytes);
      const dir = await readZipDirectory(src, DEFAULT_READ_LIMITS);
      const entry = dir.entries.find((e) => /\.(json|xml)$/.test(e.name))!;
      return { name: entry.name, text: await extractEntry(src, dir, entry, DEFAULT_READ_LIMITS), onnx: (await readModel(bytes)).onnx };
    }));
    let errors = 0;
    for (let i = 0; i < 2000; i++) {
      const k = i % metas.length;
      const text = Buffer.from(metas[k]!.text);
      for (let n = 1 + int(4); n > 0; n--) text[int(text.length)] = [0x22, 0x7b, 0x5d, 0x3c, 0x3e, 0x2c, int(256)][int(7)]!;
      const zip = writeZip([{ name: metas[k]!.name, data: text }, { name: metas[k]!.name.replace(/\.(json|xml)$/, '.model'), data: metas[k]!.onnx }]);
      if ((await readOutcome(zip)) === 'error') errors++;
    }
    expect(errors).toBeGreaterThan(500);
  });

  it('1,000 mutated ONNX payloads: inspectOnnx returns a summary or a BAD_ONNX error', async () => {
    const models = await Promise.all(samples.map(async ({ bytes }) => (await readModel(bytes)).onnx));
    let bad = 0;
    for (let i = 0; i < 1000; i++) {
      const m = mutate(models[i % models.length]!);
      try {
        inspectOnnx(m);
      } catch (e) {
        expect(e).toBeInstanceOf(CzannError);
        expect((e as CzannError).code).toBe('BAD_ONNX');
        bad++;
      }
    }
    expect(bad).toBeGreaterThan(100);
  });
});
