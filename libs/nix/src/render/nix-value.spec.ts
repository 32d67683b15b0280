import { HOSTILE_STRINGS } from '../testing/hostile-strings';
import { nixAttrName, nixString, nixValue } from './nix-value';

describe(nixString.name, () => {
  it.each([
    ['plain', '"plain"'],
    ['', '""'],
    ['say "hi"', String.raw`"say \"hi\""`],
    ['${builtins.abort "x"}', String.raw`"\${builtins.abort \"x\"}"`],
    ['$${x}', String.raw`"$\${x}"`],
    ['\\${x}', String.raw`"\\\${x}"`],
    ['a\\b\\', String.raw`"a\\b\\"`],
    ['cost: 5$', '"cost: 5$"'],
    ['$HOME {braces} $ {x}', '"$HOME {braces} $ {x}"'],
    ["'' ''${x} '''", String.raw`"'' ''\${x} '''"`],
    ['a\nb\r\n\tc', String.raw`"a\nb\r\n\tc"`],
    ['é 😀', '"é 😀"'],
  ])('writes %j as %s', (input, expected) => {
    expect(nixString(input)).toBe(expected);
  });

  it.each(HOSTILE_STRINGS)('leaves no unescaped quote, interpolation or line break in %j', (input) => {
    // Read left to right as Nix does: escape pairs, and otherwise no quote, backslash, line break or `${`.
    const inert = /^(?:\\[^]|\$(?!\{)|[^"\\$\n\r])*$/;
    expect(nixString(input).slice(1, -1)).toMatch(inert);
  });

  it('refuses a NUL, which a Nix string cannot hold', () => {
    expect(() => nixString('a\0b')).toThrow('NUL');
  });
});

describe(nixAttrName.name, () => {
  it.each([
    ['hostname', 'hostname'],
    ['oci-containers', 'oci-containers'],
    ['_private', '_private'],
    ['in', '"in"'],
    ['or', '"or"'],
    ['1st', '"1st"'],
    ['a b', '"a b"'],
    ['${x}', String.raw`"\${x}"`],
  ])('writes %j as %s', (name, expected) => {
    expect(nixAttrName(name)).toBe(expected);
  });
});

describe(nixValue.name, () => {
  it('writes scalars', () => {
    expect([nixValue(true), nixValue(false), nixValue(null), nixValue(5900), nixValue('x')]).toStrictEqual([
      'true',
      'false',
      'null',
      '5900',
      '"x"',
    ]);
  });

  it('puts a negative number in parentheses so that it stays one list item', () => {
    expect(nixValue([-1, 2])).toBe('[\n  (-1)\n  2\n]');
  });

  it('refuses numbers Nix cannot hold as integers', () => {
    expect(() => nixValue(1.5)).toThrow();
    expect(() => nixValue(Number.NaN)).toThrow();
    expect(() => nixValue(2 ** 60)).toThrow();
  });

  it('writes empty lists and sets on one line', () => {
    expect([nixValue([]), nixValue({})]).toStrictEqual(['[ ]', '{ }']);
  });

  it('writes nested lists and sets indented, attributes sorted and quoted where needed', () => {
    const value = { zeta: ['a', { in: true }], 'two words': [], alpha: 1 };

    expect(nixValue(value, '  ')).toBe(
      [
        '{',
        '    alpha = 1;',
        '    "two words" = [ ];',
        '    zeta = [',
        '      "a"',
        '      {',
        '        "in" = true;',
        '      }',
        '    ];',
        '  }',
      ].join('\n'),
    );
  });

  it('gives the same text whatever order the keys came in', () => {
    expect(nixValue({ b: 1, a: 2 })).toBe(nixValue({ a: 2, b: 1 }));
  });
});
