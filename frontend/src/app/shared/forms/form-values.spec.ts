import { changedFields, sameFields, withTypedIdentifier } from './form-values';

describe(withTypedIdentifier.name, () => {
  it('sends the identifier typed, trimmed', () => {
    expect(withTypedIdentifier({ displayName: 'Lobby', identifier: ' lobby-1 ' })).toEqual({
      displayName: 'Lobby',
      identifier: 'lobby-1',
    });
  });

  it('leaves a blank identifier out, for the API to derive from the name', () => {
    expect(withTypedIdentifier({ displayName: 'Lobby', identifier: '  ' })).toEqual({ displayName: 'Lobby' });
  });
});

describe(changedFields.name, () => {
  const fields = ['displayName', 'tags'] as const;
  const base = { displayName: 'Lobby', tags: ['a'] };
  const sameList = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

  it('keeps only the fields that differ', () => {
    expect(changedFields(fields, base, { displayName: 'Hall', tags: ['a'] }, sameList)).toEqual({
      displayName: 'Hall',
    });
  });

  it('compares with === unless told otherwise, so an equal copy of a list counts as changed', () => {
    expect(changedFields(fields, base, { displayName: 'Lobby', tags: ['a'] })).toEqual({ tags: ['a'] });
  });
});

describe(sameFields.name, () => {
  it('ignores what is not one of the fields', () => {
    const fields = ['displayName'] as const;
    expect(sameFields(fields, { displayName: 'a', version: 1 }, { displayName: 'a', version: 2 })).toBe(true);
    expect(sameFields(fields, { displayName: 'a' }, { displayName: 'b' })).toBe(false);
  });
});
