import { open } from 'node:fs/promises';
import { CzannError } from './errors';

/** Random access to the archive bytes, whether they sit in memory or in a file. */
export interface ByteSource {
  readonly size: number;
  /** Exactly `length` bytes at `offset` (a view for memory sources); TRUNCATED when short. */
  read(offset: number, length: number): Promise<Uint8Array>;
  close(): Promise<void>;
}

export function bufferSource(bytes: Uint8Array): ByteSource {
  return {
    size: bytes.length,
    async read(offset, length) {
      if (offset < 0 || length < 0 || offset + length > bytes.length) {
        throw new CzannError('TRUNCATED', `read of ${length} bytes at ${offset} runs past the end (${bytes.length} bytes)`);
      }
      return bytes.subarray(offset, offset + length);
    },
    async close() {},
  };
}

export async function fileSource(path: string): Promise<ByteSource> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (e) {
    throw new CzannError('IO_ERROR', `cannot open ${path}: ${(e as Error).message}`, { cause: e });
  }
  const fh = handle;
  const { size } = await fh.stat();
  return {
    size,
    async read(offset, length) {
      if (offset < 0 || length < 0 || offset + length > size) {
        throw new CzannError('TRUNCATED', `read of ${length} bytes at ${offset} runs past the end (${size} bytes)`);
      }
      const buf = Buffer.allocUnsafe(length);
      let done = 0;
      while (done < length) {
        const { bytesRead } = await fh.read(buf, done, length - done, offset + done);
        if (bytesRead === 0) throw new CzannError('TRUNCATED', `${path} shrank while being read`);
        done += bytesRead;
      }
      return buf;
    },
    close: () => fh.close(),
  };
}

/** Collects a stream into memory, refusing more than `maxBytes`. */
export async function collectStream(stream: NodeJS.ReadableStream, maxBytes: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer | string>) {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      total += buf.length;
      if (total > maxBytes) {
        throw new CzannError('LIMIT_EXCEEDED', `stream is larger than the ${maxBytes}-byte archive limit`);
      }
      chunks.push(buf);
    }
  } catch (e) {
    if (e instanceof CzannError) throw e;
    throw new CzannError('IO_ERROR', `reading the stream failed: ${(e as Error).message}`, { cause: e });
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
}
