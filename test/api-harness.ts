import type { INestApplication } from '@nestjs/common';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request, { type Response } from 'supertest';
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
  /** Sends a request that must be refused: a 4xx (never a 5xx) in the error shape, that writes no event at all. */
  refused: (send: () => Promise<Response>) => Promise<Response>;
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
  const eventCount = async () => {
    let count = 0;
    for (let after = 0, page: { items: unknown[]; next: number }; ; after = page.next) {
      page = (await user.get(`/api/events?after=${after}&limit=1000`).expect(200)).body;
      count += page.items.length;
      if (page.items.length === 0) return count;
    }
  };
  return {
    app,
    config,
    anonymous: () => request.agent(server),
    user,
    password,
    eventCount,
    refused: async (send) => {
      const before = await eventCount();
      const response = await send();
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect(response.body).toEqual({
        statusCode: response.status,
        code: expect.any(String),
        message: expect.any(String),
      });
      expect(await eventCount()).toBe(before);
      return response;
    },
    close: async () => {
      await app.close();
      await database.drop();
      await rm(stateDir, { recursive: true, force: true });
    },
  };
}
