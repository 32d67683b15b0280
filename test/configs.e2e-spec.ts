import type { Response } from 'supertest';
import { startApi, type ApiHarness } from './api-harness';

/** One module of each of the catalogue's 8 types, each with settings of its own, to show none is lost. */
const EVERY_MODULE_TYPE = (n: number) => [
  { type: 'device', settings: { hostname: `busy-${n}`, controllerUrl: `https://controller-${n}.example` } },
  { type: 'networking', settings: { nameservers: [`10.0.0.${n}`], staticIpv4Addresses: [`192.168.1.${n}/24`] } },
  { type: 'localization', settings: { timeZone: 'Europe/Berlin', ntpServers: [`ntp${n}.example`] } },
  { type: 'security', settings: { authorizedKeys: [`ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${n} busy@${n}`] } },
  { type: 'kiosk', settings: { url: `https://kiosk-${n}.example`, rotation: 'left', enableVnc: true } },
  { type: 'oci-containers', settings: { containers: [{ name: `web${n}`, image: 'nginx:1.27', ports: ['8080:80'] }] } },
  { type: 'bash-service', settings: { script: `echo round ${n}`, packages: ['curl'], timer: 'hourly' } },
  { type: 'custom-nix', settings: { code: `{ ... }:\n{\n  environment.etc."round".text = "${n}";\n}\n` } },
];

