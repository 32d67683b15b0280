import { bodyProblem, MAX_DEPTH } from './json-body';

describe(bodyProblem.name, () => {
  const nested = (levels: number): unknown => {
    let value: unknown = 'leaf';
    for (let i = 0; i < levels; i++) value = i % 2 === 0 ? [value] : { x: value };
    return value;
  };

  it('finds nothing wrong with a storable body', () => {
    expect(
      bodyProblem({ displayName: 'Rocket \ud83d\ude80', tags: ['a', 'b'], settings: { n: 1, ok: true, no: null } }),
    ).toBe(undefined);
    expect(bodyProblem(undefined)).toBe(undefined);
  });

  it('names the first unstorable string in document order, by its field path', () => {
    expect(bodyProblem({ a: 'fine', b: ['ok', { c: 'x\u0000' }], d: '\ud800' })).toBe(
      'b.1.c: must not contain NUL or unpaired surrogate characters',
    );
    expect(bodyProblem({ a: { b: 'lone \udfff low' } })).toBe(
      'a.b: must not contain NUL or unpaired surrogate characters',
    );
    expect(bodyProblem('\u0000')).toBe('body: must not contain NUL or unpaired surrogate characters');
  });

  it('names the object holding an unstorable field name, or the body itself', () => {
    expect(bodyProblem({ settings: { 'u\u0000rl': 1 } })).toBe(
      'settings: field names must not contain NUL or unpaired surrogate characters',
    );
    expect(bodyProblem({ '\ud800': 1 })).toBe(
      'body: field names must not contain NUL or unpaired surrogate characters',
    );
  });

  it('names a "__proto__" field', () => {
    expect(bodyProblem(JSON.parse('{"a":[{"__proto__":{}}]}'))).toBe(
      'a.0.__proto__: "__proto__" is not allowed as a name',
    );
  });

  it(`takes ${MAX_DEPTH} levels of nesting and refuses more, however deep, without recursion`, () => {
    expect(bodyProblem(nested(MAX_DEPTH))).toBe(undefined);
    expect(bodyProblem(nested(MAX_DEPTH + 1))).toBe(`body: nested deeper than ${MAX_DEPTH} levels`);
    expect(bodyProblem(nested(1_000_000))).toBe(`body: nested deeper than ${MAX_DEPTH} levels`);
  });
});
