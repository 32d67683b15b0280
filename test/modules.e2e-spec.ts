import type { Response } from 'supertest';
import { startApi, type ApiHarness } from './api-harness';

const ALICE_KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGtQzJ0oCQ5Lq1tS1Jw3bE9cV8r5nZx2pQ7mY4kH6fD3 alice@laptop';

describe('modules on configurations and tags', () => {
  let api: ApiHarness;
  beforeAll(async () => (api = await startApi()));
  afterAll(() => api.close());

  const refused = (send: () => Promise<Response>) => api.refused(send);

  it('answers 404 for an owner kind that does not exist', async () => {
    const list = await refused(() => api.user.get('/api/devices2/x/modules'));
    expect(list.status).toBe(404);
    expect(list.body.code).toBe('not_found');
    const add = await refused(() => api.user.post('/api/devices2/x/modules').send({ type: 'kiosk' }));
    expect(add.status).toBe(404);
    expect((await refused(() => api.user.patch('/api/devices2/x/modules/kiosk').send({ settings: {} }))).status).toBe(
      404,
    );
    expect((await refused(() => api.user.delete('/api/devices2/x/modules/kiosk'))).status).toBe(404);
  });

  describe.each([
    {
      owner: 'configs',
      what: 'configuration',
      create: (identifier: string) => ({ displayName: identifier, identifier, hardwareModel: 'raspberry-pi-4' }),
      fields: (identifier: string) => ({
        identifier,
        displayName: identifier,
        hardwareModel: 'raspberry-pi-4',
        imageFormat: 'sd-card-image',
        tags: [],
      }),
    },
    {
      owner: 'tags',
      what: 'tag',
      create: (identifier: string) => ({ displayName: identifier, identifier, priority: 30 }),
      fields: (identifier: string) => ({ identifier, displayName: identifier, priority: 30 }),
    },
  ])('on $owner', ({ owner, what, create, fields }) => {
    let counter = 0;
    /** A new owner for each test, so that tests do not depend on each other. */
    const fresh = async () => {
      const identifier = `${owner}-host-${++counter}`;
      await api.user.post(`/api/${owner}`).send(create(identifier)).expect(201);
      return identifier;
    };
    const modules = (id: string) => `/api/${owner}/${id}/modules`;
    const add = (id: string, body: object) => api.user.post(modules(id)).send(body);
    const list = async (id: string) => (await api.user.get(modules(id)).expect(200)).body;

    it('adds a module with 201, answering the whole owner with a bumped version', async () => {
      const id = await fresh();
      const settings = { url: 'https://example.org', rotation: 'left', enableVnc: true };
      const response = await add(id, { type: 'kiosk', settings });
      expect(response.status).toBe(201);
      expect(response.body).toEqual({
        ...fields(id),
        modules: [{ type: 'kiosk', settings }],
        version: 2,
      });
      expect(response.headers.etag).toBe('"2"');
      expect((await api.user.get(`/api/${owner}/${id}`)).body).toEqual(response.body);
    });

    it('lists the modules as {items}, in the order they were added, settings empty when none were given', async () => {
      const id = await fresh();
      expect(await list(id)).toEqual({ items: [] });
      await add(id, { type: 'security' }).expect(201);
      await add(id, { type: 'kiosk', settings: { url: 'https://example.org' } }).expect(201);
      expect(await list(id)).toEqual({
        items: [
          { type: 'security', settings: {} },
          { type: 'kiosk', settings: { url: 'https://example.org' } },
        ],
      });
    });

    it('merges changed settings, and null returns a setting to its default', async () => {
      const id = await fresh();
      await add(id, { type: 'kiosk', settings: { url: 'https://example.org', rotation: 'left' } }).expect(201);
      const merged = await api.user
        .patch(`${modules(id)}/kiosk`)
        .send({ settings: { rotation: 'inverted', vncPort: 5901 } });
      expect(merged.status).toBe(200);
      expect(merged.body).toMatchObject({
        modules: [{ type: 'kiosk', settings: { url: 'https://example.org', rotation: 'inverted', vncPort: 5901 } }],
        version: 3,
      });
      expect(merged.headers.etag).toBe('"3"');
      const reset = await api.user.patch(`${modules(id)}/kiosk`).send({ settings: { url: null } });
      expect(reset.status).toBe(200);
      expect(reset.body.modules).toEqual([{ type: 'kiosk', settings: { rotation: 'inverted', vncPort: 5901 } }]);
      expect(reset.body.version).toBe(4);
      expect(await list(id)).toEqual({ items: [{ type: 'kiosk', settings: { rotation: 'inverted', vncPort: 5901 } }] });
    });

    it('keeps the version when a settings patch changes nothing', async () => {
      const id = await fresh();
      await add(id, { type: 'kiosk', settings: { url: 'https://example.org' } }).expect(201);
      const before = await api.eventCount();
      const response = await api.user
        .patch(`${modules(id)}/kiosk`)
        .send({ settings: { url: 'https://example.org', vncPassword: null } });
      expect(response.status).toBe(200);
      expect(response.body.version).toBe(2);
      expect(await api.eventCount()).toBe(before);
    });

    it('removes a module, answering the owner without it', async () => {
      const id = await fresh();
      await add(id, { type: 'security' }).expect(201);
      await add(id, { type: 'kiosk' }).expect(201);
      const response = await api.user.delete(`${modules(id)}/security`);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ ...fields(id), modules: [{ type: 'kiosk', settings: {} }], version: 4 });
      expect(await list(id)).toEqual({ items: [{ type: 'kiosk', settings: {} }] });
      await add(id, { type: 'security', settings: { authorizedKeys: [ALICE_KEY] } }).expect(201);
      expect((await list(id)).items).toEqual([
        { type: 'kiosk', settings: {} },
        { type: 'security', settings: { authorizedKeys: [ALICE_KEY] } },
      ]);
    });

    it('refuses a second module of the same type with 409', async () => {
      const id = await fresh();
      await add(id, { type: 'kiosk', settings: { url: 'https://a.example' } }).expect(201);
      const response = await refused(() => add(id, { type: 'kiosk', settings: { url: 'https://b.example' } }));
      expect(response.status).toBe(409);
      expect(response.body.code).toBe('already_exists');
      expect(await list(id)).toEqual({ items: [{ type: 'kiosk', settings: { url: 'https://a.example' } }] });
    });

    it('answers 404 when changing or removing a module the owner does not have', async () => {
      const id = await fresh();
      const changed = await refused(() => api.user.patch(`${modules(id)}/kiosk`).send({ settings: { url: 'x' } }));
      expect(changed.status).toBe(404);
      expect(changed.body).toEqual({
        statusCode: 404,
        code: 'not_found',
        message: `${what} '${id}' has no module 'kiosk'`,
      });
      const removed = await refused(() => api.user.delete(`${modules(id)}/kiosk`));
      expect(removed.status).toBe(404);
      expect(removed.body.message).toBe(`${what} '${id}' has no module 'kiosk'`);
    });

    it.each(['Bad Type', 'Kiosk', '1kiosk', '', 'kiosk!'])(
      'refuses the module type %p with 400 naming type',
      async (type) => {
        const id = await fresh();
        const response = await refused(() => add(id, { type }));
        expect(response.status).toBe(400);
        expect(response.body.message).toMatch(/^type: /);
        expect(await list(id)).toEqual({ items: [] });
      },
    );

    it.each<[string, unknown]>([
      ['an array', ['url', 'https://example.org']],
      ['a string', 'url=https://example.org'],
      ['a number', 42],
    ])('refuses settings that are %s with 400 naming settings', async (_, settings) => {
      const id = await fresh();
      const added = await refused(() => add(id, { type: 'kiosk', settings }));
      expect(added.status).toBe(400);
      expect(added.body.message).toMatch(/^settings: /);
      await add(id, { type: 'kiosk', settings: { url: 'https://example.org' } }).expect(201);
      const changed = await refused(() => api.user.patch(`${modules(id)}/kiosk`).send({ settings }));
      expect(changed.status).toBe(400);
      expect(changed.body.message).toMatch(/^settings: /);
      expect(await list(id)).toEqual({ items: [{ type: 'kiosk', settings: { url: 'https://example.org' } }] });
    });

    it('refuses a settings patch without settings, naming settings', async () => {
      const id = await fresh();
      await add(id, { type: 'kiosk' }).expect(201);
      for (const body of [{}, { settings: null }]) {
        const response = await refused(() => api.user.patch(`${modules(id)}/kiosk`).send(body));
        expect(response.status).toBe(400);
        expect(response.body.message).toMatch(/^settings: /);
      }
    });

    it.each(['__proto__', 'bad name', '1st', ''])('refuses the setting name %p with 400', async (name) => {
      const id = await fresh();
      const json = (settings: string) => `{"type":"kiosk","settings":{${settings}}}`;
      const added = await refused(() =>
        api.user
          .post(modules(id))
          .set('Content-Type', 'application/json')
          .send(json(`${JSON.stringify(name)}:{"polluted":true}`)),
      );
      expect(added.status).toBe(400);
      expect(added.body.message).toMatch(/^settings/);
      await add(id, { type: 'kiosk' }).expect(201);
      const changed = await refused(() =>
        api.user
          .patch(`${modules(id)}/kiosk`)
          .set('Content-Type', 'application/json')
          .send(`{"settings":{${JSON.stringify(name)}:{"polluted":true}}}`),
      );
      expect(changed.status).toBe(400);
      expect(changed.body.message).toMatch(/^settings/);
      expect(await list(id)).toEqual({ items: [{ type: 'kiosk', settings: {} }] });
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });

    it('refuses an unknown field in a module request, naming it', async () => {
      const id = await fresh();
      const response = await refused(() => add(id, { type: 'kiosk', enabled: true }));
      expect(response.status).toBe(400);
      expect(response.body.message).toBe('enabled: property enabled should not exist');
    });

    it(`answers 404 for a ${what} that does not exist`, async () => {
      const missing = `/api/${owner}/no-such-owner/modules`;
      const listed = await refused(() => api.user.get(missing));
      expect(listed.status).toBe(404);
      expect(listed.body).toEqual({
        statusCode: 404,
        code: 'not_found',
        message: `${what} 'no-such-owner' does not exist`,
      });
      expect((await refused(() => api.user.post(missing).send({ type: 'kiosk' }))).status).toBe(404);
      expect((await refused(() => api.user.patch(`${missing}/kiosk`).send({ settings: {} }))).status).toBe(404);
      expect((await refused(() => api.user.delete(`${missing}/kiosk`))).status).toBe(404);
    });

    it("refuses a stale If-Match with 412 on every write and accepts the owner's current version", async () => {
      const id = await fresh();
      await add(id, { type: 'kiosk', settings: { url: 'https://example.org' } }).expect(201);
      const stale = '"1"';
      const adding = await refused(() => api.user.post(modules(id)).set('If-Match', stale).send({ type: 'security' }));
      expect(adding.status).toBe(412);
      expect(adding.body.code).toBe('precondition_failed');
      const changing = await refused(() =>
        api.user
          .patch(`${modules(id)}/kiosk`)
          .set('If-Match', stale)
          .send({ settings: { url: null } }),
      );
      expect(changing.status).toBe(412);
      const removing = await refused(() => api.user.delete(`${modules(id)}/kiosk`).set('If-Match', stale));
      expect(removing.status).toBe(412);
      expect(await list(id)).toEqual({ items: [{ type: 'kiosk', settings: { url: 'https://example.org' } }] });

      const current = await api.user.post(modules(id)).set('If-Match', '"2"').send({ type: 'security' });
      expect(current.status).toBe(201);
      expect(current.body.version).toBe(3);
      await api.user
        .patch(`${modules(id)}/security`)
        .set('If-Match', '"3"')
        .send({ settings: { authorizedKeys: [ALICE_KEY] } })
        .expect(200);
      await api.user
        .delete(`${modules(id)}/security`)
        .set('If-Match', '"4"')
        .expect(200);
    });

    it('records each module change as an event on the owner stream', async () => {
      const id = await fresh();
      const start = (await api.user.get('/api/events?limit=1000')).body.next as number;
      await add(id, { type: 'kiosk', settings: { url: 'https://example.org' } }).expect(201);
      await api.user
        .patch(`${modules(id)}/kiosk`)
        .send({ settings: { url: null, vncPort: 5901 } })
        .expect(200);
      await api.user.delete(`${modules(id)}/kiosk`).expect(200);
      const { items } = (await api.user.get(`/api/events?after=${start}`)).body;
      const kind = owner === 'configs' ? 'config' : 'tag';
      expect(
        items.map(({ streamId, version, type, data }: Record<string, unknown>) => ({ streamId, version, type, data })),
      ).toEqual([
        {
          streamId: `${kind}-${id}`,
          version: 2,
          type: `${kind}.module-added`,
          data: { module: { type: 'kiosk', settings: { url: 'https://example.org' } } },
        },
        {
          streamId: `${kind}-${id}`,
          version: 3,
          type: `${kind}.module-updated`,
          data: { type: 'kiosk', settings: { vncPort: 5901 } },
        },
        { streamId: `${kind}-${id}`, version: 4, type: `${kind}.module-removed`, data: { type: 'kiosk' } },
      ]);
    });
  });
});
