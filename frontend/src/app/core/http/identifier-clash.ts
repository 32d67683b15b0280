import type { ApiError } from './api-error';

/**
 * Where a duplicate (409, "identifier: … already exists") is shown in a create form: beside the identifier when one
 * was typed, else beside the name the identifier was derived from. Undefined for other errors and other fields.
 */
export function identifierClash(error: ApiError | null, field: string, identifierTyped: boolean): string | undefined {
  const clash = error?.code === 'already_exists' ? error.forField('identifier') : undefined;
  if (!clash) return undefined;
  const beside = identifierTyped ? 'identifier' : 'displayName';
  return field === beside ? `${clash}; choose another ${identifierTyped ? 'identifier' : 'name'}` : undefined;
}
