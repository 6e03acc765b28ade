import { CzannError } from './errors';
import type { ByteSource } from './byte-source';
import type { ReadLimits } from './types';

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
  dosTime: number;
  dosDate: number;
  isDirectory: boolean;
}

export interface ZipDirectory {
  entries: ZipEntry[];
  /** Where the central directory starts: entry data must end before it. */
  centralDirectoryOffset: number;
}

const EOCD_SIG = 0x06054b50;
const CDH_SIG = 0x02014b50;
const LFH_SIG = 0x04034b50;
const EOCD_MIN = 22;
const MAX_COMMENT = 0xffff;
const utf8 = new TextDecoder('utf-8');
const latin1 = new TextDecoder('latin1');

function view(b: Uint8Array): DataView {
  return new DataView(b.buffer, b.byteOffset, b.byteLength);
}

/** Rejects names that could escape an extraction folder or alias another entry. */
export function checkEntryName(name: string): void {
  const unsafe =
    name.length === 0 ||
    name.includes('\0') ||
    /^[\\/]/.test(name) ||
    /^[a-zA-Z]:/.test(name) ||
    name.split(/[\\/]/).some((seg) => seg === '..');
  if (unsafe) throw new CzannError('UNSAFE_ENTRY_NAME', `unsafe entry name ${JSON.stringify(name)} (absolute, drive letter, NUL or '..')`);
}

async function findEocd(src: ByteSource): Promise<{ eocd: DataView }> {
  if (src.size < EOCD_MIN) {
    const head = await src.read(0, Math.min(4, src.size));
    const looksZip = head.length >= 2 && head[0] === 0x50 && head[1] === 0x4b;
    throw new CzannError(looksZip ? 'TRUNCATED' : 'NOT_A_ZIP', `${src.size} bytes is too short for a ZIP archive`);
  }
  const tailLen = Math.min(src.size, EOCD_MIN + MAX_COMMENT);
  const tailStart = src.size - tailLen;
  const tail = await src.read(tailStart, tailLen);
  const dv = view(tail);
  for (let i = tail.length - EOCD_MIN; i >= 0; i--) {
    if (dv.getUint32(i, true) !== EOCD_SIG) continue;
    const commentLen = dv.getUint16(i + 20, true);
    if (i + EOCD_MIN + commentLen === tail.length) return { eocd: new DataView(tail.buffer, tail.byteOffset + i, EOCD_MIN) };
  }
  const head = await src.read(0, 4);
  if (view(head).getUint32(0, true) === LFH_SIG) {
    throw new CzannError('TRUNCATED', 'ZIP archive has no end-of-central-directory record (cut off?)');
  }
  throw new CzannError('NOT_A_ZIP', 'not a ZIP archive (no end-of-central-directory record)');
}

