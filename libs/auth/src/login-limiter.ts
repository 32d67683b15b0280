/**
 * Slows guessing: after `maxFailures` failed logins from one client within `windowMs`, further attempts are refused
 * until the window has passed. A success clears the client's record.
 */
export class LoginLimiter {
  private readonly failures = new Map<string, { count: number; since: number }>();

  constructor(
    private readonly maxFailures = 5,
    private readonly windowMs = 5 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds the client must wait before trying again; 0 when it may try now. */
  retryAfter(client: string): number {
    const record = this.current(client);
    if (!record || record.count < this.maxFailures) return 0;
    return record.since + this.windowMs - this.now();
  }

  fail(client: string): void {
    const record = this.current(client) ?? { count: 0, since: this.now() };
    this.failures.set(client, { ...record, count: record.count + 1 });
  }

  succeed(client: string): void {
    this.failures.delete(client);
  }

  private current(client: string) {
    const record = this.failures.get(client);
    if (record && this.now() - record.since >= this.windowMs) {
      this.failures.delete(client);
      return undefined;
    }
    return record;
  }
}
