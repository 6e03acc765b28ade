import zlib from 'node:zlib';
import { CzannError } from './errors';
import { crc32 } from './crc32';
import type { ByteSource } from './byte-source';
import { entryDataOffset, type ZipDirectory, type ZipEntry } from './zip-read';
import type { ReadLimits } from './types';

const RATIO_FLOOR = 1024 ** 2; // entries smaller than this may compress arbitrarily well (e.g. JSON)
const STREAM_ABOVE = 16 * 1024 ** 2; // inflate bigger entries chunk by chunk into one buffer
const CHUNK = 4 * 1024 ** 2;

/** Extracts one entry, enforcing the size caps, the compression-ratio cap and its CRC-32. */
export async function extractEntry(
  src: ByteSource,
  dir: ZipDirectory,
  entry: ZipEntry,
  limits: Required<ReadLimits>,
  maxBytes = limits.maxEntryBytes,
): Promise<Uint8Array> {
  const q = JSON.stringify(entry.name);
  if (entry.flags & 0x1) throw new CzannError('ZIP_UNSUPPORTED', `entry ${q} is encrypted`);
  if (entry.uncompressedSize > maxBytes) {
    throw new CzannError('LIMIT_EXCEEDED', `entry ${q} is ${entry.uncompressedSize} bytes uncompressed; the limit is ${maxBytes}`);
  }
  const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
  if (entry.uncompressedSize > RATIO_FLOOR && ratio > limits.maxRatio) {
    throw new CzannError('LIMIT_EXCEEDED', `entry ${q} expands ${ratio.toFixed(0)}:1; the limit is ${limits.maxRatio}:1 (zip bomb?)`);
  }
  const start = await entryDataOffset(src, dir, entry);
  let data: Uint8Array;
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.uncompressedSize) {
      throw new CzannError('ZIP_CORRUPT', `stored entry ${q} has different compressed and uncompressed sizes`);
    }
    data = await src.read(start, entry.compressedSize);
  } else if (entry.method === 8) {
    data = entry.compressedSize > STREAM_ABOVE
      ? await inflateStreaming(src, start, entry)
      : inflateWhole(await src.read(start, entry.compressedSize), entry);
  } else {
    throw new CzannError('ZIP_UNSUPPORTED', `entry ${q} uses compression method ${entry.method}; only STORED (0) and DEFLATED (8) are supported`);
  }
  if (crc32(data) !== entry.crc) throw new CzannError('CRC_MISMATCH', `entry ${q} is damaged (CRC-32 mismatch)`);
  return data;
}

function inflateWhole(compressed: Uint8Array, entry: ZipEntry): Uint8Array {
  let out: Buffer;
  try {
    // One byte of headroom: a stream that inflates past its declared size is caught below, never allocated in full.
    out = zlib.inflateRawSync(compressed, { maxOutputLength: entry.uncompressedSize + 1 });
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ERR_BUFFER_TOO_LARGE') {
      throw new CzannError('LIMIT_EXCEEDED', `entry ${JSON.stringify(entry.name)} inflates past its declared ${entry.uncompressedSize} bytes`);
    }
    throw new CzannError('ZIP_CORRUPT', `entry ${JSON.stringify(entry.name)} is not valid deflate data: ${(e as Error).message}`, { cause: e });
  }
  checkInflatedSize(entry, out.length);
  return out;
}

function checkInflatedSize(entry: ZipEntry, got: number): void {
  if (got > entry.uncompressedSize) {
    throw new CzannError('LIMIT_EXCEEDED', `entry ${JSON.stringify(entry.name)} inflates past its declared ${entry.uncompressedSize} bytes`);
  }
  if (got !== entry.uncompressedSize) {
    throw new CzannError('ZIP_CORRUPT', `entry ${JSON.stringify(entry.name)} inflates to ${got} bytes, not the declared ${entry.uncompressedSize}`);
  }
}

/** Inflates a large entry into one preallocated buffer: peak memory ~ entry size + one chunk. */
async function inflateStreaming(src: ByteSource, start: number, entry: ZipEntry): Promise<Uint8Array> {
  const out = Buffer.allocUnsafe(entry.uncompressedSize);
  let pos = 0;
  let failure: CzannError | undefined;
  const inflater = zlib.createInflateRaw({ chunkSize: 1024 * 1024 });
  const finished = new Promise<void>((resolve) => {
    inflater.on('data', (c: Buffer) => {
      if (pos + c.length > out.length) {
        failure ??= new CzannError('LIMIT_EXCEEDED', `entry ${JSON.stringify(entry.name)} inflates past its declared ${entry.uncompressedSize} bytes`);
        inflater.destroy();
        return resolve();
      }
      c.copy(out, pos);
      pos += c.length;
    });
    inflater.on('end', () => resolve());
    inflater.on('close', () => resolve());
    inflater.on('error', (e) => {
      failure ??= new CzannError('ZIP_CORRUPT', `entry ${JSON.stringify(entry.name)} is not valid deflate data: ${e.message}`, { cause: e });
      resolve();
    });
  });
  for (let off = 0; off < entry.compressedSize && !failure && !inflater.destroyed; off += CHUNK) {
    const chunk = await src.read(start + off, Math.min(CHUNK, entry.compressedSize - off));
    if (!inflater.write(chunk)) {
      await new Promise<void>((r) => {
        inflater.once('drain', r);
        inflater.once('close', r);
      });
    }
  }
  if (!inflater.destroyed) inflater.end();
  await finished;
  if (failure) throw failure;
  checkInflatedSize(entry, pos);
  return out;
}
