import { decideConfig, evolveConfig, type ConfigState } from './config';
import { planRestore } from './restore';
import { stateDocument, type StateDocument } from './state-document';
import { decideTag, evolveTag, type TagState } from './tag';

/** Carries the plan out with the domain's own decide and evolve, as the API does. */
function apply(current: StateDocument, plan: ReturnType<typeof planRestore>): StateDocument {
  const configs = new Map<string, ConfigState | undefined>(current.configs.map((c) => [c.identifier, c]));
  const tags = new Map<string, TagState | undefined>(current.tags.map((t) => [t.identifier, t]));
  for (const step of plan) {
    if (step.stream === 'config') {
      const events = decideConfig(step.id, configs.get(step.id), step.command);
      configs.set(step.id, events.reduce(evolveConfig, configs.get(step.id)));
    } else {
      const events = decideTag(step.id, tags.get(step.id), step.command);
      tags.set(step.id, events.reduce(evolveTag, tags.get(step.id)));
    }
  }
  const present = <T>(items: Iterable<T | undefined>) => [...items].filter((i): i is T => i !== undefined);
  return stateDocument(present(configs.values()), present(tags.values()));
}

const kiosk = (url: string, extra = {}) => ({ type: 'kiosk', settings: { url, ...extra } });
const before = stateDocument(
  [
    {
      identifier: 'lobby',
      displayName: 'Lobby',
      hardwareModel: 'raspberry-pi-4',
      imageFormat: 'sd-card-image',
      tags: ['screens'],
      modules: [kiosk('https://a', { rotation: 'left' })],
    },
    {
      identifier: 'gone',
      displayName: 'Gone',
      hardwareModel: 'generic-x86_64',
      imageFormat: 'raw-efi',
      tags: [],
      modules: [],
    },
  ],
  [
    {
      identifier: 'screens',
      displayName: 'Screens',
      priority: 90,
      modules: [{ type: 'localization', settings: { timeZone: 'UTC' } }],
    },
  ],
);
const after = stateDocument(
  [
    {
      identifier: 'lobby',
      displayName: 'Lobby hall',
      hardwareModel: 'raspberry-pi-5',
      imageFormat: 'sd-card-image',
      tags: ['new'],
      modules: [kiosk('https://b')],
    },
    {
      identifier: 'added',
      displayName: 'Added',
      hardwareModel: 'generic-aarch64',
      imageFormat: 'qcow',
      tags: [],
      modules: [],
    },
  ],
  [{ identifier: 'new', displayName: 'New', priority: 10, modules: [] }],
);

describe(planRestore.name, () => {
  it('restores an earlier state exactly: recreates, deletes, and puts fields and settings back', () => {
    expect(apply(after, planRestore(after, before))).toEqual(before);
    expect(apply(before, planRestore(before, after))).toEqual(after);
  });

  it('returns a cleared setting to its default rather than leaving it set', () => {
    const plan = planRestore(before, after).filter((s) => s.command.kind === 'update-module');
    expect(plan).toEqual([
      {
        stream: 'config',
        id: 'lobby',
        command: { kind: 'update-module', type: 'kiosk', settings: { url: 'https://b', rotation: null } },
      },
    ]);
  });

  it('plans nothing when the states are equal', () => {
    expect(planRestore(before, structuredClone(before))).toEqual([]);
  });

  it('creates tags before configurations name them and deletes them last', () => {
    const kinds = planRestore(before, after).map((s) => `${s.stream}:${s.id}:${s.command.kind}`);
    expect(kinds[0]).toBe('tag:new:create');
    expect(kinds[kinds.length - 1]).toBe('tag:screens:delete');
  });
});