/** Reads and sanity-checks the central directory (no entry data is touched). */
export async function readZipDirectory(src: ByteSource, limits: Required<ReadLimits>): Promise<ZipDirectory> {
  const { eocd } = await findEocd(src);
  const disk = eocd.getUint16(4, true);
  const cdDisk = eocd.getUint16(6, true);
  const countDisk = eocd.getUint16(8, true);
  const count = eocd.getUint16(10, true);
  const cdSize = eocd.getUint32(12, true);
  const cdOffset = eocd.getUint32(16, true);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    throw new CzannError('ZIP_UNSUPPORTED', 'ZIP64 archives are not supported');
  }
  if (disk !== 0 || cdDisk !== 0 || countDisk !== count) {
    throw new CzannError('ZIP_UNSUPPORTED', 'multi-disk (spanned) ZIP archives are not supported');
  }
  if (count > limits.maxEntries) {
    throw new CzannError('LIMIT_EXCEEDED', `archive lists ${count} entries; the limit is ${limits.maxEntries}`);
  }
  const eocdPos = src.size - EOCD_MIN - eocd.getUint16(20, true);
  if (cdOffset + cdSize > eocdPos) {
    throw new CzannError('ZIP_CORRUPT', `central directory (${cdSize} bytes at ${cdOffset}) overruns its end record at ${eocdPos}`);
  }
  const cd = await src.read(cdOffset, cdSize);
  const dv = view(cd);
  const entries: ZipEntry[] = [];
  const seen = new Set<string>();
  let pos = 0;
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (pos + 46 > cd.length || dv.getUint32(pos, true) !== CDH_SIG) {
      throw new CzannError('ZIP_CORRUPT', `central directory entry ${i} is missing or malformed`);
    }
    const flags = dv.getUint16(pos + 8, true);
    const nameLen = dv.getUint16(pos + 28, true);
    const extraLen = dv.getUint16(pos + 30, true);
    const commentLen = dv.getUint16(pos + 32, true);
    const end = pos + 46 + nameLen + extraLen + commentLen;
    if (end > cd.length) throw new CzannError('ZIP_CORRUPT', `central directory entry ${i} runs past the directory`);
    const nameBytes = cd.subarray(pos + 46, pos + 46 + nameLen);
    const name = (flags & 0x800 ? utf8 : latin1).decode(nameBytes);
    const entry: ZipEntry = {
      name,
      flags,
      method: dv.getUint16(pos + 10, true),
      dosTime: dv.getUint16(pos + 12, true),
      dosDate: dv.getUint16(pos + 14, true),
      crc: dv.getUint32(pos + 16, true),
      compressedSize: dv.getUint32(pos + 20, true),
      uncompressedSize: dv.getUint32(pos + 24, true),
      localHeaderOffset: dv.getUint32(pos + 42, true),
      isDirectory: name.endsWith('/'),
    };
    checkEntryName(name);
    const key = name.toLowerCase();
    if (seen.has(key)) throw new CzannError('DUPLICATE_ENTRY', `entry ${JSON.stringify(name)} appears more than once`);
    seen.add(key);
    if (entry.compressedSize === 0xffffffff || entry.uncompressedSize === 0xffffffff || entry.localHeaderOffset === 0xffffffff) {
      throw new CzannError('ZIP_UNSUPPORTED', `entry ${JSON.stringify(name)} uses ZIP64 sizes, which are not supported`);
    }
    if (entry.localHeaderOffset + 30 + nameLen + entry.compressedSize > cdOffset) {
      throw new CzannError('ZIP_CORRUPT', `entry ${JSON.stringify(name)} claims data beyond the central directory`);
    }
    total += entry.uncompressedSize;
    if (total > limits.maxTotalBytes) {
      throw new CzannError('LIMIT_EXCEEDED', `entries declare more than ${limits.maxTotalBytes} bytes uncompressed in total`);
    }
    entries.push(entry);
    pos = end;
  }
  checkNoOverlap(entries);
  return { entries, centralDirectoryOffset: cdOffset };
}

/** Overlapping entries are the trick behind non-recursive zip bombs; real archives never overlap. */
function checkNoOverlap(entries: ZipEntry[]): void {
  const spans = entries
    .map((e) => ({ start: e.localHeaderOffset, end: e.localHeaderOffset + 30 + e.compressedSize, name: e.name }))
    .sort((a, b) => a.start - b.start);
  for (let i = 1; i < spans.length; i++) {
    if (spans[i]!.start < spans[i - 1]!.end) {
      throw new CzannError('ZIP_CORRUPT', `entries ${JSON.stringify(spans[i - 1]!.name)} and ${JSON.stringify(spans[i]!.name)} overlap`);
    }
  }
}

/** Offset of an entry's data, after checking its local header agrees with the central directory. */
export async function entryDataOffset(src: ByteSource, dir: ZipDirectory, entry: ZipEntry): Promise<number> {
  const lh = await src.read(entry.localHeaderOffset, 30);
  const dv = view(lh);
  if (dv.getUint32(0, true) !== LFH_SIG) {
    throw new CzannError('ZIP_CORRUPT', `local header of ${JSON.stringify(entry.name)} is missing`);
  }
  const nameLen = dv.getUint16(26, true);
  const extraLen = dv.getUint16(28, true);
  const nameBytes = await src.read(entry.localHeaderOffset + 30, nameLen);
  const name = (entry.flags & 0x800 ? utf8 : latin1).decode(nameBytes);
  if (name !== entry.name) {
    throw new CzannError('ZIP_CORRUPT', `local header name ${JSON.stringify(name)} differs from directory name ${JSON.stringify(entry.name)}`);
  }
  const start = entry.localHeaderOffset + 30 + nameLen + extraLen;
  if (start + entry.compressedSize > dir.centralDirectoryOffset) {
    throw new CzannError('ZIP_CORRUPT', `data of ${JSON.stringify(entry.name)} runs into the central directory`);
  }
  return start;
}

/** DOS date/time fields as a local Date (what Python's zipfile stores). */
export function dosToDate(dosDate: number, dosTime: number): Date {
  return new Date(
    ((dosDate >> 9) & 0x7f) + 1980, ((dosDate >> 5) & 0xf) - 1, dosDate & 0x1f,
    (dosTime >> 11) & 0x1f, (dosTime >> 5) & 0x3f, (dosTime & 0x1f) * 2,
  );
}
