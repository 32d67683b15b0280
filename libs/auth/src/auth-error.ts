export type AuthErrorCode = 'invalid_credentials' | 'too_many_requests';

/** Why a login was refused. The API's error filter maps the code to an HTTP status. */
export class AuthError extends Error {
  private constructor(
    readonly code: AuthErrorCode,
    message: string,
    /** For too_many_requests: how long the client must wait before trying again. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }

  static invalidCredentials(): AuthError {
    return new AuthError('invalid_credentials', 'wrong username or password');
  }

  static tooManyRequests(retryAfterSeconds: number): AuthError {
    return new AuthError(
      'too_many_requests',
      `too many failed logins; try again in ${retryAfterSeconds} s`,
      retryAfterSeconds,
    );
  }
}