describe('configurations', () => {
  let api: ApiHarness;
  beforeAll(async () => (api = await startApi()));
  afterAll(() => api.close());

  const create = (body: object) => api.user.post('/api/configs').send(body);
  const get = (id: string) => api.user.get(`/api/configs/${id}`);
  const patch = (id: string, body: object) => api.user.patch(`/api/configs/${id}`).send(body);

  const refused = (send: () => Promise<Response>) => api.refused(send);

  describe('create', () => {
    it('derives the identifier from the display name and answers the configuration with its version as ETag', async () => {
      const response = await create({ displayName: 'Lobby Kiosk #2', hardwareModel: 'generic-x86_64' });
      expect(response.status).toBe(201);
      expect(response.body).toEqual({
        identifier: 'lobby-kiosk-2',
        displayName: 'Lobby Kiosk #2',
        hardwareModel: 'generic-x86_64',
        imageFormat: 'raw-efi',
        tags: [],
        modules: [],
        version: 1,
      });
      expect(response.headers.etag).toBe('"1"');
    });

    it('uses an explicit identifier instead of deriving one', async () => {
      const response = await create({
        displayName: 'Hall Pi',
        identifier: 'pi-hall-7',
        hardwareModel: 'raspberry-pi-4',
      });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        identifier: 'pi-hall-7',
        displayName: 'Hall Pi',
        imageFormat: 'sd-card-image',
      });
      expect((await get('pi-hall-7')).status).toBe(200);
      expect((await get('hall-pi')).status).toBe(404);
    });

    it.each([
      ['generic-x86_64', 'raw-efi'],
      ['generic-aarch64', 'raw-efi'],
      ['raspberry-pi-3', 'sd-card-image'],
      ['raspberry-pi-4', 'sd-card-image'],
      ['raspberry-pi-5', 'sd-card-image'],
    ])('defaults the image format of a %s to %s', async (hardwareModel, imageFormat) => {
      const identifier = `default-format-${hardwareModel.replace(/_/g, '-')}`;
      const response = await create({ displayName: 'Default format', identifier, hardwareModel });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({ identifier, hardwareModel, imageFormat });
    });

    it('keeps an image format the hardware model can boot from', async () => {
      const response = await create({ displayName: 'Installer', hardwareModel: 'generic-x86_64', imageFormat: 'iso' });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({ identifier: 'installer', imageFormat: 'iso' });
    });

    it('refuses a duplicate identifier, given or derived, with 409 and writes nothing', async () => {
      await create({ displayName: 'Twin', identifier: 'twin', hardwareModel: 'generic-x86_64' }).expect(201);
      const given = await refused(() =>
        create({ displayName: 'Other', identifier: 'twin', hardwareModel: 'raspberry-pi-5' }),
      );
      expect(given.body).toEqual({
        statusCode: 409,
        code: 'already_exists',
        message: "identifier: configuration 'twin' already exists",
      });
      const derived = await refused(() => create({ displayName: 'TWIN', hardwareModel: 'generic-aarch64' }));
      expect(derived.status).toBe(409);
      expect((await get('twin')).body).toMatchObject({
        displayName: 'Twin',
        hardwareModel: 'generic-x86_64',
        version: 1,
      });
    });

    it('refuses an unknown hardware model, naming hardwareModel', async () => {
      const response = await refused(() => create({ displayName: 'Toaster', hardwareModel: 'toaster-3000' }));
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('validation_failed');
      expect(response.body.message).toMatch(/^hardwareModel: /);
      expect((await get('toaster')).status).toBe(404);
    });

    it('refuses an image format the hardware model cannot boot from, naming imageFormat', async () => {
      const response = await refused(() =>
        create({ displayName: 'Pi iso', hardwareModel: 'raspberry-pi-4', imageFormat: 'iso' }),
      );
      expect(response.status).toBe(400);
      expect(response.body.message).toMatch(/^imageFormat: /);
      const unknown = await refused(() =>
        create({ displayName: 'Floppy', hardwareModel: 'generic-x86_64', imageFormat: 'floppy' }),
      );
      expect(unknown.status).toBe(400);
      expect(unknown.body.message).toMatch(/^imageFormat: /);
    });

    it.each(['Upper', 'under_score', '1st', '-dash', 'white space', 'ä-umlaut', 'a'.repeat(64), ''])(
      'refuses the identifier %p, naming identifier',
      async (identifier) => {
        const response = await refused(() =>
          create({ displayName: 'Valid name', identifier, hardwareModel: 'generic-x86_64' }),
        );
        expect(response.status).toBe(400);
        expect(response.body.message).toMatch(/^identifier: /);
      },
    );

    it('refuses a display name that yields no identifier, naming displayName', async () => {
      const response = await refused(() => create({ displayName: '#42 !', hardwareModel: 'generic-x86_64' }));
      expect(response.status).toBe(400);
      expect(response.body.message).toMatch(/^displayName: /);
    });

    it('refuses a tag that does not exist, naming tags', async () => {
      const response = await refused(() =>
        create({ displayName: 'Tagged', hardwareModel: 'generic-x86_64', tags: ['nope'] }),
      );
      expect(response.status).toBe(400);
      expect(response.body).toEqual({ statusCode: 400, code: 'validation_failed', message: "tags: no tag 'nope'" });
      expect((await get('tagged')).status).toBe(404);
    });

    it('accepts existing tags, in the order given', async () => {
      await api.user.post('/api/tags').send({ displayName: 'Screens' }).expect(201);
      await api.user.post('/api/tags').send({ displayName: 'Lobby' }).expect(201);
      const response = await create({
        displayName: 'Tagged',
        hardwareModel: 'generic-x86_64',
        tags: ['screens', 'lobby'],
      });
      expect(response.status).toBe(201);
      expect(response.body.tags).toEqual(['screens', 'lobby']);
      expect((await get('tagged')).body.tags).toEqual(['screens', 'lobby']);
    });

    it('refuses the same tag twice, naming tags', async () => {
      const response = await refused(() =>
        create({ displayName: 'Twice', hardwareModel: 'generic-x86_64', tags: ['screens', 'screens'] }),
      );
      expect(response.status).toBe(400);
      expect(response.body.message).toMatch(/^tags: /);
    });
  });

  describe('read', () => {
    it('lists every configuration as {items, total}, sorted by identifier', async () => {
      const response = await api.user.get('/api/configs');
      expect(response.status).toBe(200);
      expect(Object.keys(response.body).sort()).toEqual(['items', 'total']);
      const identifiers = response.body.items.map((c: { identifier: string }) => c.identifier);
      expect(response.body.total).toBe(identifiers.length);
      expect(identifiers).toEqual([...identifiers].sort());
      expect(identifiers).toEqual(
        expect.arrayContaining(['lobby-kiosk-2', 'pi-hall-7', 'installer', 'twin', 'tagged']),
      );
      expect(response.body.items.find((c: { identifier: string }) => c.identifier === 'lobby-kiosk-2')).toEqual({
        identifier: 'lobby-kiosk-2',
        displayName: 'Lobby Kiosk #2',
        hardwareModel: 'generic-x86_64',
        imageFormat: 'raw-efi',
        tags: [],
        modules: [],
        version: 1,
      });
    });

    it('gets one configuration with its version as ETag', async () => {
      const response = await get('pi-hall-7');
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        identifier: 'pi-hall-7',
        displayName: 'Hall Pi',
        hardwareModel: 'raspberry-pi-4',
        imageFormat: 'sd-card-image',
        tags: [],
        modules: [],
        version: 1,
      });
      expect(response.headers.etag).toBe('"1"');
    });

    it('answers 404 for an unknown configuration', async () => {
      const response = await get('no-such-config');
      expect(response.status).toBe(404);
      expect(response.body).toEqual({
        statusCode: 404,
        code: 'not_found',
        message: "configuration 'no-such-config' does not exist",
      });
    });
  });

  describe('update', () => {
    beforeAll(() =>
      create({ displayName: 'Patch me', hardwareModel: 'generic-x86_64', imageFormat: 'qcow' }).expect(201),
    );

    it('changes the fields given, bumps the version, and an immediate GET shows the change', async () => {
      const response = await patch('patch-me', { displayName: 'Patched', tags: ['lobby'] });
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        identifier: 'patch-me',
        displayName: 'Patched',
        hardwareModel: 'generic-x86_64',
        imageFormat: 'qcow',
        tags: ['lobby'],
        modules: [],
        version: 2,
      });
      expect(response.headers.etag).toBe('"2"');
      const read = await get('patch-me');
      expect(read.body).toEqual(response.body);
      expect(read.headers.etag).toBe('"2"');
    });

    it("resets an image format the new hardware model cannot boot from to the model's default", async () => {
      const response = await patch('patch-me', { hardwareModel: 'raspberry-pi-5' });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        hardwareModel: 'raspberry-pi-5',
        imageFormat: 'sd-card-image',
        version: 3,
      });
      expect((await get('patch-me')).body).toMatchObject({
        hardwareModel: 'raspberry-pi-5',
        imageFormat: 'sd-card-image',
      });
    });

    it('keeps the version and writes no event when nothing changes', async () => {
      const before = await api.eventCount();
      const same = await patch('patch-me', {
        displayName: 'Patched',
        hardwareModel: 'raspberry-pi-5',
        tags: ['lobby'],
      });
      expect(same.status).toBe(200);
      expect(same.body.version).toBe(3);
      expect(same.headers.etag).toBe('"3"');
      const empty = await patch('patch-me', {});
      expect(empty.status).toBe(200);
      expect(empty.body.version).toBe(3);
      expect(await api.eventCount()).toBe(before);
    });

    it('refuses a stale If-Match with 412 and writes nothing', async () => {
      const response = await refused(() =>
        api.user.patch('/api/configs/patch-me').set('If-Match', '"2"').send({ displayName: 'Lost' }),
      );
      expect(response.status).toBe(412);
      expect(response.body.code).toBe('precondition_failed');
      expect((await get('patch-me')).body).toMatchObject({ displayName: 'Patched', version: 3 });
    });

    it('accepts the current version in If-Match, quoted, weak or bare', async () => {
      const quoted = await api.user.patch('/api/configs/patch-me').set('If-Match', '"3"').send({ displayName: 'Four' });
      expect(quoted.status).toBe(200);
      expect(quoted.body).toMatchObject({ displayName: 'Four', version: 4 });
      const weak = await api.user.patch('/api/configs/patch-me').set('If-Match', 'W/"4"').send({ displayName: 'Five' });
      expect(weak.status).toBe(200);
      expect(weak.body.version).toBe(5);
      const bare = await api.user.patch('/api/configs/patch-me').set('If-Match', '5').send({ displayName: 'Six' });
      expect(bare.status).toBe(200);
      expect(bare.body.version).toBe(6);
    });

    it('refuses an If-Match header that is no version with 400', async () => {
      for (const header of ['garbage', '"-1"', '"1.5"', '"3", "4"', '1e3x']) {
        const response = await refused(() =>
          api.user.patch('/api/configs/patch-me').set('If-Match', header).send({ displayName: 'X' }),
        );
        expect({ header, status: response.status }).toEqual({ header, status: 400 });
        expect(response.body.message).toMatch(/^If-Match: /);
      }
    });

    it('refuses an empty If-Match version with 400 rather than reading it as version 0', async () => {
      for (const header of ['""', '"', 'W/""', 'W/']) {
        const response = await refused(() =>
          api.user.patch('/api/configs/patch-me').set('If-Match', header).send({ displayName: 'X' }),
        );
        expect({ header, status: response.status }).toEqual({ header, status: 400 });
        expect(response.body.message).toMatch(/^If-Match: /);
      }
    });

    it('answers 404 for an unknown configuration', async () => {
      const response = await refused(() => patch('no-such-config', { displayName: 'Ghost' }));
      expect(response.status).toBe(404);
    });

    it('refuses an unknown tag, naming tags', async () => {
      const response = await refused(() => patch('patch-me', { tags: ['lobby', 'ghost'] }));
      expect(response.status).toBe(400);
      expect(response.body.message).toBe("tags: no tag 'ghost'");
    });

    it('refuses an identifier change as an unknown field', async () => {
      const response = await refused(() => patch('patch-me', { identifier: 'renamed' }));
      expect(response.status).toBe(400);
      expect(response.body.message).toBe('identifier: property identifier should not exist');
    });
  });

  describe('delete', () => {
    it('deletes with 204, after which the configuration is gone', async () => {
      await create({ displayName: 'Doomed', hardwareModel: 'generic-aarch64' }).expect(201);
      const response = await api.user.delete('/api/configs/doomed');
      expect(response.status).toBe(204);
      expect(response.text).toBe('');
      expect((await get('doomed')).status).toBe(404);
      const list = await api.user.get('/api/configs');
      expect(list.body.items.map((c: { identifier: string }) => c.identifier)).not.toContain('doomed');
    });

    it('answers 404 for an unknown configuration, also the second time', async () => {
      const unknown = await refused(() => api.user.delete('/api/configs/never-was'));
      expect(unknown.status).toBe(404);
      expect(unknown.body).toEqual({
        statusCode: 404,
        code: 'not_found',
        message: "configuration 'never-was' does not exist",
      });
      expect((await refused(() => api.user.delete('/api/configs/doomed'))).status).toBe(404);
    });

    it('refuses a stale If-Match with 412 and keeps the configuration', async () => {
      await create({ displayName: 'Guarded', hardwareModel: 'generic-x86_64' }).expect(201);
      await patch('guarded', { displayName: 'Guarded 2' }).expect(200);
      const stale = await refused(() => api.user.delete('/api/configs/guarded').set('If-Match', '"1"'));
      expect(stale.status).toBe(412);
      expect((await get('guarded')).status).toBe(200);
      await api.user.delete('/api/configs/guarded').set('If-Match', '"2"').expect(204);
      expect((await get('guarded')).status).toBe(404);
    });

    it('creates a configuration again under an identifier that was deleted, starting afresh', async () => {
      await create({ displayName: 'Phoenix', hardwareModel: 'generic-x86_64', imageFormat: 'iso' }).expect(201);
      await api.user
        .post('/api/configs/phoenix/modules')
        .send({ type: 'kiosk', settings: { url: 'https://a.example' } })
        .expect(201);
      await api.user.delete('/api/configs/phoenix').expect(204);
      const again = await create({ displayName: 'Phoenix', hardwareModel: 'raspberry-pi-3' });
      expect(again.status).toBe(201);
      expect(again.body).toEqual({
        identifier: 'phoenix',
        displayName: 'Phoenix',
        hardwareModel: 'raspberry-pi-3',
        imageFormat: 'sd-card-image',
        tags: [],
        modules: [],
        version: 4,
      });
      expect(again.headers.etag).toBe('"4"');
      expect((await get('phoenix')).body).toEqual(again.body);
    });
  });

  describe('bad input: a 4xx naming the problem, never a 5xx, never a partial write', () => {
    beforeAll(() => create({ displayName: 'Target', hardwareModel: 'generic-x86_64' }).expect(201));

    const rawJson = (method: 'post' | 'patch', url: string, text: string) =>
      api.user[method](url).set('Content-Type', 'application/json').send(text);

    it.each([
      ['POST', () => rawJson('post', '/api/configs', '{"displayName": "Broken", ')],
      ['PATCH', () => rawJson('patch', '/api/configs/target', '{displayName: "unquoted"}')],
    ])('answers malformed JSON on %s with 400 malformed_json', async (_, send) => {
      const response = await refused(send);
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('malformed_json');
      expect(response.body.message).toMatch(/^body: /);
    });

    it('answers a body over 1 MB with 413', async () => {
      const huge = { displayName: 'Huge', hardwareModel: 'generic-x86_64', tags: ['x'.repeat(1024 * 1024 + 1)] };
      const response = await refused(() => create(huge));
      expect(response.status).toBe(413);
      expect(response.body.code).toBe('payload_too_large');
      expect((await get('huge')).status).toBe(404);
    });

    it('refuses an unknown field, naming it', async () => {
      const created = await refused(() =>
        create({ displayName: 'Extra', hardwareModel: 'generic-x86_64', colour: 'red' }),
      );
      expect(created.status).toBe(400);
      expect(created.body.message).toBe('colour: property colour should not exist');
      expect((await get('extra')).status).toBe(404);
      const patched = await refused(() => patch('target', { displayName: 'Changed', version: 7 }));
      expect(patched.status).toBe(400);
      expect(patched.body.message).toBe('version: property version should not exist');
      expect((await get('target')).body.displayName).toBe('Target');
    });

    it.each<[string, object, RegExp]>([
      ['displayName: 5', { displayName: 5, hardwareModel: 'generic-x86_64' }, /^displayName: /],
      ['displayName missing', { hardwareModel: 'generic-x86_64' }, /^displayName: /],
      ['displayName too long', { displayName: 'x'.repeat(201), hardwareModel: 'generic-x86_64' }, /^displayName: /],
      [
        'blank displayName',
        { displayName: '   ', identifier: 'blank', hardwareModel: 'generic-x86_64' },
        /^displayName: /,
      ],
      ['hardwareModel missing', { displayName: 'No model' }, /^hardwareModel: /],
      ['hardwareModel: true', { displayName: 'Bool model', hardwareModel: true }, /^hardwareModel: /],
      ['identifier: 7', { displayName: 'Number id', identifier: 7, hardwareModel: 'generic-x86_64' }, /^identifier: /],
      [
        'identifier: null',
        { displayName: 'Null id', identifier: null, hardwareModel: 'generic-x86_64' },
        /^identifier: /,
      ],
      [
        'imageFormat: 1',
        { displayName: 'Num format', hardwareModel: 'generic-x86_64', imageFormat: 1 },
        /^imageFormat: /,
      ],
      ['tags: "screens"', { displayName: 'String tags', hardwareModel: 'generic-x86_64', tags: 'screens' }, /^tags: /],
      ['tags: [1]', { displayName: 'Number tags', hardwareModel: 'generic-x86_64', tags: [1] }, /^tags/],
    ])('refuses a create with %s, naming the field', async (_, body, message) => {
      const response = await refused(() => create(body));
      expect(response.status).toBe(400);
      expect(response.body.message).toMatch(message);
    });

    it.each<[string, object, RegExp]>([
      ['displayName: 5', { displayName: 5 }, /^displayName: /],
      ['displayName: null', { displayName: null }, /^displayName: /],
      ['blank displayName', { displayName: '' }, /^displayName: /],
      ['hardwareModel: "pdp-11"', { hardwareModel: 'pdp-11' }, /^hardwareModel: /],
      ['hardwareModel: null', { hardwareModel: null }, /^hardwareModel: /],
      ['imageFormat: "sd-card-image"', { imageFormat: 'sd-card-image' }, /^imageFormat: /],
      ['tags: null', { tags: null }, /^tags: /],
      ['tags: {}', { tags: {} }, /^tags: /],
    ])('refuses a patch with %s, naming the field', async (_, body, message) => {
      const response = await refused(() => patch('target', body));
      expect(response.status).toBe(400);
      expect(response.body.message).toMatch(message);
      expect((await get('target')).body).toMatchObject({ displayName: 'Target', imageFormat: 'raw-efi', version: 1 });
    });

    it('refuses a JSON array or an empty body as a configuration', async () => {
      const array = await refused(() =>
        rawJson('post', '/api/configs', '[{"displayName":"In array","hardwareModel":"generic-x86_64"}]'),
      );
      expect(array.status).toBe(400);
      const empty = await refused(() => api.user.post('/api/configs'));
      expect(empty.status).toBe(400);
      expect(empty.body.message).toMatch(/displayName: /);
    });

    const UNSTORABLE = 'must not contain NUL or unpaired surrogate characters';

    it.each<[string, () => Promise<Response>]>([
      ['GET', () => api.user.get('/api/configs/%00')],
      ['GET in the middle', () => api.user.get('/api/configs/a%00b')],
      ['PATCH', () => api.user.patch('/api/configs/target%00').send({ displayName: 'Nul' })],
      ['DELETE', () => api.user.delete('/api/configs/%00')],
      ['GET of modules', () => api.user.get('/api/configs/%00/modules')],
    ])('refuses a path with an encoded NUL on %s with 400 naming the path', async (_, send) => {
      const response = await refused(send);
      expect(response.body).toEqual({ statusCode: 400, code: 'validation_failed', message: `path: ${UNSTORABLE}` });
    });

    it('refuses a path that is not valid percent-encoding with 400 naming the path', async () => {
      const response = await refused(() => api.user.get('/api/configs/%ED%A0%80'));
      expect(response.status).toBe(400);
      expect(response.body.message).toMatch(/^path: /);
    });

    it.each<[string, () => Promise<Response>, string]>([
      [
        'a NUL in displayName',
        () => create({ displayName: 'a\u0000b', hardwareModel: 'generic-x86_64' }),
        'displayName',
      ],
      [
        'a lone high surrogate',
        () => create({ displayName: 'a\ud800b', hardwareModel: 'generic-x86_64' }),
        'displayName',
      ],
      ['a lone low surrogate', () => create({ displayName: '\udc00', hardwareModel: 'generic-x86_64' }), 'displayName'],
      [
        'a NUL in a tag',
        () => create({ displayName: 'Nul tag', hardwareModel: 'generic-x86_64', tags: ['a\u0000'] }),
        'tags.0',
      ],
      ['a NUL in a patch', () => patch('target', { displayName: 'x\u0000' }), 'displayName'],
      [
        'a NUL in a setting value',
        () =>
          api.user
            .post('/api/configs/target/modules')
            .send({ type: 'kiosk', settings: { url: 'https://a\u0000.example' } }),
        'settings.url',
      ],
      [
        'a lone surrogate in a nested setting',
        () =>
          api.user
            .post('/api/configs/target/modules')
            .send({ type: 'oci-containers', settings: { containers: [{ name: 'web', image: 'nginx\ud83d' }] } }),
        'settings.containers.0.image',
      ],
    ])('refuses %s with 400 naming the field', async (_, send, field) => {
      const response = await refused(send);
      expect(response.body).toEqual({ statusCode: 400, code: 'validation_failed', message: `${field}: ${UNSTORABLE}` });
      expect((await get('target')).body).toMatchObject({ displayName: 'Target', modules: [], version: 1 });
    });

    it('refuses a NUL in a field name, naming the object that holds it', async () => {
      const response = await refused(() =>
        api.user.post('/api/configs/target/modules').send({ type: 'kiosk', settings: { 'u\u0000rl': 'x' } }),
      );
      expect(response.body.message).toBe(`settings: field names ${UNSTORABLE}`);
    });

    it('keeps a well-formed surrogate pair', async () => {
      const response = await create({
        displayName: 'Rocket \ud83d\ude80',
        identifier: 'rocket',
        hardwareModel: 'generic-x86_64',
      });
      expect(response.status).toBe(201);
      expect(response.body.displayName).toBe('Rocket 🚀');
    });

    it.each([
      ['33 levels', 33],
      ['5000 levels', 5000],
      ['400000 levels', 400_000],
    ])('refuses a body nested %s deep with 400 and no overflow', async (_, depth) => {
      const text = `{"displayName":${'['.repeat(depth - 1)}${']'.repeat(depth - 1)},"hardwareModel":"generic-x86_64"}`;
      const response = await refused(() => rawJson('post', '/api/configs', text));
      expect(response.body).toEqual({
        statusCode: 400,
        code: 'validation_failed',
        message: 'body: nested deeper than 32 levels',
      });
    });

    it('lets a body nested 32 levels deep through to validation', async () => {
      const text = `{"displayName":${'['.repeat(31)}${']'.repeat(31)},"hardwareModel":"generic-x86_64"}`;
      const response = await refused(() => rawJson('post', '/api/configs', text));
      expect(response.body.message).toMatch(/^displayName: /);
    });

    it.each(['gzip', 'deflate', 'br'])(
      'answers a body that is not %s-encoded although it says so with 400 naming the body',
      async (encoding) => {
        const response = await refused(() =>
          api.user
            .post('/api/configs')
            .set('Content-Type', 'application/json')
            .set('Content-Encoding', encoding)
            .send('{"displayName":"Zipped","hardwareModel":"generic-x86_64"}'),
        );
        expect(response.status).toBe(400);
        expect(response.body.code).toBe('bad_request');
        expect(response.body.message).toBe(`body: not valid ${encoding} data, as its Content-Encoding says it is`);
        expect((await get('zipped')).status).toBe(404);
      },
    );
  });

  describe('concurrent writes', () => {
    // Three rounds, each on a configuration of its own: one round can get lucky with the timing.
    it.each([1, 2, 3])(
      'loses no update when 8 modules are added at once without If-Match (round %i)',
      async (round) => {
        const id = `busy-${round}`;
        await create({ displayName: 'Busy', identifier: id, hardwareModel: 'generic-x86_64' }).expect(201);
        const modules = EVERY_MODULE_TYPE(round);
        const types = modules.map((m) => m.type);
        const responses = await Promise.all(
          modules.map((module) => api.user.post(`/api/configs/${id}/modules`).send(module)),
        );
        expect(responses.map((r) => [r.status, r.body.code])).toEqual(types.map(() => [201, undefined]));
        const read = await get(id);
        expect(read.body.version).toBe(9);
        expect(read.body.modules.map((m: { type: string }) => m.type).sort()).toEqual([...types].sort());
        expect(read.body.modules).toEqual(expect.arrayContaining(modules));
      },
    );
  });
});
