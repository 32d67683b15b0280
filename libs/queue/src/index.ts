export * from './jobs';
export * from './redis-connection';
