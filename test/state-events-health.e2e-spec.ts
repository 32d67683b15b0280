import { startApi, type ApiHarness } from './api-harness';

const KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAlphaTagKeyOnlyForTests alpha@tag';

interface Event {
  position: number;
  streamId: string;
  version: number;
  type: string;
  schemaVersion: number;
  data: unknown;
  metadata: { actor: string; correlationId: string; at: string };
}

interface Operation {
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

describe('state, event log, health and API documentation', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApi();
    const send = (url: string, body: object, correlationId: string) =>
      api.user.post(url).set('X-Correlation-Id', correlationId).send(body).expect(201);
    // Created out of identifier order, so that sorting shows.
    await send('/api/tags', { displayName: 'Zeta screens', priority: 10 }, 'setup-1');
    await send('/api/tags', { displayName: 'Alpha', identifier: 'alpha-tag' }, 'setup-2');
    await send('/api/tags/alpha-tag/modules', { type: 'security', settings: { authorizedKeys: [KEY] } }, 'setup-3');
    await send(
      '/api/configs',
      { displayName: 'Zulu kiosk', hardwareModel: 'raspberry-pi-4', tags: ['zeta-screens', 'alpha-tag'] },
      'setup-4',
    );
    await send(
      '/api/configs',
      { displayName: 'Alpha box', hardwareModel: 'generic-x86_64', imageFormat: 'qcow' },
      'setup-5',
    );
    await send(
      '/api/configs/zulu-kiosk/modules',
      { type: 'kiosk', settings: { url: 'https://example.org' } },
      'setup-6',
    );
  });
  afterAll(() => api.close());

  describe('GET /api/state', () => {
    it('answers the whole state, tags and configurations sorted by identifier, with their modules and tags', async () => {
      const response = await api.user.get('/api/state');
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        version: expect.stringMatching(/^\d+\.\d+\.\d+$/),
        repositories: {},
        tags: [
          {
            displayName: 'Alpha',
            identifier: 'alpha-tag',
            priority: 90,
            modules: [{ type: 'security', settings: { authorizedKeys: [KEY] } }],
          },
          { displayName: 'Zeta screens', identifier: 'zeta-screens', priority: 10, modules: [] },
        ],
        configs: [
          {
            displayName: 'Alpha box',
            identifier: 'alpha-box',
            hardwareModel: 'generic-x86_64',
            imageFormat: 'qcow',
            tags: [],
            modules: [],
          },
          {
            displayName: 'Zulu kiosk',
            identifier: 'zulu-kiosk',
            hardwareModel: 'raspberry-pi-4',
            imageFormat: 'sd-card-image',
            tags: ['zeta-screens', 'alpha-tag'],
            modules: [{ type: 'kiosk', settings: { url: 'https://example.org' } }],
          },
        ],
      });
    });

    it('shows a change as soon as the write has answered', async () => {
      await api.user.patch('/api/tags/zeta-screens').send({ displayName: 'Zeta displays' }).expect(200);
      const { body } = await api.user.get('/api/state').expect(200);
      expect(body.tags[1]).toEqual({
        displayName: 'Zeta displays',
        identifier: 'zeta-screens',
        priority: 10,
        modules: [],
      });
      await api.user.patch('/api/tags/zeta-screens').send({ displayName: 'Zeta screens' }).expect(200);
    });

    it('answers 401 without a session or token', async () => {
      expect((await api.anonymous().get('/api/state')).status).toBe(401);
    });
  });

  describe('GET /api/events', () => {
    const events = async (query = ''): Promise<{ items: Event[]; next: number }> => {
      const response = await api.user.get(`/api/events${query}`);
      expect(response.status).toBe(200);
      return response.body;
    };

    it('lists the events in order with position, stream, version, type, data and who/why/when', async () => {
      const { items } = await events();
      const setup = items.filter((e) => e.metadata.correlationId.startsWith('setup-'));
      expect(setup.map(({ streamId, version, type }) => ({ streamId, version, type }))).toEqual([
        { streamId: 'tag-zeta-screens', version: 1, type: 'tag.created' },
        { streamId: 'tag-alpha-tag', version: 1, type: 'tag.created' },
        { streamId: 'tag-alpha-tag', version: 2, type: 'tag.module-added' },
        { streamId: 'config-zulu-kiosk', version: 1, type: 'config.created' },
        { streamId: 'config-alpha-box', version: 1, type: 'config.created' },
        { streamId: 'config-zulu-kiosk', version: 2, type: 'config.module-added' },
      ]);
      expect(setup[3]).toEqual({
        position: expect.any(Number),
        transactionId: expect.stringMatching(/^\d+$/),
        streamId: 'config-zulu-kiosk',
        version: 1,
        type: 'config.created',
        schemaVersion: 1,
        data: {
          identifier: 'zulu-kiosk',
          displayName: 'Zulu kiosk',
          hardwareModel: 'raspberry-pi-4',
          imageFormat: 'sd-card-image',
          tags: ['zeta-screens', 'alpha-tag'],
        },
        metadata: { actor: 'admin', correlationId: 'setup-4', at: expect.any(String) },
      });
      expect(setup.map((e) => e.metadata.correlationId)).toEqual([
        'setup-1',
        'setup-2',
        'setup-3',
        'setup-4',
        'setup-5',
        'setup-6',
      ]);
      for (const event of items) {
        expect(event.metadata.actor).toBe('admin');
        expect(new Date(event.metadata.at).toISOString()).toBe(event.metadata.at);
      }
      const positions = items.map((e) => e.position);
      expect(positions).toEqual(positions.map((_, i) => positions[0] + i));
      expect(positions[0]).toBe(1);
    });

    it('pages with after and limit, handing out next for the following page', async () => {
      const all = await events('?limit=1000');
      expect(all.items.length).toBeGreaterThanOrEqual(6);
      expect(all.next).toBe(all.items[all.items.length - 1].position);

      const first = await events('?limit=2');
      expect(first.items).toEqual(all.items.slice(0, 2));
      expect(first.next).toBe(all.items[1].position);
      const second = await events(`?after=${first.next}&limit=3`);
      expect(second.items).toEqual(all.items.slice(2, 5));
      expect(second.next).toBe(all.items[4].position);

      const pages: Event[] = [];
      let after = 0;
      for (let page = 0; page < 100; page++) {
        const { items, next } = await events(`?after=${after}&limit=4`);
        if (items.length === 0) {
          expect(next).toBe(after);
          break;
        }
        expect(items.length).toBeLessThanOrEqual(4);
        pages.push(...items);
        after = next;
      }
      expect(pages).toEqual(all.items);
    });

    it('answers an empty page past the end, with next unchanged', async () => {
      expect(await events('?after=1000000')).toEqual({ items: [], next: 1000000 });
    });

    it('answers an empty page after the largest safe position', async () => {
      expect(await events(`?after=${Number.MAX_SAFE_INTEGER}`)).toEqual({ items: [], next: Number.MAX_SAFE_INTEGER });
    });

    it('returns at most 100 events when no limit is given', async () => {
      const start = (await events('?limit=1000')).next;
      for (let i = 0; i < 105; i++) {
        await api.user
          .patch('/api/tags/alpha-tag')
          .send({ priority: i % 2 === 0 ? 91 : 90 })
          .expect(200);
      }
      const page = await events(`?after=${start - 1}`);
      expect(page.items).toHaveLength(100);
      expect(page.items[0].position).toBe(start);
      expect(page.next).toBe(start + 99);
    });

    it('records the X-Correlation-Id header in the metadata of the events the request appends', async () => {
      const start = (await events('?limit=1000')).next;
      await api.user
        .post('/api/configs')
        .set('X-Correlation-Id', 'ticket-4711.retry:2')
        .send({ displayName: 'Traced', hardwareModel: 'generic-aarch64' })
        .expect(201);
      const { items } = await events(`?after=${start}`);
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({
        streamId: 'config-traced',
        type: 'config.created',
        metadata: { actor: 'admin', correlationId: 'ticket-4711.retry:2' },
      });
    });

    it('makes up a correlation id when none, or an unusable one, is sent', async () => {
      const start = (await events('?limit=1000')).next;
      await api.user
        .post('/api/configs')
        .send({ displayName: 'Untraced', hardwareModel: 'generic-aarch64' })
        .expect(201);
      await api.user
        .post('/api/configs')
        .set('X-Correlation-Id', 'has spaces; and <html>')
        .send({ displayName: 'Badly traced', hardwareModel: 'generic-aarch64' })
        .expect(201);
      const { items } = await events(`?after=${start}`);
      const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
      expect(items.map((e) => e.metadata.correlationId)).toEqual([
        expect.stringMatching(uuid),
        expect.stringMatching(uuid),
      ]);
      expect(items[0].metadata.correlationId).not.toBe(items[1].metadata.correlationId);
    });

    it.each([
      ['limit=0', /^limit: /],
      ['limit=1001', /^limit: /],
      ['limit=x', /^limit: /],
      ['limit=2.5', /^limit: /],
      ['after=-1', /^after: /],
      ['after=x', /^after: /],
      ['after=1e20', /^after: /],
      ['after=9007199254740992', /^after: /],
      ['afterr=3', /^afterr: /],
    ])('refuses ?%s with 400 naming the parameter', async (query, message) => {
      const response = await api.user.get(`/api/events?${query}`);
      expect(response.status).toBe(400);
      expect(response.body).toEqual({
        statusCode: 400,
        code: 'validation_failed',
        message: expect.stringMatching(message),
      });
    });

    it('answers 401 without a session or token', async () => {
      expect((await api.anonymous().get('/api/events')).status).toBe(401);
    });
  });

  describe('GET /api/health', () => {
    it('answers 200 with database and Redis up, without logging in', async () => {
      const response = await api.anonymous().get('/api/health');
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ status: 'ok', database: 'up', redis: 'up' });
    });

    it('answers 503 with redis down when Redis cannot be reached', async () => {
      const degraded = await startApi({ REDIS_URL: 'redis://127.0.0.1:1' });
      try {
        const response = await degraded.anonymous().get('/api/health');
        expect(response.status).toBe(503);
        expect(response.body).toEqual({ status: 'degraded', database: 'up', redis: 'down' });
      } finally {
        await degraded.close();
      }
    });
  });

  describe('API documentation', () => {
    let paths: Record<string, Record<string, Operation>>;
    beforeAll(async () => {
      const response = await api.user.get('/docs/openapi.json');
      expect(response.status).toBe(200);
      paths = response.body.paths;
    });

    const CONTRACT: [string, string][] = [
      ['get', '/api/configs'],
      ['post', '/api/configs'],
      ['get', '/api/configs/{id}'],
      ['patch', '/api/configs/{id}'],
      ['delete', '/api/configs/{id}'],
      ['get', '/api/tags'],
      ['post', '/api/tags'],
      ['get', '/api/tags/{id}'],
      ['patch', '/api/tags/{id}'],
      ['delete', '/api/tags/{id}'],
      ['get', '/api/{owner}/{id}/modules'],
      ['post', '/api/{owner}/{id}/modules'],
      ['patch', '/api/{owner}/{id}/modules/{type}'],
      ['delete', '/api/{owner}/{id}/modules/{type}'],
      ['get', '/api/state'],
      ['get', '/api/events'],
      ['post', '/api/auth/login'],
      ['post', '/api/auth/logout'],
      ['get', '/api/auth/me'],
      ['post', '/api/tokens'],
      ['get', '/api/tokens'],
      ['delete', '/api/tokens/{id}'],
      ['get', '/api/health'],
      ['get', '/api/modules'],
      ['get', '/api/history'],
      ['get', '/api/history/{sha}/diff'],
      ['post', '/api/history/{sha}/revert'],
    ];
    /** Writes that take no body. */
    const BODILESS = ['post /api/auth/logout', 'post /api/history/{sha}/revert'];

    it('lists every route of the public contract', () => {
      const documented = Object.entries(paths).flatMap(([path, methods]) =>
        Object.keys(methods).map((method) => `${method} ${path}`),
      );
      expect(documented).toEqual(expect.arrayContaining(CONTRACT.map(([method, path]) => `${method} ${path}`)));
    });

    it('describes a success response of every route, with a schema for each JSON answer', () => {
      const problems: string[] = [];
      for (const [method, path] of CONTRACT) {
        const responses = Object.entries(paths[path]?.[method]?.responses ?? {}).filter(([status]) =>
          /^2\d\d$/.test(status),
        );
        if (responses.length === 0) problems.push(`${method} ${path}: no success response`);
        for (const [status, response] of responses) {
          if (status === '204') continue;
          if (!response.content?.['application/json']?.schema)
            problems.push(`${method} ${path}: ${status} has no JSON schema`);
        }
      }
      expect(problems).toEqual([]);
    });

    it('describes the request body of every POST and PATCH', () => {
      const problems = CONTRACT.filter(
        ([method, path]) => ['post', 'patch'].includes(method) && !BODILESS.includes(`${method} ${path}`),
      )
        .filter(([method, path]) => !paths[path]?.[method]?.requestBody?.content?.['application/json']?.schema)
        .map(([method, path]) => `${method} ${path}`);
      expect(problems).toEqual([]);
    });

    it('serves the Swagger UI as HTML at /docs', async () => {
      const response = await api.user.get('/docs').redirects(1);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.text).toMatch(/swagger/i);
    });
  });
});
