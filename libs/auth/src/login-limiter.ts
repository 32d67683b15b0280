export interface LoginLimits {
  /** Attempts one client may make within the window without succeeding. */
  maxAttempts: number;
  windowMs: number;
  /** Clients remembered at once; past this the oldest record is dropped, so a flood of addresses costs bounded memory. */
  maxClients: number;
}

const DEFAULT_LIMITS: LoginLimits = { maxAttempts: 5, windowMs: 5 * 60_000, maxClients: 10_000 };

/**
 * Slows guessing: a client may make `maxAttempts` logins within `windowMs` that do not succeed; further attempts are
 * refused until the window has passed. An attempt counts from the moment it is reserved, before the password is
 * checked, so attempts sent all at once cannot slip past; a success clears the client's record.
 */
export class LoginLimiter {
  /** Insertion order is the order of `since`, so the expired records are always at the front. */
  private readonly attempts = new Map<string, { count: number; since: number }>();
  private readonly limits: LoginLimits;

  constructor(
    limits: Partial<LoginLimits> = {},
    private readonly now: () => number = Date.now,
  ) {
    this.limits = { ...DEFAULT_LIMITS, ...limits };
  }

  /**
   * Counts an attempt of the client and returns 0, or, when the client has used up its attempts, counts nothing and
   * returns the milliseconds it must wait. Call before any await, so that concurrent attempts see each other.
   */
  reserve(client: string): number {
    const now = this.now();
    this.prune(now);
    const record = this.attempts.get(client);
    if (!record) {
      if (this.attempts.size >= this.limits.maxClients) this.attempts.delete(this.attempts.keys().next().value!);
      this.attempts.set(client, { count: 1, since: now });
      return 0;
    }
    if (record.count >= this.limits.maxAttempts) return record.since + this.limits.windowMs - now;
    record.count += 1;
    return 0;
  }

  /** The reserved attempt succeeded: forget the client's failures. */
  succeed(client: string): void {
    this.attempts.delete(client);
  }

  /** How many clients are remembered. */
  get size(): number {
    return this.attempts.size;
  }

  private prune(now: number): void {
    for (const [client, { since }] of this.attempts) {
      if (now - since < this.limits.windowMs) return;
      this.attempts.delete(client);
    }
  }
}
