import { ImagingError } from './errors';

/**
 * Random access to a file's bytes, e.g. ranged GETs on S3. Must return exactly `length` bytes unless the file ends.
 * `into`, when given, is memory the caller would like the bytes in (at its start): a reader may fill it and return a
 * view of it, or ignore it. (Large reads into memory already in use save this process fresh pages, which cost more
 * than the copy itself.)
 */
export type RandomAccessReader = (offset: number, length: number, into?: Uint8Array) => Promise<Uint8Array>;

export interface ReadOp {
  offset: number;
  length: number;
  into?: Uint8Array;
}

/**
 * Parsing code is written once as generators that yield read requests, then driven either synchronously over
 * bytes in memory (`runSync`) or asynchronously over a RandomAccessReader (`runAsync`).
 */
export type Io<T> = Generator<ReadOp, T, Uint8Array>;

export function* readBytes(offset: number, length: number, into?: Uint8Array): Io<Uint8Array> {
  if (!Number.isSafeInteger(offset) || offset < 0 || !Number.isSafeInteger(length) || length < 0) {
    throw new ImagingError('corrupt', `The file points to an impossible position (${offset}); it is probably damaged.`);
  }
  if (length === 0) return new Uint8Array(0);
  const bytes = yield { offset, length, into };
  if (bytes.length < length) {
    throw new ImagingError('truncated', 'The file ends too early; it was probably cut off during upload or copying.');
  }
  return bytes.length === length ? bytes : bytes.subarray(0, length);
}

export function runSync<T>(io: Io<T>, bytes: Uint8Array): T {
  let step = io.next();
  while (!step.done) {
    const { offset, length } = step.value;
    const end = Math.min(bytes.length, offset + length);
    step = io.next(offset >= bytes.length ? new Uint8Array(0) : bytes.subarray(offset, end));
  }
  return step.value;
}

export async function runAsync<T>(io: Io<T>, reader: RandomAccessReader): Promise<T> {
  let step = io.next();
  while (!step.done) {
    const { offset, length, into } = step.value;
    let bytes: Uint8Array;
    try {
      bytes = await reader(offset, length, into);
    } catch (e) {
      step = io.throw(e);
      continue;
    }
    step = io.next(bytes);
  }
  return step.value;
}

/** A RandomAccessReader over bytes already in memory (tests, small files). */
export function bytesReader(bytes: Uint8Array): RandomAccessReader {
  return async (offset, length) => bytes.subarray(Math.min(offset, bytes.length), Math.min(bytes.length, offset + length));
}

/**
 * Wraps a reader so that small reads (IFDs, tag arrays) are served from aligned blocks, which turns many
 * tiny ranged requests into a few. Large reads pass straight through.
 */
export function cachedReader(reader: RandomAccessReader, blockSize = 64 * 1024, maxBlocks = 64): RandomAccessReader {
  const blocks = new Map<number, Promise<Uint8Array>>();
  const block = (index: number): Promise<Uint8Array> => {
    let p = blocks.get(index);
    if (p) {
      blocks.delete(index);
      blocks.set(index, p);
      return p;
    }
    p = reader(index * blockSize, blockSize);
    blocks.set(index, p);
    p.catch(() => blocks.delete(index));
    if (blocks.size > maxBlocks) blocks.delete(blocks.keys().next().value as number);
    return p;
  };
  return async (offset, length, into) => {
    if (length > blockSize) return reader(offset, length, into);
    const first = Math.floor(offset / blockSize);
    const last = Math.floor((offset + length - 1) / blockSize);
    const parts = await Promise.all(Array.from({ length: last - first + 1 }, (_, i) => block(first + i)));
    const out = new Uint8Array(length);
    let filled = 0;
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i]!;
      const start = i === 0 ? offset - first * blockSize : 0;
      const chunk = part.subarray(start, Math.min(part.length, start + (length - filled)));
      out.set(chunk, filled);
      filled += chunk.length;
      if (part.length < blockSize) break;
    }
    return filled === length ? out : out.subarray(0, filled);
  };
}
