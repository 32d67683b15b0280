export * from './auth-error';
export * from './login-limiter';
export * from './password-file';
export * from './secrets';
export * from './session-store';
export * from './session.entity';
export { CreateSessions1764158400200 } from './migrations/1764158400200-create-sessions';
