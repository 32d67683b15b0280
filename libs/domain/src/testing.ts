import { DomainError, type DomainErrorCode } from './errors';

/** For specs: the DomainError the action throws; fails the test when it throws nothing or something else. */
export function errorOf(action: () => unknown): DomainError {
  try {
    action();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError, but nothing was thrown');
}

/** For specs: the action fails with this code, about this field. */
export function expectError(action: () => unknown, code: DomainErrorCode, field?: string): void {
  const error = errorOf(action);
  expect({ code: error.code, field: error.field }).toStrictEqual({ code, field });
}
