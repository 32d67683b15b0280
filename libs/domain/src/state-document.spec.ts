import type { ConfigState } from './config';
import { stateDocument } from './state-document';
import type { TagState } from './tag';

const config = (identifier: string, tags: string[] = []): ConfigState => ({
  identifier,
  displayName: identifier.toUpperCase(),
  hardwareModel: 'raspberry-pi-4',
  imageFormat: 'sd-card-image',
  tags,
  modules: [{ type: 'kiosk', settings: { url: 'https://example.org' } }],
});
const tag = (identifier: string, priority: number): TagState => ({
  identifier,
  displayName: identifier,
  priority,
  modules: [],
});

describe(stateDocument.name, () => {
  it("gives Thymis' state.json shape, sorted by identifier whatever order the state came in", () => {
    const sut = stateDocument([config('b', ['lobby']), config('a')], [tag('lobby', 90), tag('all', 10)]);
    expect(sut).toEqual({
      version: '0.1.0',
      repositories: {},
      tags: [
        { displayName: 'all', identifier: 'all', priority: 10, modules: [] },
        { displayName: 'lobby', identifier: 'lobby', priority: 90, modules: [] },
      ],
      configs: [
        { ...config('a'), displayName: 'A' },
        { ...config('b', ['lobby']), displayName: 'B' },
      ],
    });
  });

  it('gives byte-identical JSON for the same state', () => {
    const a = stateDocument([config('x'), config('y')], [tag('t', 1)]);
    const b = stateDocument([config('y'), config('x')], [tag('t', 1)]);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });
});
