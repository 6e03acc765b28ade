import { randomUUID } from 'node:crypto';
import { CzannError } from './errors';
import { formatLegacyXml, type LegacyVersion } from './legacy-xml';
import { KNOWN_KEYS } from './model-json';
import { pythonJson, pythonString } from './python-json';
import { writeZip, type ZipWriteOptions } from './zip-write';
import type { ModelMetadata } from './types';

export interface ModelInput {
  metadata: ModelMetadata;
  onnx: Uint8Array;
  license?: string;
}

export type WriteOptions = ZipWriteOptions;

/** Entry name the license text is stored under (the reader accepts any name containing "license"/"licence"). */
export const LICENSE_ENTRY = 'license.txt';

/**
 * model.json text as the reference producer writes it: one line, Python's `json.dumps` separators and
 * ASCII escaping, keys Id, Type, InputShape, OutputShape, then MinOverlap, Classes, ModelName, Scaling where
 * present, then any unknown keys kept from a read (in their original order).
 */
export function formatModelJson(md: ModelMetadata, id: string): string {
  const parts: string[] = [];
  const put = (k: string, v: string) => parts.push(`${pythonString(k)}: ${v}`);
  put('Id', pythonString(id));
  put('Type', pythonString(md.type));
  put('InputShape', pythonJson(md.inputShape));
  put('OutputShape', pythonJson(md.outputShape));
  if (md.minOverlap !== undefined) put('MinOverlap', pythonJson(md.minOverlap));
  if (md.classes !== undefined) put('Classes', pythonJson(md.classes));
  if (md.modelName !== undefined) put('ModelName', pythonString(md.modelName));
  if (md.scaling !== undefined) put('Scaling', pythonJson(md.scaling, true));
  for (const [k, v] of Object.entries(md.extra ?? {})) {
    if ((KNOWN_KEYS as readonly string[]).includes(k)) throw new CzannError('INVALID_ARGUMENT', `extra key ${k} collides with a model.json key`);
    put(k, pythonJson(v));
  }
  return `{${parts.join(', ')}}`;
}

function checkWritable(model: ModelInput): void {
  const md = model.metadata;
  const ints = (a: unknown) => Array.isArray(a) && a.every((v) => Number.isInteger(v) && v >= 0);
  if (!ints(md.inputShape) || !ints(md.outputShape)) {
    throw new CzannError('INVALID_ARGUMENT', 'inputShape and outputShape must be arrays of non-negative integers');
  }
  if (md.minOverlap !== undefined && !ints(md.minOverlap)) throw new CzannError('INVALID_ARGUMENT', 'minOverlap must hold non-negative integers');
  if (!(model.onnx instanceof Uint8Array) || model.onnx.length === 0) throw new CzannError('INVALID_ARGUMENT', 'onnx bytes are empty');
}

/** A .czann laid out as the reference producer (czmodel) writes it: STORED model.json, model.model[, license.txt]. */
export function writeCzann(model: ModelInput, options: WriteOptions = {}): Uint8Array {
  checkWritable(model);
  const id = model.metadata.id ?? randomUUID();
  const entries = [
    { name: 'model.json', data: Buffer.from(formatModelJson(model.metadata, id), 'utf8') },
    { name: 'model.model', data: model.onnx },
  ];
  if (model.license !== undefined) entries.push({ name: LICENSE_ENTRY, data: Buffer.from(model.license, 'utf8') });
  return writeZip(entries, options);
}

export interface WriteCzmodelOptions extends WriteOptions {
  /** Legacy model version written to the XML root. Default '3.1.0'. */
  version?: LegacyVersion;
}

/** A legacy .czmodel: `<id>.xml`, `<id>.model`[, license.txt], and the empty `modelid=<id>` marker entry. */
export function writeCzmodel(model: ModelInput, options: WriteCzmodelOptions = {}): Uint8Array {
  checkWritable(model);
  const md = model.metadata;
  if (!md.classes || md.classes.length < 2) throw new CzannError('INVALID_ARGUMENT', 'legacy models need at least two classes');
  const id = md.id ?? randomUUID();
  if (!/^[0-9a-fA-F-]{36}$/.test(id)) throw new CzannError('INVALID_ARGUMENT', `legacy entry names need a UUID id, got ${JSON.stringify(id)}`);
  const xml = formatLegacyXml(md, id, options.version ?? '3.1.0');
  const entries = [
    { name: `${id}.xml`, data: Buffer.from(xml, 'utf8') },
    { name: `${id}.model`, data: model.onnx },
  ];
  if (model.license !== undefined) entries.push({ name: LICENSE_ENTRY, data: Buffer.from(model.license, 'utf8') });
  entries.push({ name: `modelid=${id}`, data: new Uint8Array(0) });
  return writeZip(entries, options);
}
