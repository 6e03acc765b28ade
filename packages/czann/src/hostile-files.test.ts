import { describe, expect, it } from 'vitest';
import { readModel } from './read-model';
import { CzannError, type CzannErrorCode } from './errors';
import { buildZip } from '../test/zip-builder';
import { sampleBytes } from '../test/samples';
import type { ReadOptions } from './read-model';

const json = Buffer.from('{"Type": "Regression", "InputShape": [8, 8, 1], "OutputShape": [8, 8, 1]}');
const onnx = new Uint8Array([8, 7]);

async function expectCode(bytes: Uint8Array, code: CzannErrorCode, options?: ReadOptions): Promise<CzannError> {
  const err = await readModel(bytes, options).then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(CzannError);
  expect((err as CzannError).code, (err as Error).message).toBe(code);
  return err as CzannError;
}

describe('hostile and broken archives end in typed errors', () => {
  it('not a zip', async () => {
    await expectCode(Buffer.from('hello, this is not an archive at all, just some text'), 'NOT_A_ZIP');
    await expectCode(new Uint8Array(0), 'NOT_A_ZIP');
  });

  it('truncated zips', async () => {
    const real = sampleBytes('napari_simple_regmodel.czann');
    const e = await expectCode(real.subarray(0, real.length >> 1), 'TRUNCATED');
    expect(e.message).toMatch(/cut off/);
    await expectCode(real.subarray(0, 10), 'TRUNCATED');
  });

  it('a zip bomb: a highly compressed entry over the ratio cap', async () => {
    const bomb = buildZip([{ name: 'model.json', data: json }, { name: 'model.model', data: new Uint8Array(64 * 1024 ** 2), deflate: true }]);
    expect(bomb.length).toBeLessThan(200_000);
    const e = await expectCode(bomb, 'LIMIT_EXCEEDED');
    expect(e.message).toMatch(/expands \d+:1.*zip bomb/);
  });

  it('an entry that inflates past its declared size', async () => {
    const lying = buildZip([{ name: 'model.json', data: json }, { name: 'model.model', data: new Uint8Array(100_000), deflate: true, declaredSize: 1000 }]);
    await expectCode(lying, 'LIMIT_EXCEEDED');
  });

  it('per-entry and total size caps', async () => {
    const zip = buildZip([{ name: 'model.json', data: json }, { name: 'model.model', data: new Uint8Array(5000) }]);
    await expectCode(zip, 'LIMIT_EXCEEDED', { maxEntryBytes: 4096 });
    await expectCode(zip, 'LIMIT_EXCEEDED', { maxTotalBytes: 4096 });
    await expectCode(zip, 'LIMIT_EXCEEDED', { maxArchiveBytes: 1024 });
  });

  it('unsafe entry names', async () => {
    for (const name of ['../model.json', 'a/../../model.json', '/etc/model.json', 'C:/model.json', '..\\evil.model', 'x\0.json']) {
      await expectCode(buildZip([{ name, data: json }, { name: 'model.model', data: onnx }]), 'UNSAFE_ENTRY_NAME');
    }
  });

  it('duplicate entries', async () => {
    await expectCode(buildZip([{ name: 'model.json', data: json }, { name: 'model.model', data: onnx }, { name: 'MODEL.json', data: json }]), 'DUPLICATE_ENTRY');
  });

  it('huge and deeply nested JSON', async () => {
    const huge = Buffer.from(`{"Type": "Regression", "InputShape": [1], "OutputShape": [1], "Pad": "${'x'.repeat(2 * 1024 ** 2)}"}`);
    await expectCode(buildZip([{ name: 'model.json', data: huge, deflate: true }, { name: 'model.model', data: onnx }]), 'LIMIT_EXCEEDED');
    const deep = Buffer.from(`{"Type": "Regression", "InputShape": [1], "OutputShape": [1], "X": ${'['.repeat(5000)}${']'.repeat(5000)}}`);
    await expectCode(buildZip([{ name: 'model.json', data: deep }, { name: 'model.model', data: onnx }]), 'LIMIT_EXCEEDED');
  });

  it('deep XML and DTD entity tricks in legacy files', async () => {
    const deep = `<Model Version="3.1.0">${'<a>'.repeat(500)}${'</a>'.repeat(500)}</Model>`;
    await expectCode(buildZip([{ name: 'm.xml', data: Buffer.from(deep) }, { name: 'm.model', data: onnx }]), 'LIMIT_EXCEEDED');
    const dtd = '<?xml version="1.0"?><!DOCTYPE m [<!ENTITY a "aaaa">]><Model Version="3.1.0">&a;</Model>';
    await expectCode(buildZip([{ name: 'm.xml', data: Buffer.from(dtd) }, { name: 'm.model', data: onnx }]), 'BAD_XML');
  });

  it('damaged data, bad metadata and missing entries', async () => {
    await expectCode(buildZip([{ name: 'model.json', data: json, crc: 1234 }, { name: 'model.model', data: onnx }]), 'CRC_MISMATCH');
    await expectCode(buildZip([{ name: 'model.json', data: Buffer.from('{"Type": "Banana"}') }, { name: 'model.model', data: onnx }]), 'BAD_METADATA');
    await expectCode(buildZip([{ name: 'model.json', data: Buffer.from('{not json') }, { name: 'model.model', data: onnx }]), 'BAD_METADATA');
    await expectCode(buildZip([{ name: 'model.json', data: json }]), 'MISSING_ENTRY');
    await expectCode(buildZip([{ name: 'readme.txt', data: json }]), 'MISSING_ENTRY');
  });

  it('a missing file is an IO_ERROR', async () => {
    const err = await readModel('/nonexistent/x.czann').catch((e: unknown) => e);
    expect((err as CzannError).code).toBe('IO_ERROR');
  });
});
