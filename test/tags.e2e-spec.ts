import type { Response } from 'supertest';
import { startApi, type ApiHarness } from './api-harness';

interface Event {
  position: number;
  streamId: string;
  version: number;
  type: string;
  data: unknown;
  metadata: { actor: string; correlationId: string; at: string };
}

describe('tags', () => {
  let api: ApiHarness;
  beforeAll(async () => (api = await startApi()));
  afterAll(() => api.close());

  const create = (body: object) => api.user.post('/api/tags').send(body);
  const get = (id: string) => api.user.get(`/api/tags/${id}`);
  const patch = (id: string, body: object) => api.user.patch(`/api/tags/${id}`).send(body);
  const head = async () => {
    const { body } = await api.user.get('/api/events?limit=1000').expect(200);
    return body.next as number;
  };
  const eventsAfter = async (position: number): Promise<Event[]> =>
    (await api.user.get(`/api/events?after=${position}&limit=1000`).expect(200)).body.items;

  const refused = (send: () => Promise<Response>) => api.refused(send);

  describe('create', () => {
    it('derives the identifier, gives priority 90 by default and sends the version as ETag', async () => {
      const response = await create({ displayName: 'Lobby Screens' });
      expect(response.status).toBe(201);
      expect(response.body).toEqual({
        identifier: 'lobby-screens',
        displayName: 'Lobby Screens',
        priority: 90,
        modules: [],
        version: 1,
      });
      expect(response.headers.etag).toBe('"1"');
      expect((await get('lobby-screens')).body).toEqual(response.body);
    });

    it('takes an explicit identifier and priority, including the bounds 0 and 1000', async () => {
      const first = await create({ displayName: 'Most important', identifier: 'vip', priority: 0 });
      expect(first.status).toBe(201);
      expect(first.body).toEqual({
        identifier: 'vip',
        displayName: 'Most important',
        priority: 0,
        modules: [],
        version: 1,
      });
      const last = await create({ displayName: 'Least important', priority: 1000 });
      expect(last.status).toBe(201);
      expect(last.body).toMatchObject({ identifier: 'least-important', priority: 1000 });
    });

    it.each<[string, unknown]>([
      ['1.5', 1.5],
      ['-1', -1],
      ['1001', 1001],
      ['"x"', 'x'],
      ['"10"', '10'],
    ])('refuses priority %s with 400 naming priority', async (_, priority) => {
      const response = await refused(() => create({ displayName: 'Bad priority', priority }));
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('validation_failed');
      expect(response.body.message).toMatch(/^priority: /);
      expect((await get('bad-priority')).status).toBe(404);
    });

    it('refuses a duplicate identifier with 409', async () => {
      const response = await refused(() =>
        create({ displayName: 'Lobby screens, again', identifier: 'lobby-screens' }),
      );
      expect(response.status).toBe(409);
      expect(response.body).toEqual({
        statusCode: 409,
        code: 'already_exists',
        message: "identifier: tag 'lobby-screens' already exists",
      });
      expect((await get('lobby-screens')).body).toMatchObject({ displayName: 'Lobby Screens', version: 1 });
    });

    it.each<[string, object, RegExp]>([
      ['an invalid identifier', { displayName: 'Bad', identifier: 'Bad_Id' }, /^identifier: /],
      ['identifier: null', { displayName: 'Null id', identifier: null }, /^identifier: /],
      ['no displayName', { priority: 5 }, /^displayName: /],
      ['displayName: 5', { displayName: 5 }, /^displayName: /],
      ['an unknown field', { displayName: 'Coloured', colour: 'red' }, /^colour: property colour should not exist$/],
    ])('refuses a tag with %s, naming the field', async (_, body, message) => {
      const response = await refused(() => create(body));
      expect(response.status).toBe(400);
      expect(response.body.message).toMatch(message);
    });
  });

  describe('list', () => {
    it('orders tags by priority, then identifier', async () => {
      await create({ displayName: 'Order C', priority: 50 }).expect(201);
      await create({ displayName: 'Order D', priority: 900 }).expect(201);
      await create({ displayName: 'Order A', priority: 5 }).expect(201);
      await create({ displayName: 'Order B', priority: 50 }).expect(201);
      const response = await api.user.get('/api/tags');
      expect(response.status).toBe(200);
      expect(Object.keys(response.body).sort()).toEqual(['items', 'total']);
      expect(response.body.total).toBe(response.body.items.length);
      const listed = response.body.items.map((t: { identifier: string; priority: number }) => [
        t.priority,
        t.identifier,
      ]);
      expect(listed).toEqual([
        [0, 'vip'],
        [5, 'order-a'],
        [50, 'order-b'],
        [50, 'order-c'],
        [90, 'lobby-screens'],
        [900, 'order-d'],
        [1000, 'least-important'],
      ]);
    });
  });

  describe('update', () => {
    it('changes display name and priority, bumps the version and reorders the list', async () => {
      const response = await patch('order-d', { displayName: 'Order D, now first', priority: 1 });
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        identifier: 'order-d',
        displayName: 'Order D, now first',
        priority: 1,
        modules: [],
        version: 2,
      });
      expect(response.headers.etag).toBe('"2"');
      expect((await get('order-d')).body).toEqual(response.body);
      const order = (await api.user.get('/api/tags')).body.items.map((t: { identifier: string }) => t.identifier);
      expect(order.slice(0, 3)).toEqual(['vip', 'order-d', 'order-a']);
    });

    it('keeps the version when nothing changes', async () => {
      const before = await api.eventCount();
      const response = await patch('order-d', { priority: 1 });
      expect(response.status).toBe(200);
      expect(response.body.version).toBe(2);
      expect(await api.eventCount()).toBe(before);
    });

    it.each<[string, unknown]>([
      ['1.5', 1.5],
      ['-1', -1],
      ['1001', 1001],
      ['"x"', 'x'],
    ])('refuses priority %s with 400 naming priority', async (_, priority) => {
      const response = await refused(() => patch('order-d', { priority }));
      expect(response.status).toBe(400);
      expect(response.body.message).toMatch(/^priority: /);
      expect((await get('order-d')).body).toMatchObject({ priority: 1, version: 2 });
    });

    it('refuses a null display name with 400 naming displayName', async () => {
      const response = await refused(() => patch('order-d', { displayName: null }));
      expect(response.status).toBe(400);
      expect(response.body.message).toMatch(/^displayName: /);
    });

    it('refuses a stale If-Match with 412 and accepts the current one', async () => {
      const stale = await refused(() =>
        api.user.patch('/api/tags/order-d').set('If-Match', '"1"').send({ priority: 2 }),
      );
      expect(stale.status).toBe(412);
      expect(stale.body.code).toBe('precondition_failed');
      expect((await get('order-d')).body).toMatchObject({ priority: 1, version: 2 });
      const current = await api.user.patch('/api/tags/order-d').set('If-Match', '"2"').send({ priority: 2 });
      expect(current.status).toBe(200);
      expect(current.body).toMatchObject({ priority: 2, version: 3 });
      expect(current.headers.etag).toBe('"3"');
    });

    it('answers 404 for an unknown tag', async () => {
      const response = await refused(() => patch('no-such-tag', { priority: 3 }));
      expect(response.status).toBe(404);
      expect(response.body).toEqual({
        statusCode: 404,
        code: 'not_found',
        message: "tag 'no-such-tag' does not exist",
      });
    });
  });

  describe('delete', () => {
    const config = (identifier: string, tags: string[]) =>
      api.user
        .post('/api/configs')
        .send({ displayName: identifier, identifier, hardwareModel: 'generic-x86_64', tags })
        .expect(201);
    const getConfig = async (identifier: string) => (await api.user.get(`/api/configs/${identifier}`).expect(200)).body;

    it('removes the tag from every configuration that had it, in the same request', async () => {
      await create({ displayName: 'Retired' }).expect(201);
      await create({ displayName: 'Kept' }).expect(201);
      await config('both-tags', ['kept', 'retired']);
      await config('only-retired', ['retired']);
      await config('only-kept', ['kept']);
      await api.user.patch('/api/configs/only-retired').send({ displayName: 'Only retired' }).expect(200);
      const start = await head();

      const response = await api.user.delete('/api/tags/retired').set('X-Correlation-Id', 'retire-tag-1');
      expect(response.status).toBe(204);

      expect(await getConfig('both-tags')).toMatchObject({ tags: ['kept'], version: 2 });
      expect(await getConfig('only-retired')).toMatchObject({ tags: [], displayName: 'Only retired', version: 3 });
      expect(await getConfig('only-kept')).toMatchObject({ tags: ['kept'], version: 1 });
      const gone = await get('retired');
      expect(gone.status).toBe(404);
      expect(gone.body.code).toBe('not_found');
      expect(
        (await api.user.get('/api/tags')).body.items.map((t: { identifier: string }) => t.identifier),
      ).not.toContain('retired');

      const events = await eventsAfter(start);
      expect(events.map(({ streamId, version, type, data }) => ({ streamId, version, type, data }))).toEqual(
        expect.arrayContaining([
          { streamId: 'config-both-tags', version: 2, type: 'config.updated', data: { tags: ['kept'] } },
          { streamId: 'config-only-retired', version: 3, type: 'config.updated', data: { tags: [] } },
          { streamId: 'tag-retired', version: 1 + 1, type: 'tag.deleted', data: {} },
        ]),
      );
      expect(events).toHaveLength(3);
      expect(events.map((e) => e.metadata.correlationId)).toEqual(['retire-tag-1', 'retire-tag-1', 'retire-tag-1']);
    });

    it('answers 404 for an unknown tag, also for one already deleted', async () => {
      const unknown = await refused(() => api.user.delete('/api/tags/never-was'));
      expect(unknown.status).toBe(404);
      expect(unknown.body).toEqual({ statusCode: 404, code: 'not_found', message: "tag 'never-was' does not exist" });
      expect((await refused(() => api.user.delete('/api/tags/retired'))).status).toBe(404);
    });

    it('refuses a stale If-Match with 412 and leaves the tag on its configurations', async () => {
      await create({ displayName: 'Guarded' }).expect(201);
      await patch('guarded', { priority: 12 }).expect(200);
      await config('guarded-config', ['guarded']);
      const stale = await refused(() => api.user.delete('/api/tags/guarded').set('If-Match', '"1"'));
      expect(stale.status).toBe(412);
      expect(stale.body.code).toBe('precondition_failed');
      expect((await get('guarded')).status).toBe(200);
      expect(await getConfig('guarded-config')).toMatchObject({ tags: ['guarded'], version: 1 });
      await api.user.delete('/api/tags/guarded').set('If-Match', '"2"').expect(204);
      expect(await getConfig('guarded-config')).toMatchObject({ tags: [], version: 2 });
    });

    it('lets a tag be created again after it was deleted', async () => {
      const again = await create({ displayName: 'Retired', priority: 7 });
      expect(again.status).toBe(201);
      expect(again.body).toEqual({
        identifier: 'retired',
        displayName: 'Retired',
        priority: 7,
        modules: [],
        version: 3,
      });
      expect(await getConfig('both-tags')).toMatchObject({ tags: ['kept'] });
    });
  });

  describe('event log', () => {
    it('records one event per change, with who made it, and none for a change that changes nothing', async () => {
      const start = await head();
      await create({ displayName: 'Audited', priority: 40 }).expect(201);
      await patch('audited', { priority: 41 }).expect(200);
      await patch('audited', { priority: 41 }).expect(200);
      await patch('audited', { displayName: 'Audited tag' }).expect(200);
      await api.user.delete('/api/tags/audited').expect(204);
      const events = await eventsAfter(start);
      expect(events.map(({ streamId, version, type, data }) => ({ streamId, version, type, data }))).toEqual([
        {
          streamId: 'tag-audited',
          version: 1,
          type: 'tag.created',
          data: { identifier: 'audited', displayName: 'Audited', priority: 40 },
        },
        { streamId: 'tag-audited', version: 2, type: 'tag.updated', data: { priority: 41 } },
        { streamId: 'tag-audited', version: 3, type: 'tag.updated', data: { displayName: 'Audited tag' } },
        { streamId: 'tag-audited', version: 4, type: 'tag.deleted', data: {} },
      ]);
      expect(events.map((e) => e.position)).toEqual([start + 1, start + 2, start + 3, start + 4]);
      for (const event of events) {
        expect(event.metadata).toEqual({ actor: 'admin', correlationId: expect.any(String), at: expect.any(String) });
        expect(new Date(event.metadata.at).toISOString()).toBe(event.metadata.at);
      }
      expect(new Set(events.map((e) => e.metadata.correlationId)).size).toBe(4);
    });
  });
});
