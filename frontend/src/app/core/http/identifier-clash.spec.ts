import { ApiError } from './api-error';
import { identifierClash } from './identifier-clash';

describe(identifierClash.name, () => {
  const clash = new ApiError(409, 'already_exists', "identifier: tag 'lobby' already exists");

  it('puts a duplicate beside the identifier typed', () => {
    expect(identifierClash(clash, 'identifier', true)).toBe("tag 'lobby' already exists; choose another identifier");
    expect(identifierClash(clash, 'displayName', true)).toBeUndefined();
  });

  it('puts it beside the name when the identifier was derived from it', () => {
    expect(identifierClash(clash, 'displayName', false)).toBe("tag 'lobby' already exists; choose another name");
    expect(identifierClash(clash, 'identifier', false)).toBeUndefined();
  });

  it('leaves other errors to their fields', () => {
    const invalid = new ApiError(400, 'validation_failed', 'identifier: must start with a letter');
    expect(identifierClash(invalid, 'identifier', true)).toBeUndefined();
    expect(identifierClash(null, 'identifier', true)).toBeUndefined();
  });
});
