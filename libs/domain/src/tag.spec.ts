import type { TagEvent, TagFields } from './events';
import type { Settings } from './modules';
import { decideTag, evolveTag, type TagCommand, type TagState } from './tag';
import { expectError } from './testing';

const ID = 'lobby';

// Events written out by hand, not through the domain's own factories, so a wrong type or schemaVersion shows.
const created = (data: Partial<TagFields & { identifier: string }> = {}): TagEvent => ({
  type: 'tag.created',
  schemaVersion: 1,
  data: { identifier: ID, displayName: 'Lobby', priority: 90, ...data },
});
const updated = (data: Partial<TagFields>): TagEvent => ({ type: 'tag.updated', schemaVersion: 1, data });
const deleted = (): TagEvent => ({ type: 'tag.deleted', schemaVersion: 1, data: {} });
const moduleAdded = (type: string, settings: Settings = {}): TagEvent => ({
  type: 'tag.module-added',
  schemaVersion: 1,
  data: { module: { type, settings } },
});
const moduleUpdated = (type: string, settings: Settings): TagEvent => ({
  type: 'tag.module-updated',
  schemaVersion: 1,
  data: { type, settings },
});
const moduleRemoved = (type: string): TagEvent => ({ type: 'tag.module-removed', schemaVersion: 1, data: { type } });

/** The state a tag reaches after these events. */
function given(...events: TagEvent[]): TagState | undefined {
  return events.reduce<TagState | undefined>((state, event) => evolveTag(state, event), undefined);
}

describe(decideTag.name, () => {
  const sut = decideTag;

  describe('create', () => {
    it('creates a tag under the given identifier with a trimmed display name and priority 90 by default', () => {
      expect(sut(ID, given(), { kind: 'create', displayName: '  Lobby  ' })).toStrictEqual([
        created({ displayName: 'Lobby', priority: 90 }),
      ]);
    });

    it.each([0, 1, 50, 1000])('takes the priority %d', (priority) => {
      expect(sut(ID, given(), { kind: 'create', displayName: 'Lobby', priority })).toStrictEqual([
        created({ priority }),
      ]);
    });

    it.each([-1, 1001, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses the priority %d', (priority) => {
      expectError(
        () => sut(ID, given(), { kind: 'create', displayName: 'Lobby', priority }),
        'validation_failed',
        'priority',
      );
    });

    it.each(['', '  '])('refuses the empty display name %j', (displayName) => {
      expectError(() => sut(ID, given(), { kind: 'create', displayName }), 'validation_failed', 'displayName');
    });

    it('refuses to create a tag that already exists', () => {
      expectError(
        () => sut(ID, given(created()), { kind: 'create', displayName: 'Other' }),
        'already_exists',
        'identifier',
      );
    });

    it('creates a tag again after it was deleted', () => {
      expect(
        sut(ID, given(created(), deleted()), { kind: 'create', displayName: 'Lobby again', priority: 10 }),
      ).toStrictEqual([created({ displayName: 'Lobby again', priority: 10 })]);
    });
  });

  describe('update', () => {
    it('emits only the fields that change', () => {
      const state = given(created({ displayName: 'Lobby', priority: 90 }));

      expect(sut(ID, state, { kind: 'update', displayName: 'Lobby', priority: 20 })).toStrictEqual([
        updated({ priority: 20 }),
      ]);
      expect(sut(ID, state, { kind: 'update', displayName: ' Front lobby ', priority: 90 })).toStrictEqual([
        updated({ displayName: 'Front lobby' }),
      ]);
      expect(sut(ID, state, { kind: 'update', displayName: 'Front lobby', priority: 0 })).toStrictEqual([
        updated({ displayName: 'Front lobby', priority: 0 }),
      ]);
    });

    it('emits nothing for an update without fields or with the current values', () => {
      const state = given(created({ displayName: 'Lobby', priority: 90 }));

      expect(sut(ID, state, { kind: 'update' })).toStrictEqual([]);
      expect(sut(ID, state, { kind: 'update', displayName: ' Lobby ', priority: 90 })).toStrictEqual([]);
    });

    it('sees the state left by earlier updates', () => {
      const state = given(created({ priority: 90 }), updated({ priority: 5 }));

      expect(sut(ID, state, { kind: 'update', priority: 5 })).toStrictEqual([]);
      expect(sut(ID, state, { kind: 'update', priority: 90 })).toStrictEqual([updated({ priority: 90 })]);
    });

    it.each([-1, 1001, 2.5])('refuses the priority %d', (priority) => {
      expectError(() => sut(ID, given(created()), { kind: 'update', priority }), 'validation_failed', 'priority');
    });

    it('refuses an empty display name', () => {
      expectError(
        () => sut(ID, given(created()), { kind: 'update', displayName: '' }),
        'validation_failed',
        'displayName',
      );
    });
  });

  describe('delete', () => {
    it('deletes the tag', () => {
      expect(sut(ID, given(created()), { kind: 'delete' })).toStrictEqual([deleted()]);
    });

    it('refuses to delete a tag twice', () => {
      expectError(() => sut(ID, given(created(), deleted()), { kind: 'delete' }), 'not_found');
    });
  });

  describe('modules', () => {
    it('adds a module with its settings, leaving out nulls', () => {
      const events = sut(ID, given(created()), {
        kind: 'add-module',
        type: 'wifi',
        settings: { ssid: 'guest', password: null },
      });

      expect(events).toStrictEqual([moduleAdded('wifi', { ssid: 'guest' })]);
    });

    it('refuses to add a module the tag already has', () => {
      expectError(
        () => sut(ID, given(created(), moduleAdded('wifi')), { kind: 'add-module', type: 'wifi', settings: {} }),
        'already_exists',
        'type',
      );
    });

    it('refuses an invalid module type', () => {
      expectError(
        () => sut(ID, given(created()), { kind: 'add-module', type: 'Wi Fi', settings: {} }),
        'validation_failed',
        'type',
      );
    });

    it('merges settings, and a null returns a setting to its default', () => {
      const state = given(created(), moduleAdded('wifi', { ssid: 'guest', hidden: true }));

      const events = sut(ID, state, {
        kind: 'update-module',
        type: 'wifi',
        settings: { ssid: 'staff', hidden: null, channel: 6 },
      });

      expect(events).toStrictEqual([moduleUpdated('wifi', { ssid: 'staff', channel: 6 })]);
    });

    it('emits nothing for a module update that changes no setting', () => {
      const state = given(created(), moduleAdded('wifi', { ssid: 'guest' }));

      expect(
        sut(ID, state, { kind: 'update-module', type: 'wifi', settings: { ssid: 'guest', hidden: null } }),
      ).toStrictEqual([]);
    });

    it('removes a module', () => {
      expect(sut(ID, given(created(), moduleAdded('wifi')), { kind: 'remove-module', type: 'wifi' })).toStrictEqual([
        moduleRemoved('wifi'),
      ]);
    });

    it.each<TagCommand>([
      { kind: 'update-module', type: 'wifi', settings: { ssid: 'x' } },
      { kind: 'remove-module', type: 'wifi' },
    ])('refuses to $kind a module the tag does not have', (command) => {
      const state = given(created(), moduleAdded('ssh'), moduleAdded('wifi'), moduleRemoved('wifi'));

      expectError(() => sut(ID, state, command), 'not_found');
    });
  });

  describe('on a tag that does not exist', () => {
    it.each<TagCommand>([
      { kind: 'update', priority: 1 },
      { kind: 'delete' },
      { kind: 'add-module', type: 'wifi', settings: {} },
      { kind: 'update-module', type: 'wifi', settings: {} },
      { kind: 'remove-module', type: 'wifi' },
    ])('refuses $kind as not found', (command) => {
      expectError(() => sut(ID, given(), command), 'not_found');
      expectError(() => sut(ID, given(created(), deleted()), command), 'not_found');
    });
  });
});

