import { checkDisplayName, chooseIdentifier, toIdentifier } from './identifier';
import { expectError } from './testing';

describe(toIdentifier.name, () => {
  const sut = toIdentifier;

  it.each([
    ['Kiosk Lobby #2', 'kiosk-lobby-2'],
    ['kiosk', 'kiosk'],
    ['  Front   Desk  ', 'front-desk'],
    ['Hello, World!', 'hello-world'],
    ['a.b_c/d+e', 'a-b-c-d-e'],
    ['Room 101', 'room-101'],
    ['Café Crème', 'cafe-creme'],
    ['Ångström Über', 'angstrom-uber'],
    ['123 Main Street', 'main-street'],
    ['2nd Floor', 'nd-floor'],
    ['--- Lobby', 'lobby'],
    ['Ready?!', 'ready'],
    ['Lobby ---', 'lobby'],
  ])('turns %j into %j', (displayName, identifier) => {
    expect(sut(displayName)).toBe(identifier);
  });

  it.each(['123', '!!!', '', '   ', '42 - 7'])('derives nothing from %j', (displayName) => {
    expect(sut(displayName)).toBe('');
  });

  it('cuts a long name to 63 characters', () => {
    expect(sut('a'.repeat(100))).toBe('a'.repeat(63));
  });

  it('does not end with a dash where the cut falls on one', () => {
    expect(sut(`${'a'.repeat(62)} bcd`)).toBe('a'.repeat(62));
  });

  it('counts the length after leading digits are stripped', () => {
    expect(sut(`123 ${'b'.repeat(70)}`)).toBe('b'.repeat(63));
  });
});

describe(chooseIdentifier.name, () => {
  const sut = chooseIdentifier;

  it('takes a valid identifier as given, whatever the display name', () => {
    expect(sut('kiosk-2', 'Something Else')).toBe('kiosk-2');
    expect(sut('kiosk', '!!!')).toBe('kiosk');
  });

  it('takes a given identifier of exactly 63 characters', () => {
    expect(sut('a'.repeat(63), 'Kiosk')).toBe('a'.repeat(63));
  });

  it.each(['Kiosk', '1kiosk', '-kiosk', 'kiosk_1', 'kiosk lobby', '', 'a'.repeat(64)])(
    'refuses the given identifier %j',
    (identifier) => {
      expectError(() => sut(identifier, 'Kiosk'), 'validation_failed', 'identifier');
    },
  );

  it('derives the identifier from the display name when none is given', () => {
    expect(sut(undefined, 'Kiosk Lobby #2')).toBe('kiosk-lobby-2');
  });

  it.each(['123', '!!!', '', '   '])('refuses to derive from %j, naming displayName', (displayName) => {
    expectError(() => sut(undefined, displayName), 'validation_failed', 'displayName');
  });
});

describe(checkDisplayName.name, () => {
  const sut = checkDisplayName;

  it('trims the display name', () => {
    expect(sut('  Kiosk Lobby \n')).toBe('Kiosk Lobby');
  });

  it.each(['', '   ', '\t\n'])('refuses the empty display name %j', (displayName) => {
    expectError(() => sut(displayName), 'validation_failed', 'displayName');
  });

  it('takes up to 200 characters, counted after trimming', () => {
    expect(sut('x'.repeat(200))).toBe('x'.repeat(200));
    expect(sut(`  ${'x'.repeat(200)}  `)).toBe('x'.repeat(200));
  });

  it('refuses more than 200 characters', () => {
    expectError(() => sut('x'.repeat(201)), 'validation_failed', 'displayName');
  });
});

describe('letters without a decomposition', () => {
  it('spells them out instead of dropping them', () => {
    expect(toIdentifier('Straße')).toBe('strasse');
    expect(toIdentifier('Øresund Ærø')).toBe('oresund-aero');
  });
});
