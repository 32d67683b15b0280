import type { Provider } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { LoginLimiter, SessionStore } from '@thymis/auth';
import { APP_CONFIG, type AppConfig } from '@thymis/config';

/** The auth library's stateful parts, one of each per API instance. */
export const authProviders: Provider[] = [
  {
    provide: SessionStore,
    inject: [DataSource, APP_CONFIG],
    useFactory: (db: DataSource, config: AppConfig) => new SessionStore(db, config.auth.sessionTtlSeconds),
  },
  { provide: LoginLimiter, useFactory: () => new LoginLimiter() },
];
