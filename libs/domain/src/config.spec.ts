import { decideConfig, evolveConfig, type ConfigCommand, type ConfigState } from './config';
import type { ConfigEvent, ConfigFields } from './events';
import type { Settings } from './modules';
import { errorOf, expectError } from './testing';

const ID = 'kiosk';

// Events written out by hand, not through the domain's own factories, so a wrong type or schemaVersion shows.
const created = (data: Partial<ConfigFields & { identifier: string }> = {}): ConfigEvent => ({
  type: 'config.created',
  schemaVersion: 1,
  data: {
    identifier: ID,
    displayName: 'Kiosk',
    hardwareModel: 'generic-x86_64',
    imageFormat: 'raw-efi',
    tags: [],
    ...data,
  },
});
const updated = (data: Partial<ConfigFields>): ConfigEvent => ({ type: 'config.updated', schemaVersion: 1, data });
const deleted = (): ConfigEvent => ({ type: 'config.deleted', schemaVersion: 1, data: {} });
const moduleAdded = (type: string, settings: Settings = {}): ConfigEvent => ({
  type: 'config.module-added',
  schemaVersion: 1,
  data: { module: { type, settings } },
});
const moduleUpdated = (type: string, settings: Settings): ConfigEvent => ({
  type: 'config.module-updated',
  schemaVersion: 1,
  data: { type, settings },
});
const moduleRemoved = (type: string): ConfigEvent => ({
  type: 'config.module-removed',
  schemaVersion: 1,
  data: { type },
});

/** The state a configuration reaches after these events. */
function given(...events: ConfigEvent[]): ConfigState | undefined {
  return events.reduce<ConfigState | undefined>((state, event) => evolveConfig(state, event), undefined);
}

