import { stat } from 'node:fs/promises';
import { startApi, type ApiHarness } from './api-harness';

describe('authentication', () => {
  let api: ApiHarness;
  beforeAll(async () => (api = await startApi()));
  afterAll(() => api.close());

  const login = (body: object) => api.anonymous().post('/api/auth/login').send(body);

  it('creates the password file with a random password readable only by its owner', async () => {
    const file = await stat(api.config.auth.passwordFile);
    expect(file.mode & 0o777).toBe(0o600);
    expect((await api.password()).length).toBeGreaterThanOrEqual(20);
  });

  it('logs in with the right password and sets an HttpOnly, SameSite=Strict session cookie', async () => {
    const response = await login({ username: 'admin', password: await api.password() });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ username: 'admin', via: 'session' });
    const cookie = response.headers['set-cookie'][0];
    expect(cookie).toMatch(/^thymis_session=[\w-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
  });

  it('refuses a wrong password or username with 401', async () => {
    const wrongPassword = await login({ username: 'admin', password: 'nope' });
    expect(wrongPassword.status).toBe(401);
    expect(wrongPassword.body).toEqual({
      statusCode: 401,
      code: 'invalid_credentials',
      message: 'wrong username or password',
    });
    expect((await login({ username: 'root', password: await api.password() })).status).toBe(401);
  });

  it('names the missing or unknown field of a login request', async () => {
    const missing = await login({ username: 'admin' });
    expect(missing.status).toBe(400);
    expect(missing.body.message).toMatch(/^password: /);
    const unknown = await login({ username: 'admin', password: 'x', remember: true });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toBe('remember: property remember should not exist');
  });

  it('tells who is logged in, and forgets the session at logout', async () => {
    const agent = api.anonymous();
    await agent
      .post('/api/auth/login')
      .send({ username: 'admin', password: await api.password() })
      .expect(200);
    expect((await agent.get('/api/auth/me')).body).toEqual({ username: 'admin', via: 'session' });
    const cookie = (await agent.get('/api/auth/me')).request.cookies;
    await agent.post('/api/auth/logout').expect(204);
    expect((await agent.get('/api/auth/me')).status).toBe(401);
    // The old cookie value itself no longer works either.
    expect((await api.anonymous().get('/api/auth/me').set('Cookie', cookie)).status).toBe(401);
  });

  it('answers 401 on every route but health and login without a session or token', async () => {
    const document = (await api.user.get('/docs/openapi.json').expect(200)).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    const open = ['get /api/health', 'post /api/auth/login'];
    const routes = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => [
        method,
        path.replace(/\{(\w+)\}/g, (_, p) => (p === 'owner' ? 'configs' : 'x')),
      ]),
    );
    expect(routes.length).toBeGreaterThan(20);
    for (const [method, path] of routes) {
      const response = await (api.anonymous() as unknown as Record<string, (p: string) => Promise<{ status: number }>>)[
        method
      ](path);
      const expected = open.includes(`${method} ${path}`) ? expect.not.stringMatching(/^401$/) : '401';
      expect({ route: `${method} ${path}`, status: String(response.status) }).toEqual({
        route: `${method} ${path}`,
        status: expected,
      });
    }
    expect((await api.anonymous().get('/api/configs').set('Authorization', 'Bearer thy_forged')).status).toBe(401);
    for (const path of ['/docs', '/docs/', '/docs/openapi.json', '/docs/openapi.yaml', '/docs/swagger-ui-init.js']) {
      const response = await api.anonymous().get(path);
      expect({ path, status: response.status, body: response.body as unknown }).toEqual({
        path,
        status: 401,
        body: { statusCode: 401, code: 'unauthorized', message: 'log in or send an API token' },
      });
      expect((await api.anonymous().get(path).set('Authorization', 'Bearer thy_forged')).status).toBe(401);
    }
  });

  describe('API tokens', () => {
    it('creates a token that works as a bearer and is listed without its secret', async () => {
      const created = await api.user.post('/api/tokens').send({ name: 'ci' });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ name: 'ci', createdBy: 'admin', revokedAt: null });
      const bearer = `Bearer ${created.body.token}`;
      expect((await api.anonymous().get('/api/auth/me').set('Authorization', bearer)).body).toEqual({
        username: 'admin',
        via: 'token',
      });
      const listed = await api.user.get('/api/tokens').expect(200);
      const entry = listed.body.items.find((t: { id: string }) => t.id === created.body.id);
      expect(entry).toEqual({
        id: created.body.id,
        name: 'ci',
        createdBy: 'admin',
        createdAt: expect.any(String),
        revokedAt: null,
      });
      expect(JSON.stringify(listed.body)).not.toContain(created.body.token);
    });

    it('stops accepting a revoked token, and revoking twice is harmless', async () => {
      const { body } = await api.user.post('/api/tokens').send({ name: 'short-lived' }).expect(201);
      await api.user.delete(`/api/tokens/${body.id}`).expect(204);
      await api.user.delete(`/api/tokens/${body.id}`).expect(204);
      expect((await api.anonymous().get('/api/auth/me').set('Authorization', `Bearer ${body.token}`)).status).toBe(401);
      const listed = await api.user.get('/api/tokens');
      expect(listed.body.items.find((t: { id: string }) => t.id === body.id).revokedAt).toEqual(expect.any(String));
    });

    it('refuses a token without a usable name, and an unknown token id with 404', async () => {
      expect((await api.user.post('/api/tokens').send({})).body).toMatchObject({
        statusCode: 400,
        message: expect.stringMatching(/^name: /),
      });
      expect((await api.user.post('/api/tokens').send({ name: '' })).status).toBe(400);
      expect((await api.user.delete('/api/tokens/00000000-0000-4000-8000-000000000000')).status).toBe(404);
      expect((await api.user.delete('/api/tokens/not-a-uuid')).status).toBe(404);
    });

    it('refuses a token name with a NUL or an unpaired surrogate, naming name', async () => {
      for (const name of ['ci\u0000', 'ci\udfff']) {
        const response = await api.refused(() => api.user.post('/api/tokens').send({ name }));
        expect(response.body).toEqual({
          statusCode: 400,
          code: 'validation_failed',
          message: 'name: must not contain NUL or unpaired surrogate characters',
        });
      }
    });

    it('opens the API documentation to a bearer token', async () => {
      const { body } = await api.user.post('/api/tokens').send({ name: 'docs reader' }).expect(201);
      const bearer = `Bearer ${body.token}`;
      const document = await api.anonymous().get('/docs/openapi.json').set('Authorization', bearer);
      expect(document.status).toBe(200);
      expect(document.body.paths).toHaveProperty(['/api/configs']);
      expect((await api.anonymous().get('/docs/openapi.yaml').set('Authorization', bearer)).status).toBe(200);
    });
  });

  // Last: it locks this client out of logging in for a while.
  it('refuses further attempts with 429 after repeated failed logins', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await login({ username: 'admin', password: `guess-${i}` })).status);
    expect(statuses.slice(-1)).toEqual([429]);
    const refused = await login({ username: 'admin', password: await api.password() });
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({
      statusCode: 429,
      code: 'too_many_requests',
      message: expect.stringMatching(/^too many failed logins; try again in \d+ s$/),
    });
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(300);
    expect(refused.body.message).toBe(`too many failed logins; try again in ${retryAfter} s`);
  });
});

