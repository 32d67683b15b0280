import Redis, { type RedisOptions } from 'ioredis';
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

/**
 * An ioredis client for a BullMQ object that also keeps the copies BullMQ makes of it (QueueEvents blocks on a copy of
 * its own). While Redis is unreachable, BullMQ's close() waits for a connection that never comes and never ends those
 * copies, which then retry forever and keep the process alive; `disconnectAll` ends them all.
 */
export function trackedRedis(options: RedisOptions): { redis: Redis; disconnectAll: () => void } {
  const redis = new Redis(options);
  const copies: Redis[] = [];
  const duplicate = redis.duplicate.bind(redis);
  redis.duplicate = (override?: Partial<RedisOptions>) => {
    const copy = duplicate(override);
    copies.push(copy);
    return copy;
  };
  redis.on('error', () => undefined); // Redis is away: ioredis reconnects by itself, health reports it
  return { redis, disconnectAll: () => [redis, ...copies].forEach((client) => client.disconnect()) };
}