describe(decideConfig.name, () => {
  const sut = decideConfig;

  describe('create', () => {
    it('creates a configuration under the given identifier with a trimmed display name', () => {
      const events = sut(ID, given(), {
        kind: 'create',
        displayName: '  Kiosk Lobby  ',
        hardwareModel: 'generic-x86_64',
        imageFormat: 'iso',
        tags: ['lobby', 'screens'],
      });

      expect(events).toStrictEqual([
        created({
          displayName: 'Kiosk Lobby',
          hardwareModel: 'generic-x86_64',
          imageFormat: 'iso',
          tags: ['lobby', 'screens'],
        }),
      ]);
    });

    it.each([
      ['generic-x86_64', 'raw-efi'],
      ['generic-aarch64', 'raw-efi'],
      ['raspberry-pi-3', 'sd-card-image'],
      ['raspberry-pi-4', 'sd-card-image'],
      ['raspberry-pi-5', 'sd-card-image'],
    ])('gives a %s the default image format %s when none is asked for', (hardwareModel, imageFormat) => {
      const events = sut(ID, given(), { kind: 'create', displayName: 'Kiosk', hardwareModel });

      expect(events).toStrictEqual([
        created({
          hardwareModel: hardwareModel as ConfigFields['hardwareModel'],
          imageFormat: imageFormat as ConfigFields['imageFormat'],
        }),
      ]);
    });

    it('starts without tags when none are given', () => {
      const [event] = sut(ID, given(), { kind: 'create', displayName: 'Kiosk', hardwareModel: 'generic-x86_64' });

      expect(event).toStrictEqual(created({ tags: [] }));
    });

    it('keeps no reference to the tag list of the command', () => {
      const tags = ['lobby'];
      const [event] = sut(ID, given(), { kind: 'create', displayName: 'Kiosk', hardwareModel: 'generic-x86_64', tags });
      tags.push('later');

      expect(event).toStrictEqual(created({ tags: ['lobby'] }));
    });

    it('refuses an unknown hardware model', () => {
      expectError(
        () => sut(ID, given(), { kind: 'create', displayName: 'Kiosk', hardwareModel: 'commodore-64' }),
        'validation_failed',
        'hardwareModel',
      );
    });

    it.each([
      ['raspberry-pi-4', 'raw-efi'],
      ['generic-aarch64', 'iso'],
      ['generic-x86_64', 'sd-card-image'],
      ['generic-x86_64', 'vhd'],
    ])('refuses a %s that cannot boot from %s', (hardwareModel, imageFormat) => {
      expectError(
        () => sut(ID, given(), { kind: 'create', displayName: 'Kiosk', hardwareModel, imageFormat }),
        'validation_failed',
        'imageFormat',
      );
    });

    it.each(['', '   '])('refuses the empty display name %j', (displayName) => {
      expectError(
        () => sut(ID, given(), { kind: 'create', displayName, hardwareModel: 'generic-x86_64' }),
        'validation_failed',
        'displayName',
      );
    });

    it.each(['Lobby', '1st-floor', 'with space', 'under_score', '-lead', ''])(
      'refuses %j as a tag identifier',
      (tag) => {
        expectError(
          () =>
            sut(ID, given(), {
              kind: 'create',
              displayName: 'Kiosk',
              hardwareModel: 'generic-x86_64',
              tags: ['lobby', tag],
            }),
          'validation_failed',
          'tags',
        );
      },
    );

    it('refuses a tag named twice', () => {
      expectError(
        () =>
          sut(ID, given(), {
            kind: 'create',
            displayName: 'Kiosk',
            hardwareModel: 'generic-x86_64',
            tags: ['lobby', 'screens', 'lobby'],
          }),
        'validation_failed',
        'tags',
      );
    });

    it('refuses to create a configuration that already exists', () => {
      expectError(
        () => sut(ID, given(created()), { kind: 'create', displayName: 'Other', hardwareModel: 'generic-x86_64' }),
        'already_exists',
        'identifier',
      );
    });

    it('creates a configuration again after it was deleted', () => {
      const events = sut(ID, given(created(), deleted()), {
        kind: 'create',
        displayName: 'Kiosk again',
        hardwareModel: 'raspberry-pi-5',
      });

      expect(events).toStrictEqual([
        created({ displayName: 'Kiosk again', hardwareModel: 'raspberry-pi-5', imageFormat: 'sd-card-image' }),
      ]);
    });
  });

  describe('update', () => {
    it('emits only the fields that change', () => {
      const state = given(created({ displayName: 'Kiosk', tags: ['lobby'] }));

      const events = sut(ID, state, {
        kind: 'update',
        displayName: 'Kiosk Lobby',
        hardwareModel: 'generic-x86_64',
        imageFormat: 'raw-efi',
        tags: ['lobby'],
      });

      expect(events).toStrictEqual([updated({ displayName: 'Kiosk Lobby' })]);
    });

    it('emits nothing for an update without fields', () => {
      expect(sut(ID, given(created()), { kind: 'update' })).toStrictEqual([]);
    });

    it('emits nothing when every field is given as it already is', () => {
      const state = given(
        created({ displayName: 'Kiosk', hardwareModel: 'generic-aarch64', imageFormat: 'qcow', tags: ['a', 'b'] }),
      );

      const events = sut(ID, state, {
        kind: 'update',
        displayName: ' Kiosk ',
        hardwareModel: 'generic-aarch64',
        imageFormat: 'qcow',
        tags: ['a', 'b'],
      });

      expect(events).toStrictEqual([]);
    });

    it('sees the state left by earlier updates', () => {
      const state = given(created({ displayName: 'Kiosk' }), updated({ displayName: 'Renamed' }));

      expect(sut(ID, state, { kind: 'update', displayName: 'Renamed' })).toStrictEqual([]);
      expect(sut(ID, state, { kind: 'update', displayName: 'Kiosk' })).toStrictEqual([
        updated({ displayName: 'Kiosk' }),
      ]);
    });

    it('resets a format the new hardware model cannot boot to that model’s default', () => {
      const state = given(created({ hardwareModel: 'generic-x86_64', imageFormat: 'iso' }));

      const events = sut(ID, state, { kind: 'update', hardwareModel: 'raspberry-pi-4' });

      expect(events).toStrictEqual([updated({ hardwareModel: 'raspberry-pi-4', imageFormat: 'sd-card-image' })]);
    });

    it('resets to the default of the new model even when the old format is also valid elsewhere', () => {
      const state = given(created({ hardwareModel: 'generic-x86_64', imageFormat: 'iso' }));

      const events = sut(ID, state, { kind: 'update', hardwareModel: 'generic-aarch64' });

      expect(events).toStrictEqual([updated({ hardwareModel: 'generic-aarch64', imageFormat: 'raw-efi' })]);
    });

    it('keeps a format the new hardware model can boot', () => {
      const state = given(created({ hardwareModel: 'generic-x86_64', imageFormat: 'qcow' }));

      const events = sut(ID, state, { kind: 'update', hardwareModel: 'generic-aarch64' });

      expect(events).toStrictEqual([updated({ hardwareModel: 'generic-aarch64' })]);
    });

    it('changes the image format when asked for one the model can boot', () => {
      const state = given(created({ hardwareModel: 'generic-x86_64', imageFormat: 'raw-efi' }));

      expect(sut(ID, state, { kind: 'update', imageFormat: 'qcow' })).toStrictEqual([updated({ imageFormat: 'qcow' })]);
    });

    it('takes the asked-for format together with a new model', () => {
      const state = given(created({ hardwareModel: 'raspberry-pi-4', imageFormat: 'sd-card-image' }));

      const events = sut(ID, state, { kind: 'update', hardwareModel: 'generic-x86_64', imageFormat: 'iso' });

      expect(events).toStrictEqual([updated({ hardwareModel: 'generic-x86_64', imageFormat: 'iso' })]);
    });

    it('refuses a format the current model cannot boot', () => {
      const state = given(created({ hardwareModel: 'generic-x86_64' }));

      expectError(
        () => sut(ID, state, { kind: 'update', imageFormat: 'sd-card-image' }),
        'validation_failed',
        'imageFormat',
      );
    });

    it('checks an asked-for format against the new model, not the old one', () => {
      const state = given(created({ hardwareModel: 'generic-x86_64', imageFormat: 'raw-efi' }));

      expectError(
        () => sut(ID, state, { kind: 'update', hardwareModel: 'raspberry-pi-4', imageFormat: 'iso' }),
        'validation_failed',
        'imageFormat',
      );
    });

    it('refuses an unknown hardware model', () => {
      expectError(
        () => sut(ID, given(created()), { kind: 'update', hardwareModel: 'raspberry-pi-1' }),
        'validation_failed',
        'hardwareModel',
      );
    });

    it('refuses an empty display name', () => {
      expectError(
        () => sut(ID, given(created()), { kind: 'update', displayName: ' ' }),
        'validation_failed',
        'displayName',
      );
    });

    it('replaces the tags', () => {
      const state = given(created({ tags: ['lobby'] }));

      expect(sut(ID, state, { kind: 'update', tags: ['lobby', 'screens'] })).toStrictEqual([
        updated({ tags: ['lobby', 'screens'] }),
      ]);
      expect(sut(ID, state, { kind: 'update', tags: [] })).toStrictEqual([updated({ tags: [] })]);
    });

    it('refuses a bad or repeated tag', () => {
      const state = given(created());

      expectError(() => sut(ID, state, { kind: 'update', tags: ['Lobby'] }), 'validation_failed', 'tags');
      expectError(() => sut(ID, state, { kind: 'update', tags: ['lobby', 'lobby'] }), 'validation_failed', 'tags');
    });
  });

  describe('delete', () => {
    it('deletes the configuration', () => {
      expect(sut(ID, given(created()), { kind: 'delete' })).toStrictEqual([deleted()]);
    });

    it('refuses to delete a configuration twice', () => {
      expectError(() => sut(ID, given(created(), deleted()), { kind: 'delete' }), 'not_found');
    });
  });

  describe('untag', () => {
    it('removes a tag the configuration carries and keeps the others in order', () => {
      const state = given(created({ tags: ['a', 'b', 'c'] }));

      expect(sut(ID, state, { kind: 'untag', tag: 'b' })).toStrictEqual([updated({ tags: ['a', 'c'] })]);
    });

    it('emits nothing for a tag the configuration does not carry', () => {
      const state = given(created({ tags: ['a'] }));

      expect(sut(ID, state, { kind: 'untag', tag: 'b' })).toStrictEqual([]);
    });

    it('emits nothing for a tag removed by an earlier update', () => {
      const state = given(created({ tags: ['a', 'b'] }), updated({ tags: ['a'] }));

      expect(sut(ID, state, { kind: 'untag', tag: 'b' })).toStrictEqual([]);
    });
  });

  describe('modules', () => {
    it('adds a module with its settings', () => {
      const events = sut(ID, given(created()), {
        kind: 'add-module',
        type: 'kiosk-browser',
        settings: { url: 'https://example.org', zoom: 1.5 },
      });

      expect(events).toStrictEqual([moduleAdded('kiosk-browser', { url: 'https://example.org', zoom: 1.5 })]);
    });

    it('leaves out settings given as null when adding a module', () => {
      const events = sut(ID, given(created()), {
        kind: 'add-module',
        type: 'kiosk-browser',
        settings: { url: 'https://example.org', zoom: null },
      });

      expect(events).toStrictEqual([moduleAdded('kiosk-browser', { url: 'https://example.org' })]);
    });

    it('refuses to add a module the configuration already has', () => {
      const state = given(created(), moduleAdded('kiosk-browser'));

      expectError(
        () => sut(ID, state, { kind: 'add-module', type: 'kiosk-browser', settings: {} }),
        'already_exists',
        'type',
      );
    });

    it('adds a module again after it was removed', () => {
      const state = given(created(), moduleAdded('kiosk-browser'), moduleRemoved('kiosk-browser'));

      expect(sut(ID, state, { kind: 'add-module', type: 'kiosk-browser', settings: {} })).toStrictEqual([
        moduleAdded('kiosk-browser', {}),
      ]);
    });

    it.each(['Kiosk', 'kiosk_browser', '1kiosk', ''])('refuses %j as a module type', (type) => {
      expectError(
        () => sut(ID, given(created()), { kind: 'add-module', type, settings: {} }),
        'validation_failed',
        'type',
      );
    });

    it('merges new settings into the module’s settings', () => {
      const state = given(created(), moduleAdded('kiosk-browser', { url: 'https://a.example', zoom: 1 }));

      const events = sut(ID, state, {
        kind: 'update-module',
        type: 'kiosk-browser',
        settings: { zoom: 2, kiosk: true },
      });

      expect(events).toStrictEqual([
        moduleUpdated('kiosk-browser', { url: 'https://a.example', zoom: 2, kiosk: true }),
      ]);
    });

    it('returns a setting given as null to its default by removing it', () => {
      const state = given(created(), moduleAdded('kiosk-browser', { url: 'https://a.example', zoom: 2 }));

      const [event] = sut(ID, state, { kind: 'update-module', type: 'kiosk-browser', settings: { zoom: null } });

      expect(event).toStrictEqual(moduleUpdated('kiosk-browser', { url: 'https://a.example' }));
      expect((event.data as { settings: Settings }).settings).not.toHaveProperty('zoom');
    });

    it('merges into the settings left by earlier module updates', () => {
      const state = given(
        created(),
        moduleAdded('kiosk-browser', { url: 'https://a.example' }),
        moduleUpdated('kiosk-browser', { url: 'https://b.example' }),
      );

      const events = sut(ID, state, { kind: 'update-module', type: 'kiosk-browser', settings: { zoom: 2 } });

      expect(events).toStrictEqual([moduleUpdated('kiosk-browser', { url: 'https://b.example', zoom: 2 })]);
    });

    it('emits nothing for a module update that changes no setting', () => {
      const state = given(created(), moduleAdded('kiosk-browser', { url: 'https://a.example', tabs: ['x', 'y'] }));

      expect(sut(ID, state, { kind: 'update-module', type: 'kiosk-browser', settings: {} })).toStrictEqual([]);
      expect(
        sut(ID, state, {
          kind: 'update-module',
          type: 'kiosk-browser',
          settings: { url: 'https://a.example', tabs: ['x', 'y'] },
        }),
      ).toStrictEqual([]);
      expect(sut(ID, state, { kind: 'update-module', type: 'kiosk-browser', settings: { zoom: null } })).toStrictEqual(
        [],
      );
    });

    it('removes a module', () => {
      const state = given(created(), moduleAdded('kiosk-browser'));

      expect(sut(ID, state, { kind: 'remove-module', type: 'kiosk-browser' })).toStrictEqual([
        moduleRemoved('kiosk-browser'),
      ]);
    });

    it.each<ConfigCommand>([
      { kind: 'update-module', type: 'kiosk-browser', settings: { zoom: 2 } },
      { kind: 'remove-module', type: 'kiosk-browser' },
    ])('refuses to $kind a module the configuration does not have', (command) => {
      const state = given(created(), moduleAdded('ssh'), moduleAdded('kiosk-browser'), moduleRemoved('kiosk-browser'));

      expectError(() => sut(ID, state, command), 'not_found');
    });

    it('forgets the modules of a deleted configuration when it is created again', () => {
      const state = given(created(), moduleAdded('kiosk-browser'), deleted(), created());

      expectError(() => sut(ID, state, { kind: 'remove-module', type: 'kiosk-browser' }), 'not_found');
    });
  });

  describe('on a configuration that does not exist', () => {
    it.each<ConfigCommand>([
      { kind: 'update', displayName: 'Kiosk' },
      { kind: 'delete' },
      { kind: 'untag', tag: 'lobby' },
      { kind: 'add-module', type: 'kiosk-browser', settings: {} },
      { kind: 'update-module', type: 'kiosk-browser', settings: {} },
      { kind: 'remove-module', type: 'kiosk-browser' },
    ])('refuses $kind as not found', (command) => {
      expectError(() => sut(ID, given(), command), 'not_found');
      expectError(() => sut(ID, given(created(), deleted()), command), 'not_found');
    });

    it('names the configuration in the error', () => {
      expect(errorOf(() => sut('lobby-screen', given(), { kind: 'delete' })).message).toContain("'lobby-screen'");
    });
  });
});

