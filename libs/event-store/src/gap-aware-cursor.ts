/** Postgres snapshot bounds, as read together with a batch of events. */
export interface SnapshotBounds {
  /** Every transaction id below this had ended when the batch was read. */
  xmin: bigint;
  /** Every transaction id at or above this started after the batch was read. */
  xmax: bigint;
}

/**
 * Walks the log in position order without passing over a position that may still commit.
 *
 * Positions are drawn before commit, so a reader can see position 7 while 6 belongs to a transaction still running
 * — or to one that rolled back and left a hole for good. On the first sight of a hole the cursor remembers the
 * snapshot's xmax. Every transaction that drew a position up to what was visible then had an id below that xmax (the
 * append function takes its id first), so once a later snapshot's xmin has passed it, a position still missing will
 * never appear and the cursor may step over it.
 */
export class GapAwareCursor {
  private horizon?: { below: number; xmax: bigint };

  constructor(private last: number) {}

  get position(): number {
    return this.last;
  }

  /** Takes a batch read after `position` (in position order) and returns the prefix that is safe to deliver. */
  advance<E extends { position: number }>(batch: readonly E[], snapshot: SnapshotBounds): E[] {
    const deliverable: E[] = [];
    for (const event of batch) {
      while (event.position > this.last + 1) {
        const hole = this.last + 1;
        if (this.horizon && hole < this.horizon.below && snapshot.xmin >= this.horizon.xmax) {
          this.last = hole;
          continue;
        }
        if (!this.horizon || hole >= this.horizon.below) {
          this.horizon = { below: batch[batch.length - 1].position, xmax: snapshot.xmax };
        }
        return deliverable;
      }
      deliverable.push(event);
      this.last = event.position;
    }
    return deliverable;
  }

  /** True while a hole holds delivery back: the caller should look again soon, no notification will come. */
  get waiting(): boolean {
    return this.horizon !== undefined && this.last + 1 < this.horizon.below;
  }
}
