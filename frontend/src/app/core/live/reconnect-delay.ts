/** First retry after about half a second, doubling up to half a minute. */
const FIRST_MS = 500;
const MAX_MS = 30_000;

/**
 * How long to wait before reconnect attempt `attempt` (0 = the first after a drop): exponential backoff, with up to
 * half of it random so that browsers dropped together (a controller restart) do not all come back at the same instant.
 */
export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_MS, FIRST_MS * 2 ** Math.min(attempt, 16));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}