describe('login limiter', () => {
  const wrong = (api: ApiHarness, i: number) =>
    api
      .anonymous()
      .post('/api/auth/login')
      .send({ username: 'admin', password: `guess-${i}` });
  const right = async (api: ApiHarness) =>
    api
      .anonymous()
      .post('/api/auth/login')
      .send({ username: 'admin', password: await api.password() });

  describe('behind no proxy', () => {
    let api: ApiHarness;
    beforeEach(async () => (api = await startApi()));
    afterEach(() => api.close());

    it('counts wrong logins sent all at once, and then refuses the right password too', async () => {
      const statuses = (await Promise.all(Array.from({ length: 20 }, (_, i) => wrong(api, i)))).map((r) => r.status);
      expect(statuses.filter((status) => status === 401)).toHaveLength(5);
      expect(statuses.filter((status) => status === 429)).toHaveLength(15);
      expect((await right(api)).status).toBe(429);
    });

    it('keys on the socket address, not on an X-Forwarded-For header the client makes up', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push((await wrong(api, i).set('X-Forwarded-For', `10.0.0.${i}`)).status);
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
      expect((await right(api)).status).toBe(429);
    });
  });

  describe('with THYMIS_TRUST_PROXY=loopback', () => {
    let api: ApiHarness;
    beforeAll(async () => (api = await startApi({ THYMIS_TRUST_PROXY: 'loopback' })));
    afterAll(() => api.close());

    it('keys on the client address the proxy on loopback forwards', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push((await wrong(api, i).set('X-Forwarded-For', '192.0.2.1')).status);
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
      expect((await wrong(api, 7).set('X-Forwarded-For', '192.0.2.2')).status).toBe(401);
    });
  });
});
