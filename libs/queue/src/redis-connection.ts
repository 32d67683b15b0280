import type { AppConfig } from '@thymis/config';

/** BullMQ connection options from the configuration; workers must never give up a blocking call. */
export function bullConnection(config: AppConfig) {
  const url = new URL(config.redis.url);
  return {
    connection: {
      host: url.hostname,
      port: Number(url.port || 6379),
      username: url.username || undefined,
      password: url.password ? decodeURIComponent(url.password) : undefined,
      db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : undefined,
      tls: url.protocol === 'rediss:' ? {} : undefined,
      maxRetriesPerRequest: null,
    },
    prefix: config.redis.prefix,
  };
}
