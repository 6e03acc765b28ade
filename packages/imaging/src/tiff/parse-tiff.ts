import { ImagingError } from '../errors';
import { readBytes, type Io } from '../io';
import { LOADED_TAGS, TAG, TYPE_SIZE } from './tiff-tags';

export type TagValue = number[] | string;

/** One image file directory: the raw tag values we care about, plus where it sits in the file. */
export interface Ifd {
  offset: number;
  tags: Map<number, TagValue>;
}

export interface TiffStructure {
  littleEndian: boolean;
  bigTiff: boolean;
  ifds: Ifd[];
}

/** Most IFDs one file may have; a chain longer than this is treated as corrupt. */
const MAX_IFDS = 1_000_000;
/** Most bytes a single tag value may take (strip offsets of a huge file fit easily). */
const MAX_TAG_BYTES = 256 * 2 ** 20;

const notTiff = () => new ImagingError('unknown-format', 'This is not a TIFF file.');
const corrupt = (what: string) =>
  new ImagingError('corrupt', `This TIFF file is damaged: ${what}. Try re-exporting it from the acquisition software.`);

export function isTiff(head: Uint8Array): boolean {
  if (head.length < 4) return false;
  const ii = head[0] === 0x49 && head[1] === 0x49 && head[2] !== undefined && (head[2] === 42 || head[2] === 43) && head[3] === 0;
  const mm = head[0] === 0x4d && head[1] === 0x4d && head[2] === 0 && (head[3] === 42 || head[3] === 43);
  return ii || mm;
}

function getUint64(view: DataView, at: number, le: boolean): number {
  const value = view.getBigUint64(at, le);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw corrupt('an offset is larger than any real file');
  return Number(value);
}

/** Reads the header and every IFD in the main chain, detecting loops and impossible counts. */
export function* parseTiff(): Io<TiffStructure> {
  const head = yield* readBytes(0, 8);
  if (!isTiff(head)) throw notTiff();
  const littleEndian = head[0] === 0x49;
  let view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const bigTiff = view.getUint16(2, littleEndian) === 43;
  let first: number;
  if (bigTiff) {
    const h = yield* readBytes(0, 16);
    view = new DataView(h.buffer, h.byteOffset, h.byteLength);
    if (view.getUint16(4, littleEndian) !== 8) throw corrupt('the BigTIFF header is invalid');
    first = getUint64(view, 8, littleEndian);
  } else {
    first = view.getUint32(4, littleEndian);
  }
  const ifds: Ifd[] = [];
  const seen = new Set<number>();
  let next = first;
  while (next !== 0) {
    if (seen.has(next)) throw corrupt('its list of pages loops back on itself');
    if (ifds.length >= MAX_IFDS) throw corrupt(`it claims more than ${MAX_IFDS} pages`);
    seen.add(next);
    const { ifd, nextOffset } = yield* parseIfd(next, littleEndian, bigTiff);
    ifds.push(ifd);
    next = nextOffset;
  }
  if (ifds.length === 0) throw corrupt('it contains no images');
  return { littleEndian, bigTiff, ifds };
}

function* parseIfd(offset: number, le: boolean, bigTiff: boolean): Io<{ ifd: Ifd; nextOffset: number }> {
  const countSize = bigTiff ? 8 : 2;
  const entrySize = bigTiff ? 20 : 12;
  const countBytes = yield* readBytes(offset, countSize);
  const cv = new DataView(countBytes.buffer, countBytes.byteOffset, countBytes.byteLength);
  const count = bigTiff ? getUint64(cv, 0, le) : cv.getUint16(0, le);
  if (count === 0 || count > 10_000) throw corrupt(`a page directory declares ${count} entries`);
  const body = yield* readBytes(offset + countSize, count * entrySize + (bigTiff ? 8 : 4));
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  const tags = new Map<number, TagValue>();
  for (let i = 0; i < count; i++) {
    const at = i * entrySize;
    const tag = view.getUint16(at, le);
    if (!LOADED_TAGS.has(tag)) continue;
    const type = view.getUint16(at + 2, le);
    const n = bigTiff ? getUint64(view, at + 4, le) : view.getUint32(at + 4, le);
    const size = TYPE_SIZE[type];
    if (size === undefined) continue; // unknown field type: skip, as the spec says readers should
    const total = size * n;
    if (total > MAX_TAG_BYTES) throw corrupt(`tag ${tag} declares ${n} values`);
    const inline = bigTiff ? 8 : 4;
    const valueAt = at + (bigTiff ? 12 : 8);
    let raw: Uint8Array;
    if (total <= inline) {
      raw = body.subarray(valueAt, valueAt + total);
    } else {
      const ptr = bigTiff ? getUint64(view, valueAt, le) : view.getUint32(valueAt, le);
      raw = yield* readBytes(ptr, total);
    }
    tags.set(tag, decodeValues(raw, type, n, le));
  }
  const nextAt = count * entrySize;
  const nextOffset = bigTiff ? getUint64(view, nextAt, le) : view.getUint32(nextAt, le);
  return { ifd: { offset, tags }, nextOffset };
}

function decodeValues(raw: Uint8Array, type: number, n: number, le: boolean): TagValue {
  if (type === 2) {
    const end = raw.indexOf(0);
    return new TextDecoder('utf-8').decode(end >= 0 ? raw.subarray(0, end) : raw);
  }
  const v = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    switch (type) {
      case 1: case 7: out[i] = v.getUint8(i); break;
      case 6: out[i] = v.getInt8(i); break;
      case 3: out[i] = v.getUint16(i * 2, le); break;
      case 8: out[i] = v.getInt16(i * 2, le); break;
      case 4: case 13: out[i] = v.getUint32(i * 4, le); break;
      case 9: out[i] = v.getInt32(i * 4, le); break;
      case 5: out[i] = v.getUint32(i * 8, le) / (v.getUint32(i * 8 + 4, le) || 1); break;
      case 10: out[i] = v.getInt32(i * 8, le) / (v.getInt32(i * 8 + 4, le) || 1); break;
      case 11: out[i] = v.getFloat32(i * 4, le); break;
      case 12: out[i] = v.getFloat64(i * 8, le); break;
      case 16: case 18: out[i] = getUint64(v, i * 8, le); break;
      case 17: out[i] = Number(v.getBigInt64(i * 8, le)); break;
    }
  }
  return out;
}

export function tagNumbers(ifd: Ifd, tag: number): number[] | undefined {
  const v = ifd.tags.get(tag);
  return Array.isArray(v) ? v : undefined;
}

export function tagNumber(ifd: Ifd, tag: number, fallback: number): number;
export function tagNumber(ifd: Ifd, tag: number): number | undefined;
export function tagNumber(ifd: Ifd, tag: number, fallback?: number): number | undefined {
  return tagNumbers(ifd, tag)?.[0] ?? fallback;
}

export function tagString(ifd: Ifd, tag: number): string | undefined {
  const v = ifd.tags.get(tag);
  return typeof v === 'string' ? v : undefined;
}

export { TAG };
