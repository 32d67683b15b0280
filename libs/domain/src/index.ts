export * from './config';
export * from './errors';
export * from './events';
export * from './hardware';
export * from './identifier';
export * from './module-host';
export * from './modules';
export * from './tag';
