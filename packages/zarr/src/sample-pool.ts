import { allocateSamples, type DType, type TypedArray } from '@tessera/imaging';

/**
 * Sample arrays to reuse, by dtype and length: a pyramid's bands, halves and merged bands come in a few sizes, and
 * on these machines fresh memory costs more than the work done in it (8–60 ms per 24 MiB of new pages, against
 * under 1 ms to refill memory already in use). Only whole arrays (a view of all of their buffer) are kept, at most
 * `perSize` of each size.
 */
export class SamplePool {
  private readonly free = new Map<string, TypedArray[]>();

  constructor(private readonly perSize = 6) {}

  take(dtype: DType, length: number): TypedArray {
    return this.free.get(`${dtype}:${length}`)?.pop() ?? allocateSamples(dtype, length);
  }

  /** Hands an array back; its owner must not use it afterwards. */
  give(dtype: DType, array: TypedArray | undefined): void {
    if (!array || array.byteOffset !== 0 || array.byteLength !== array.buffer.byteLength || !array.length) return;
    const key = `${dtype}:${array.length}`;
    const list = this.free.get(key) ?? [];
    if (list.length < this.perSize) list.push(array);
    this.free.set(key, list);
  }
}
