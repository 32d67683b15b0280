/** Injection token of the shared ioredis client (health checks; queues bring their own connections). */
export const REDIS = Symbol('REDIS');
