/**
 * A task's log as the page shows it: the lines fetched over HTTP, then the lines that arrive live. Live lines that
 * arrive while (or shortly after) the fetch runs may already be in its answer, and nothing numbers them: they are
 * held back until it is clear how many of them repeat the end of the fetched log, then only the new ones are added.
 *
 *   join.start(); const lines = await fetch(); join.fetched(lines);   // live lines meanwhile: join.received(batch)
 */
export class LogJoin {
  private shown: string[] = [];
  private fetchedLines: string[] | null = null;
  private held: string[] = [];
  private overlapKnown = false;

  /** Everything to show, in order. */
  get lines(): readonly string[] {
    return this.shown;
  }

  /** A fetch begins: what arrives live from now on is weighed against its answer. */
  start(): void {
    this.fetchedLines = null;
    this.held = [];
    this.overlapKnown = false;
  }

  fetched(lines: string[]): void {
    this.fetchedLines = lines;
    this.shown = [...lines];
    this.place();
  }

  received(lines: string[]): void {
    this.held.push(...lines);
    this.place();
  }

  private place(): void {
    if (this.fetchedLines === null || this.held.length === 0) return;
    if (!this.overlapKnown) {
      const repeated = overlap(this.fetchedLines, this.held);
      // All held lines could still be the fetched log's end: only a line that is not tells where new ones start.
      if (repeated === this.held.length) return;
      this.held = this.held.slice(repeated);
      this.overlapKnown = true;
    }
    this.shown.push(...this.held);
    this.held = [];
  }
}

/** The length of the longest end of `before` that `after` starts with. */
function overlap(before: readonly string[], after: readonly string[]): number {
  for (let length = Math.min(before.length, after.length); length > 0; length--) {
    let same = true;
    for (let i = 0; i < length && same; i++) same = before[before.length - length + i] === after[i];
    if (same) return length;
  }
  return 0;
}
