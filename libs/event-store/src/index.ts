export * from './command-runner';
export * from './database';
export * from './event-store';
export * from './gap-aware-cursor';
export * from './stored-event';
export * from './subscription';
export { CreateEventStore1764158400000 } from './migrations/1764158400000-create-event-store';
