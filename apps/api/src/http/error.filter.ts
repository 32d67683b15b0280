import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { AuthError, type AuthErrorCode } from '@thymis/auth';
import type { ErrorBody } from '@thymis/contracts';
import { DomainError, type DomainErrorCode } from '@thymis/domain';
import { StaleVersion, StreamVersionConflict } from '@thymis/event-store';
import { NixUnavailableError } from '@thymis/nix';

const DOMAIN_STATUS: Record<DomainErrorCode, number> = {
  validation_failed: HttpStatus.BAD_REQUEST,
  not_found: HttpStatus.NOT_FOUND,
  already_exists: HttpStatus.CONFLICT,
  nothing_to_do: HttpStatus.CONFLICT,
};

const AUTH_STATUS: Record<AuthErrorCode, number> = {
  invalid_credentials: HttpStatus.UNAUTHORIZED,
  too_many_requests: HttpStatus.TOO_MANY_REQUESTS,
};

const HTTP_CODES: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  412: 'precondition_failed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'too_many_requests',
};

/** The one place errors become HTTP: `{statusCode, code, message}`, and never a stack trace to the client. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(ErrorFilter.name);

  catch(error: unknown, host: ArgumentsHost): void {
    const body = this.describe(error);
    if (body.statusCode >= 500) this.logger.error((error as Error)?.stack ?? String(error));
    const response = host.switchToHttp().getResponse<Response>();
    if (error instanceof AuthError && error.retryAfterSeconds !== undefined) {
      response.setHeader('Retry-After', String(error.retryAfterSeconds));
    }
    response.status(body.statusCode).json(body);
  }

  private describe(error: unknown): ErrorBody {
    if (error instanceof DomainError) {
      return { statusCode: DOMAIN_STATUS[error.code], code: error.code, message: error.message };
    }
    if (error instanceof AuthError) {
      return { statusCode: AUTH_STATUS[error.code], code: error.code, message: error.message };
    }
    if (error instanceof NixUnavailableError) {
      return { statusCode: 503, code: 'nix_unavailable', message: error.message };
    }
    if (error instanceof StaleVersion) {
      return { statusCode: 412, code: 'precondition_failed', message: `${error.message}; reload and try again` };
    }
    if (error instanceof StreamVersionConflict) {
      return { statusCode: 409, code: 'conflict', message: 'changed by someone else meanwhile; reload and try again' };
    }
    if (error instanceof HttpException) {
      const statusCode = error.getStatus();
      const response = error.getResponse();
      const detail = typeof response === 'object' ? (response as { code?: string; message?: string | string[] }) : {};
      const message = Array.isArray(detail.message) ? detail.message.join('; ') : (detail.message ?? error.message);
      return { statusCode, code: detail.code ?? HTTP_CODES[statusCode] ?? 'error', message };
    }
    const clientError = exposedClientError(error);
    if (clientError) return clientError;
    return { statusCode: 500, code: 'internal_error', message: 'internal error; the controller log has the details' };
  }
}

/**
 * An error from Express middleware (body-parser, http-errors) that marks itself as the client's fault: a 4xx status
 * with `expose: true`, whose message is meant for the client.
 */
function exposedClientError(error: unknown): ErrorBody | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { status, statusCode, expose, message } = error as {
    status?: unknown;
    statusCode?: unknown;
    expose?: unknown;
    message?: unknown;
  };
  const code = status ?? statusCode;
  if (expose !== true || typeof code !== 'number' || !Number.isInteger(code) || code < 400 || code > 499) {
    return undefined;
  }
  return {
    statusCode: code,
    code: HTTP_CODES[code] ?? 'error',
    message: typeof message === 'string' && message ? message : 'the request was refused',
  };
}