describe(evolveConfig.name, () => {
  const sut = evolveConfig;

  it('creates a state without modules', () => {
    expect(sut(undefined, created({ tags: ['lobby'] }))).toStrictEqual({
      identifier: ID,
      displayName: 'Kiosk',
      hardwareModel: 'generic-x86_64',
      imageFormat: 'raw-efi',
      tags: ['lobby'],
      modules: [],
    });
  });

  it('applies only the fields an update carries', () => {
    const state = given(created(), moduleAdded('ssh'));

    expect(sut(state, updated({ imageFormat: 'iso' }))).toStrictEqual({ ...state, imageFormat: 'iso' });
  });

  it('forgets a deleted configuration', () => {
    expect(sut(given(created()), deleted())).toBeUndefined();
  });

  it('adds, updates and removes modules in place', () => {
    const state = given(
      created(),
      moduleAdded('ssh', { port: 22 }),
      moduleAdded('kiosk-browser'),
      moduleUpdated('ssh', { port: 2222 }),
    );
    expect(state?.modules).toStrictEqual([
      { type: 'ssh', settings: { port: 2222 } },
      { type: 'kiosk-browser', settings: {} },
    ]);

    expect(sut(state, moduleRemoved('ssh'))?.modules).toStrictEqual([{ type: 'kiosk-browser', settings: {} }]);
  });

  it('does not change the state it is given', () => {
    const state = given(created(), moduleAdded('ssh'));
    const before = structuredClone(state);

    sut(state, updated({ displayName: 'Other' }));
    sut(state, moduleRemoved('ssh'));

    expect(state).toStrictEqual(before);
  });

  it('ignores updates to a configuration that does not exist', () => {
    expect(sut(undefined, updated({ displayName: 'Ghost' }))).toBeUndefined();
    expect(sut(undefined, moduleAdded('ssh'))).toBeUndefined();
  });

  it('refuses an event it does not know', () => {
    const unknown = { type: 'config.renamed', schemaVersion: 1, data: {} } as unknown as ConfigEvent;

    expectError(() => sut(given(created()), unknown), 'validation_failed');
  });
});

describe('settings and tags edge cases', () => {
  it('treats settings that differ only in key order as unchanged', () => {
    const state = given(created(), moduleAdded('kiosk', { x: { p: 1, q: 2 } }));
    expect(decideConfig(ID, state, { kind: 'update-module', type: 'kiosk', settings: { x: { q: 2, p: 1 } } })).toEqual(
      [],
    );
  });

  it('refuses a setting name that a plain object would swallow, naming it', () => {
    const settings = JSON.parse('{"__proto__": {"polluted": true}, "y": 2}') as Settings;
    expectError(
      () => decideConfig(ID, given(created()), { kind: 'add-module', type: 'kiosk', settings }),
      'validation_failed',
      'settings.__proto__',
    );
  });

  it('refuses a tag identifier longer than any tag can have', () => {
    const tag = `t${'a'.repeat(63)}`;
    expectError(() => decideConfig(ID, given(created()), { kind: 'update', tags: [tag] }), 'validation_failed', 'tags');
  });
});
