/**
 * Which op sequence numbers a live client has been sent. Publishes from concurrent requests can arrive out of
 * order (seq 7 before 6), so "drop anything <= the last seq" would lose 6: keep the contiguous watermark plus the
 * numbers seen above it. `gap()` says whether something below the highest seen is still missing.
 */
export class SeqTracker {
  private above = new Set<number>();
  private max: number;

  constructor(public contiguous: number) {
    this.max = contiguous;
  }

  /** True the first time `seq` is offered. */
  offer(seq: number): boolean {
    if (seq <= this.contiguous || this.above.has(seq)) return false;
    this.above.add(seq);
    if (seq > this.max) this.max = seq;
    while (this.above.delete(this.contiguous + 1)) this.contiguous++;
    return true;
  }

  gap(): boolean {
    return this.max > this.contiguous;
  }
}
