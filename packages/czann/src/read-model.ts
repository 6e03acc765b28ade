import { extname } from 'node:path';
import { bufferSource, collectStream, fileSource, type ByteSource } from './byte-source';
import { CzannError } from './errors';
import { parseModelJson } from './model-json';
import { parseLegacyXml, type LegacyXml } from './legacy-xml';
import { inspectOnnx } from './onnx-inspect';
import { dosToDate, readZipDirectory, type ZipEntry } from './zip-read';
import { extractEntry } from './zip-extract';
import { DEFAULT_READ_LIMITS, type CzModel, type ModelFormat, type ModelMetadata, type ReadLimits } from './types';

export interface ReadOptions extends ReadLimits {
  /** Legacy family name to report when it cannot be told from a file extension. Default 'czmodel'. */
  legacyFormat?: 'czmodel' | 'czseg';
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const isLicense = (n: string) => /(^|\/)[^/]*licen[cs]e[^/]*$/i.test(n);

function decodeText(bytes: Uint8Array, what: string): string {
  try {
    return utf8.decode(bytes);
  } catch (e) {
    throw new CzannError('BAD_METADATA', `${what} is not valid UTF-8`, { cause: e });
  }
}

/**
 * Reads a .czann or legacy .czmodel/.czseg from a path, bytes or a stream. Only the central directory and
 * the entries it needs are read (a path is never loaded whole). Every failure is a CzannError.
 */
export async function readModel(source: string | Uint8Array | NodeJS.ReadableStream, options: ReadOptions = {}): Promise<CzModel> {
  const limits: Required<ReadLimits> = { ...DEFAULT_READ_LIMITS, ...stripUndefined(options) };
  let src: ByteSource;
  let ext = '';
  if (typeof source === 'string') {
    src = await fileSource(source);
    ext = extname(source).toLowerCase();
  } else if (source instanceof Uint8Array) {
    src = bufferSource(source);
  } else {
    src = bufferSource(await collectStream(source, limits.maxArchiveBytes));
  }
  try {
    if (src.size > limits.maxArchiveBytes) {
      throw new CzannError('LIMIT_EXCEEDED', `archive is ${src.size} bytes; the limit is ${limits.maxArchiveBytes}`);
    }
    const dir = await readZipDirectory(src, limits);
    const files = dir.entries.filter((e) => !e.isDirectory);
    const json = files.find((e) => e.name.toLowerCase().endsWith('.json'));
    const xml = files.find((e) => e.name.toLowerCase().endsWith('.xml'));
    const onnxEntry = files.find((e) => e.name.toLowerCase().endsWith('.model'));
    if (!json && !xml) throw new CzannError('MISSING_ENTRY', 'archive has no model.json (.czann) and no <id>.xml (legacy) entry');
    if (!onnxEntry) throw new CzannError('MISSING_ENTRY', 'archive has no *.model entry holding the ONNX network');
    const metaEntry = (json ?? xml)!;
    const metaText = decodeText(await extractEntry(src, dir, metaEntry, limits, limits.maxMetadataBytes), metaEntry.name);
    const onnx = await extractEntry(src, dir, onnxEntry, limits);
    const licenseEntry = files.find((e) => e !== metaEntry && e !== onnxEntry && isLicense(e.name));
    const model: CzModel = json
      ? { format: 'czann', metadata: parseModelJson(metaText, limits.maxDepth), onnx, entries: { metadata: metaEntry.name, onnx: onnxEntry.name } }
      : readLegacy(metaText, onnx, limits, legacyFormat(ext, options), metaEntry, onnxEntry);
    if (licenseEntry) {
      model.license = decodeText(await extractEntry(src, dir, licenseEntry, limits, limits.maxMetadataBytes), licenseEntry.name);
      model.entries.license = licenseEntry.name;
    }
    model.metadataText = metaText;
    model.modified = dosToDate(metaEntry.dosDate, metaEntry.dosTime);
    return model;
  } finally {
    await src.close();
  }
}

function legacyFormat(ext: string, options: ReadOptions): ModelFormat {
  if (ext === '.czseg' || ext === '.czmodel') return ext.slice(1) as ModelFormat;
  return options.legacyFormat ?? 'czmodel';
}

function stripUndefined(o: ReadOptions): ReadLimits {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(o)) if (typeof v === 'number') out[k] = v;
  return out;
}

function readLegacy(
  text: string, onnx: Uint8Array, limits: Required<ReadLimits>, format: ModelFormat, metaEntry: ZipEntry, onnxEntry: ZipEntry,
): CzModel {
  const x = parseLegacyXml(text, limits.maxDepth);
  return {
    format,
    metadata: legacyMetadata(x, onnx),
    onnx,
    entries: { metadata: metaEntry.name, onnx: onnxEntry.name },
    legacyVersion: x.version,
  };
}

/** Legacy XML carries no shapes: take them from the ONNX graph (batch dim dropped). */
export function legacyMetadata(x: LegacyXml, onnx: Uint8Array): ModelMetadata {
  const summary = inspectOnnx(onnx);
  const fix = (dims: (number | string)[], channels: number, what: string): number[] =>
    dims.slice(1).map((d, k, all) => {
      if (typeof d === 'number' && d > 0) return d;
      const isLast = k === all.length - 1;
      const fallback = isLast ? channels : k === all.length - 3 ? x.totalTileHeight : k === all.length - 2 ? x.totalTileWidth : undefined;
      if (fallback && fallback > 0) return fallback;
      throw new CzannError('BAD_METADATA', `legacy model: ${what} dim ${k} of the ONNX graph is symbolic and the XML gives no tile size`);
    });
  const md: ModelMetadata = {
    id: x.id,
    type: 'SingleClassSemanticSegmentation',
    inputShape: fix(summary.inputs[0]!.shape, x.pixelTypes.length, 'input'),
    outputShape: fix(summary.outputs[0]!.shape, x.classes.length, 'output'),
    minOverlap: [2 * x.borderSize, 2 * x.borderSize],
    classes: x.classes,
    classColors: x.classColors,
    pixelTypes: x.pixelTypes,
    extra: {},
  };
  if (x.modelName !== undefined) md.modelName = x.modelName;
  if (x.colorHandling !== undefined) md.colorHandling = x.colorHandling;
  md.scaleInputsByBitdepth = x.scaleInputsByBitdepth ?? false;
  if (x.totalTileHeight !== undefined) md.totalTileHeight = x.totalTileHeight;
  if (x.totalTileWidth !== undefined) md.totalTileWidth = x.totalTileWidth;
  return md;
}

