import { TAG, TYPE_SIZE } from './tiff-tags';

/** [tag, field type, values]. Type 2 (ASCII) takes a string; type 5 (RATIONAL) takes decimal numbers. */
export type TagEntry = [number, number, number[] | string];

export interface PageBlob {
  tags: TagEntry[];
  strips: { rowsPerStrip: number; blobs: Uint8Array[] };
}

const FOUR_GIB = 2 ** 32;

function toRational(v: number): [number, number] {
  let d = 1;
  while (d < 1e6 && Math.round(v * d * 10) < FOUR_GIB) d *= 10;
  return [Math.min(FOUR_GIB - 1, Math.round(v * d)), d];
}

/** Lays out pages as [strip data][out-of-line tag values][IFD] each, little-endian, classic or BigTIFF. */
export function serializeTiff(pages: PageBlob[], forceBig = false): Uint8Array {
  const dataBytes = pages.reduce((n, p) => n + p.strips.blobs.reduce((m, b) => m + b.length, 0), 0);
  const big = forceBig || dataBytes + pages.length * 4096 > FOUR_GIB - 1;
  const parts: Uint8Array[] = [];
  let pos = 0;
  const push = (bytes: Uint8Array) => {
    parts.push(bytes);
    pos += bytes.length;
    if (pos % 2 === 1) push(new Uint8Array(1));
  };
  const header = new Uint8Array(big ? 16 : 8);
  const hv = new DataView(header.buffer);
  header[0] = header[1] = 0x49;
  hv.setUint16(2, big ? 43 : 42, true);
  if (big) hv.setUint16(4, 8, true);
  push(header);
  const nextPointers: { part: Uint8Array; at: number }[] = [];
  let firstIfd = 0;
  for (const page of pages) {
    const offsets: number[] = [];
    for (const blob of page.strips.blobs) {
      offsets.push(pos);
      push(blob);
    }
    const offType = big ? 16 : 4;
    const entries: TagEntry[] = [
      ...page.tags,
      [TAG.StripOffsets, offType, offsets],
      [TAG.RowsPerStrip, 4, [page.strips.rowsPerStrip]],
      [TAG.StripByteCounts, offType, page.strips.blobs.map((b) => b.length)],
    ].sort((a, b) => (a[0] as number) - (b[0] as number)) as TagEntry[];
    const encoded = entries.map(([tag, type, values]) => ({ tag, type, ...encodeValues(type, values) }));
    const inline = big ? 8 : 4;
    const valueAt = new Map<number, number>();
    for (const e of encoded) {
      if (e.bytes.length > inline) {
        valueAt.set(e.tag, pos);
        push(e.bytes);
      }
    }
    const entrySize = big ? 20 : 12;
    const countSize = big ? 8 : 2;
    const ifd = new Uint8Array(countSize + encoded.length * entrySize + (big ? 8 : 4));
    const v = new DataView(ifd.buffer);
    if (big) v.setBigUint64(0, BigInt(encoded.length), true);
    else v.setUint16(0, encoded.length, true);
    encoded.forEach((e, i) => {
      const at = countSize + i * entrySize;
      v.setUint16(at, e.tag, true);
      v.setUint16(at + 2, e.type, true);
      if (big) v.setBigUint64(at + 4, BigInt(e.count), true);
      else v.setUint32(at + 4, e.count, true);
      const field = at + (big ? 12 : 8);
      const ptr = valueAt.get(e.tag);
      if (ptr === undefined) ifd.set(e.bytes, field);
      else if (big) v.setBigUint64(field, BigInt(ptr), true);
      else v.setUint32(field, ptr, true);
    });
    const ifdPos = pos;
    if (nextPointers.length === 0) firstIfd = ifdPos;
    else setOffset(nextPointers[nextPointers.length - 1]!, ifdPos, big);
    nextPointers.push({ part: ifd, at: ifd.length - (big ? 8 : 4) });
    push(ifd);
  }
  if (big) hv.setBigUint64(8, BigInt(firstIfd), true);
  else hv.setUint32(4, firstIfd, true);
  const out = new Uint8Array(pos);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function setOffset(target: { part: Uint8Array; at: number }, value: number, big: boolean): void {
  const v = new DataView(target.part.buffer, target.part.byteOffset, target.part.byteLength);
  if (big) v.setBigUint64(target.at, BigInt(value), true);
  else v.setUint32(target.at, value, true);
}

function encodeValues(type: number, values: number[] | string): { bytes: Uint8Array; count: number } {
  if (typeof values === 'string') {
    const text = new TextEncoder().encode(values);
    const bytes = new Uint8Array(text.length + 1);
    bytes.set(text);
    return { bytes, count: bytes.length };
  }
  const size = TYPE_SIZE[type]!;
  const bytes = new Uint8Array(size * values.length);
  const v = new DataView(bytes.buffer);
  values.forEach((x, i) => {
    if (type === 3) v.setUint16(i * 2, x, true);
    else if (type === 4) v.setUint32(i * 4, x, true);
    else if (type === 16) v.setBigUint64(i * 8, BigInt(x), true);
    else if (type === 5) {
      const [num, den] = toRational(x);
      v.setUint32(i * 8, num, true);
      v.setUint32(i * 8 + 4, den, true);
    }
  });
  return { bytes, count: values.length };
}
