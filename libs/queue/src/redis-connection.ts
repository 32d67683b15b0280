import type { AppConfig } from '@thymis/config';

/**
 * BullMQ connection options from the configuration. Workers and event listeners must never give up a blocking call;
 * a producer in the API must fail fast while Redis is down, so that requests do not hang (the outbox keeps the job).
 */
export function bullConnection(config: AppConfig, role: 'worker' | 'producer' = 'worker') {
  const url = new URL(config.redis.url);
  return {
    connection: {
      host: url.hostname,
      port: Number(url.port || 6379),
      username: url.username || undefined,
      password: url.password ? decodeURIComponent(url.password) : undefined,
      db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : undefined,
      tls: url.protocol === 'rediss:' ? {} : undefined,
      maxRetriesPerRequest: role === 'worker' ? null : 1,
      enableOfflineQueue: role === 'worker',
    },
    prefix: config.redis.prefix,
  };
}

/**
 * Closes a BullMQ client, giving up after a moment: while Redis is unreachable, close() waits for a connection that
 * never comes and would hold the process's shutdown.
 */
export async function closeWithin(client: { close(): Promise<void>; disconnect(): Promise<void> }, ms = 2000) {
  let timer: NodeJS.Timeout | undefined;
  const gaveUp = new Promise<'gave up'>((resolve) => (timer = setTimeout(() => resolve('gave up'), ms)));
  const outcome = await Promise.race([client.close().catch(() => undefined), gaveUp]);
  clearTimeout(timer);
  // disconnect() too may wait on the connection: start it and move on.
  if (outcome === 'gave up') void client.disconnect().catch(() => undefined);
}
