import type { INestApplication } from '@nestjs/common';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { loadConfig, type AppConfig } from '@thymis/config';
import { createApi } from '../apps/api/src/api';
import { createTestDatabase } from './database';

export interface ApiHarness {
  app: INestApplication;
  config: AppConfig;
  /** Requests without credentials. */
  anonymous: () => request.Agent;
  /** Requests with a logged-in session cookie. */
  user: request.Agent;
  password: () => Promise<string>;
  eventCount: () => Promise<number>;
  close: () => Promise<void>;
}

/** The real API on its own database, state folder and Redis key prefix; logged in once. */
export async function startApi(env: Record<string, string> = {}): Promise<ApiHarness> {
  const database = await createTestDatabase();
  const stateDir = await mkdtemp(join(tmpdir(), 'thymis-e2e-'));
  const config = loadConfig({
    DATABASE_URL: database.url,
    THYMIS_STATE_DIR: stateDir,
    THYMIS_REDIS_PREFIX: `thymis-test-${process.env.THYMIS_TEST_RUN}`,
    ...env,
  });
  const app = await createApi(config);
  app.useLogger(['error']);
  await app.init();
  const server = app.getHttpServer();
  const password = async () => (await readFile(config.auth.passwordFile, 'utf8')).trim();
  const user = request.agent(server);
  const login = await user.post('/api/auth/login').send({ username: config.auth.username, password: await password() });
  if (login.status !== 200) throw new Error(`harness login failed: ${login.status} ${JSON.stringify(login.body)}`);
  return {
    app,
    config,
    anonymous: () => request.agent(server),
    user,
    password,
    eventCount: async () => {
      const page = await user.get('/api/events?limit=1000');
      return (page.body as { items: unknown[] }).items.length;
    },
    close: async () => {
      await app.close();
      await database.drop();
      await rm(stateDir, { recursive: true, force: true });
    },
  };
}
