import { gunzipSync, gzipSync } from 'node:zlib';

/** One file of a tar archive (regular files only; folders are implied by paths). */
export interface TarEntry {
  path: string;
  data: Uint8Array;
  /** Unix mode, default 0o644. */
  mode?: number;
}

export class TarError extends Error {
  readonly code = 'TAR_INVALID';
}

const BLOCK = 512;
const SAFE_PATH = /^(?!\/)(?!.*(?:^|\/)\.\.?(?:\/|$))[A-Za-z0-9._\-/]+$/;

function octal(n: number, width: number): string {
  return n.toString(8).padStart(width - 1, '0') + '\0';
}

function header(e: TarEntry, mtime: number): Uint8Array {
  if (!SAFE_PATH.test(e.path) || e.path.length > 100) throw new TarError(`Unsafe or too long tar path ${JSON.stringify(e.path)}`);
  const h = new Uint8Array(BLOCK);
  const put = (s: string, at: number) => h.set(Buffer.from(s, 'ascii'), at);
  put(e.path, 0);
  put(octal(e.mode ?? 0o644, 8), 100);
  put(octal(0, 8), 108);
  put(octal(0, 8), 116);
  put(octal(e.data.length, 12), 124);
  put(octal(mtime, 12), 136);
  put('        ', 148);
  put('0', 156);
  put('ustar\u000000', 257);
  let sum = 0;
  for (const b of h) sum += b;
  put(octal(sum, 7) + ' ', 148);
  return h;
}

/** A deterministic ustar archive, gzip-compressed (fixed mtime so the same inputs give the same bytes). */
export function writeTarGz(entries: TarEntry[], mtime = 0): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const e of entries) {
    parts.push(header(e, mtime), e.data);
    const pad = (BLOCK - (e.data.length % BLOCK)) % BLOCK;
    if (pad) parts.push(new Uint8Array(pad));
  }
  parts.push(new Uint8Array(BLOCK * 2));
  return new Uint8Array(gzipSync(Buffer.concat(parts), { level: 6 }));
}

/** Reads a .tar.gz written by writeTarGz (or any ustar archive of regular files); rejects unsafe paths. */
export function readTarGz(bytes: Uint8Array, maxBytes = 2 * 1024 ** 3): TarEntry[] {
  let tar: Buffer;
  try {
    tar = gunzipSync(bytes, { maxOutputLength: maxBytes });
  } catch (e) {
    throw new TarError(`Not a gzip archive: ${(e as Error).message}`);
  }
  const out: TarEntry[] = [];
  let at = 0;
  while (at + BLOCK <= tar.length) {
    const h = tar.subarray(at, at + BLOCK);
    if (h.every((b) => b === 0)) break;
    const str = (from: number, len: number) => h.subarray(from, from + len).toString('ascii').replace(/\0.*$/s, '');
    const prefix = str(345, 155);
    const path = (prefix ? `${prefix}/` : '') + str(0, 100);
    const size = parseInt(str(124, 12).trim() || '0', 8);
    const type = str(156, 1) || '0';
    const mode = parseInt(str(100, 8).trim() || '644', 8);
    if (!Number.isFinite(size) || size < 0 || at + BLOCK + size > tar.length) throw new TarError(`Truncated tar entry ${path}`);
    if (type === '0' || type === '\0') {
      if (!SAFE_PATH.test(path)) throw new TarError(`Unsafe tar path ${JSON.stringify(path)}`);
      out.push({ path, mode, data: new Uint8Array(tar.subarray(at + BLOCK, at + BLOCK + size)) });
    } else if (type !== '5') {
      throw new TarError(`Unsupported tar entry type ${JSON.stringify(type)} for ${path}`);
    }
    at += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
  }
  return out;
}
