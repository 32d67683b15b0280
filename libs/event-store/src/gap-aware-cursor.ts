/**
 * Walks the log in position order without passing over a position that may still commit.
 *
 * Positions are drawn before commit, so a reader can see position 7 while 6 belongs to an append still in flight —
 * or to one that rolled back and left a hole for good. On the first sight of a hole the cursor opens a horizon: the
 * caller records which appends are in flight *after* that read. The append that drew the missing position drew it
 * before that read, while it already held the append marker, so it is either among those recorded or had ended by
 * then. Once all recorded appends have ended, a read still missing the position proves it will never appear.
 */
export class GapAwareCursor {
  private horizon?: { below: number; appends?: string[] };

  constructor(private last: number) {}

  get position(): number {
    return this.last;
  }

  /** The appends to wait for before holes below the horizon count as final; undefined while none are recorded. */
  get awaitedAppends(): string[] | undefined {
    return this.horizon?.appends;
  }

  /** True when a horizon is open but the caller has not yet recorded the appends in flight. */
  get needsAppends(): boolean {
    return this.horizon !== undefined && this.horizon.appends === undefined;
  }

  recordAppends(appends: string[]): void {
    if (this.horizon) this.horizon.appends = appends;
  }

  /**
   * Takes a batch read after `position` (in position order) and returns the prefix that is safe to deliver.
   * `settled`: every awaited append had ended before this batch was read.
   */
  advance<E extends { position: number }>(batch: readonly E[], settled: boolean): E[] {
    const deliverable: E[] = [];
    for (const event of batch) {
      while (event.position > this.last + 1) {
        const hole = this.last + 1;
        if (this.horizon?.appends && hole < this.horizon.below && settled) {
          this.last = hole;
          continue;
        }
        if (!this.horizon || hole >= this.horizon.below) this.horizon = { below: batch[batch.length - 1].position };
        return deliverable;
      }
      deliverable.push(event);
      this.last = event.position;
    }
    if (this.horizon && this.last + 1 >= this.horizon.below) this.horizon = undefined;
    return deliverable;
  }

  /** True while a hole holds delivery back: the caller should look again soon, no notification will come. */
  get waiting(): boolean {
    return this.horizon !== undefined;
  }
}
