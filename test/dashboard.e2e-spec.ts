import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApi, type ApiHarness } from './api-harness';

const INDEX = '<!doctype html><html><body><app-root>dashboard stand-in</app-root></body></html>';
const BUNDLE = 'main-ABCD1234.js';

describe('the dashboard served by the API', () => {
  let dashboardDir: string;
  let api: ApiHarness;
  beforeAll(async () => {
    // A stand-in build: the test checks how the API serves a build, not what Angular puts in it.
    dashboardDir = await mkdtemp(join(tmpdir(), 'thymis-dashboard-'));
    await writeFile(join(dashboardDir, 'index.html'), INDEX);
    await writeFile(join(dashboardDir, BUNDLE), 'console.log("dashboard");');
    api = await startApi({ THYMIS_DASHBOARD_DIR: dashboardDir });
  });
  afterAll(async () => {
    await api.close();
    await rm(dashboardDir, { recursive: true, force: true });
  });

  it('serves index.html at / without a login, never cached', async () => {
    const response = await api.anonymous().get('/');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.text).toBe(INDEX);
  });

  it.each(['/tasks/abc', '/configurations/kiosk', '/login?returnUrl=%2Fhistory'])(
    'serves index.html for the deep link %s, which the dashboard routes itself',
    async (path) => {
      const response = await api.anonymous().get(path);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.text).toBe(INDEX);
    },
  );

  it('serves a bundle as JavaScript, cached for good since a new build renames it', async () => {
    const response = await api.anonymous().get(`/${BUNDLE}`);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.text).toBe('console.log("dashboard");');
  });

  it('answers an unknown API path with the JSON 404, logged in or not', async () => {
    for (const agent of [api.anonymous(), api.user]) {
      const response = await agent.get('/api/nope');
      expect(response.status).toBe(404);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(response.body).toEqual({ statusCode: 404, code: 'not_found', message: expect.any(String) });
    }
    expect((await api.user.get('/api')).status).toBe(404);
  });

  it('leaves the API its own errors: a malformed body is a 400, the docs without a login a 401', async () => {
    const malformed = await api.user
      .post('/api/configs')
      .set('Content-Type', 'application/json')
      .send('{"displayName":');
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe('malformed_json');
    const docs = await api.anonymous().get('/docs/openapi.json');
    expect(docs.status).toBe(401);
    expect(docs.body.code).toBe('unauthorized');
  });
});

describe('the API without a dashboard build', () => {
  let api: ApiHarness;
  beforeAll(async () => (api = await startApi({ THYMIS_DASHBOARD_DIR: join(tmpdir(), 'thymis-no-dashboard-here') })));
  afterAll(() => api.close());

  it('starts all the same, and answers / with a JSON 404', async () => {
    expect((await api.user.get('/api/auth/me')).status).toBe(200);
    const response = await api.anonymous().get('/');
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ statusCode: 404, code: 'not_found', message: expect.any(String) });
  });
});
