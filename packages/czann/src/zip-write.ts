import { crc32 } from './crc32';
import { CzannError } from './errors';

export interface ZipWriteEntry {
  name: string;
  data: Uint8Array;
}

export interface ZipWriteOptions {
  /** Entry modification time (local, DOS precision). Default: now. */
  date?: Date;
  /** Host system stamped in "version made by": Python on Linux/macOS writes 3 (unix), on Windows 0. Default 'unix'. */
  host?: 'unix' | 'windows';
}

const VERSION = 20; // Python zipfile's DEFAULT_VERSION
const EXTERNAL_ATTR = 0o600 << 16; // Python's ZipFile.writestr default for files (rw-------)

function dosDateTime(d: Date): { date: number; time: number } {
  const year = Math.min(2107, Math.max(1980, d.getFullYear()));
  return {
    date: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
  };
}

/**
 * A STORED ZIP laid out exactly as Python's `ZipFile.writestr` writes it: local header + data per entry in
 * order, no data descriptors, no extra fields, then the central directory and the end record.
 */
export function writeZip(entries: ZipWriteEntry[], options: ZipWriteOptions = {}): Uint8Array {
  const { date, time } = dosDateTime(options.date ?? new Date());
  const madeBy = ((options.host === 'windows' ? 0 : 3) << 8) | VERSION;
  const names = entries.map((e) => Buffer.from(e.name, 'utf8'));
  const total = entries.reduce((a, e, k) => a + 30 + names[k]!.length + e.data.length + 46 + names[k]!.length, 22);
  if (total > 0xffffffff || entries.length > 0xffff) throw new CzannError('INVALID_ARGUMENT', 'archive would need ZIP64 (over 4 GiB)');
  const out = Buffer.allocUnsafe(total);
  const central: { offset: number; crc: number; flags: number }[] = [];
  let pos = 0;
  entries.forEach((e, k) => {
    const name = names[k]!;
    const flags = /^[\x00-\x7f]*$/.test(e.name) ? 0 : 0x800; // UTF-8 flag only for non-ASCII names, like Python
    const crc = crc32(e.data);
    central.push({ offset: pos, crc, flags });
    out.writeUInt32LE(0x04034b50, pos);
    out.writeUInt16LE(VERSION, pos + 4);
    out.writeUInt16LE(flags, pos + 6);
    out.writeUInt16LE(0, pos + 8); // STORED
    out.writeUInt16LE(time, pos + 10);
    out.writeUInt16LE(date, pos + 12);
    out.writeUInt32LE(crc, pos + 14);
    out.writeUInt32LE(e.data.length, pos + 18);
    out.writeUInt32LE(e.data.length, pos + 22);
    out.writeUInt16LE(name.length, pos + 26);
    out.writeUInt16LE(0, pos + 28);
    name.copy(out, pos + 30);
    pos += 30 + name.length;
    out.set(e.data, pos);
    pos += e.data.length;
  });
  const cdStart = pos;
  entries.forEach((e, k) => {
    const name = names[k]!;
    const c = central[k]!;
    out.writeUInt32LE(0x02014b50, pos);
    out.writeUInt16LE(madeBy, pos + 4);
    out.writeUInt16LE(VERSION, pos + 6);
    out.writeUInt16LE(c.flags, pos + 8);
    out.writeUInt16LE(0, pos + 10);
    out.writeUInt16LE(time, pos + 12);
    out.writeUInt16LE(date, pos + 14);
    out.writeUInt32LE(c.crc, pos + 16);
    out.writeUInt32LE(e.data.length, pos + 20);
    out.writeUInt32LE(e.data.length, pos + 24);
    out.writeUInt16LE(name.length, pos + 28);
    out.fill(0, pos + 30, pos + 38); // extra len, comment len, disk, internal attrs
    out.writeUInt32LE(EXTERNAL_ATTR, pos + 38);
    out.writeUInt32LE(c.offset, pos + 42);
    name.copy(out, pos + 46);
    pos += 46 + name.length;
  });
  out.writeUInt32LE(0x06054b50, pos);
  out.writeUInt32LE(0, pos + 4); // disk numbers
  out.writeUInt16LE(entries.length, pos + 8);
  out.writeUInt16LE(entries.length, pos + 10);
  out.writeUInt32LE(pos - cdStart, pos + 12);
  out.writeUInt32LE(cdStart, pos + 16);
  out.writeUInt16LE(0, pos + 20);
  return out;
}
