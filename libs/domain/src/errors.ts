/** Errors the domain raises; the API maps each code to one HTTP status in a single filter. */
export type DomainErrorCode = 'validation_failed' | 'not_found' | 'already_exists' | 'nothing_to_do';

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    /** The request field the error concerns, when there is one. */
    readonly field?: string,
  ) {
    super(message);
  }
}

export const invalid = (field: string, reason: string) =>
  new DomainError('validation_failed', `${field}: ${reason}`, field);
export const notFound = (what: string, id: string) => new DomainError('not_found', `${what} '${id}' does not exist`);
export const alreadyExists = (what: string, id: string, field = 'identifier') =>
  new DomainError('already_exists', `${field}: ${what} '${id}' already exists`, field);
