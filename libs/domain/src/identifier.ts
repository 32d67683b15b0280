import { invalid } from './errors';

/** Also a valid host name: a configuration's identifier is its devices' default host name. */
export const IDENTIFIER_PATTERN = /^[a-z]([a-z0-9-]*[a-z0-9])?$/;
export const IDENTIFIER_MAX_LENGTH = 63;

export const isIdentifier = (value: string): boolean =>
  IDENTIFIER_PATTERN.test(value) && value.length <= IDENTIFIER_MAX_LENGTH;

/** Letters that Unicode does not split into a base letter and an accent. */
const TRANSLITERATIONS: Record<string, string> = { ß: 'ss', æ: 'ae', ø: 'o', œ: 'oe', đ: 'd', ł: 'l', þ: 'th' };

/** Derives an identifier from a display name: "Kiosk Lobby #2" → "kiosk-lobby-2". */
export function toIdentifier(displayName: string): string {
  return displayName
    .toLowerCase()
    .replace(/[ßæøœđłþ]/g, (letter) => TRANSLITERATIONS[letter])
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[^a-z]+/, '')
    .replace(/-+$/, '')
    .slice(0, IDENTIFIER_MAX_LENGTH)
    .replace(/-+$/, '');
}

/** The identifier given, or one derived from the display name; either way a valid one. */
export function chooseIdentifier(identifier: string | undefined, displayName: string): string {
  if (identifier === undefined) {
    const derived = toIdentifier(displayName);
    if (!derived) throw invalid('displayName', 'must contain a letter to derive an identifier from; give identifier');
    return derived;
  }
  if (!isIdentifier(identifier)) {
    throw invalid(
      'identifier',
      `must be lowercase letters, digits and inner hyphens, start with a letter, and be at most ${IDENTIFIER_MAX_LENGTH} characters`,
    );
  }
  return identifier;
}

export function checkDisplayName(displayName: string): string {
  const trimmed = displayName.trim();
  if (!trimmed) throw invalid('displayName', 'must not be empty');
  if (trimmed.length > 200) throw invalid('displayName', 'must be at most 200 characters');
  return trimmed;
}