describe(evolveTag.name, () => {
  const sut = evolveTag;

  it('creates a state without modules', () => {
    expect(sut(undefined, created({ priority: 7 }))).toStrictEqual({
      identifier: ID,
      displayName: 'Lobby',
      priority: 7,
      modules: [],
    });
  });

  it('applies only the fields an update carries', () => {
    const state = given(created(), moduleAdded('wifi'));

    expect(sut(state, updated({ priority: 3 }))).toStrictEqual({ ...state, priority: 3 });
  });

  it('forgets a deleted tag, modules included', () => {
    expect(sut(given(created()), deleted())).toBeUndefined();
    expect(given(created(), moduleAdded('wifi'), deleted(), created())?.modules).toStrictEqual([]);
  });

  it('adds, updates and removes modules in place', () => {
    const state = given(
      created(),
      moduleAdded('wifi', { ssid: 'a' }),
      moduleAdded('ssh'),
      moduleUpdated('wifi', { ssid: 'b' }),
    );
    expect(state?.modules).toStrictEqual([
      { type: 'wifi', settings: { ssid: 'b' } },
      { type: 'ssh', settings: {} },
    ]);

    expect(sut(state, moduleRemoved('wifi'))?.modules).toStrictEqual([{ type: 'ssh', settings: {} }]);
  });

  it('ignores updates to a tag that does not exist', () => {
    expect(sut(undefined, updated({ priority: 1 }))).toBeUndefined();
    expect(sut(undefined, moduleAdded('wifi'))).toBeUndefined();
  });
});
