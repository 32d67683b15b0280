import type { ErrorBody } from '@thymis/contracts';

/** A field path as the API names it in messages: `displayName`, `settings.url`, `tags.0`. */
const FIELD_PART = /^([A-Za-z_$][\w$]*(?:\.[\w$]+)*): (.+)$/s;
/** The API joins several problems with "; "; split only where the next part names a field again. */
const PART_SEPARATOR = /; (?=[A-Za-z_$][\w$]*(?:\.[\w$]+)*: )/;

/**
 * What the API refused, as pages show it: `message` in a banner, and `forField(name)` beside the input it concerns.
 * The API's messages name the field first ("displayName: must not be empty; tags.0: tag 'x' does not exist").
 */
export class ApiError extends Error implements ErrorBody {
  /** The message of each field the API named, by field path. */
  readonly fields: Readonly<Record<string, string>>;

  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    /** The answer's body as sent, for the few answers that carry data with an error status (a 503 health report). */
    readonly body?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
    this.fields = fieldMessages(message);
  }

  /** What to show beside `field`'s input: its own messages and those of its parts (`tags` also gets `tags.0`). */
  forField(field: string): string | undefined {
    const messages = Object.entries(this.fields)
      .filter(([path]) => path === field || path.startsWith(`${field}.`))
      .map(([path, reason]) => (path === field ? reason : `${path.slice(field.length + 1)}: ${reason}`));
    return messages.length > 0 ? messages.join('; ') : undefined;
  }
}

function fieldMessages(message: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const part of message.split(PART_SEPARATOR)) {
    const match = FIELD_PART.exec(part);
    if (!match) continue;
    const [, path, reason] = match;
    fields[path] = fields[path] ? `${fields[path]}; ${reason}` : reason;
  }
  return fields;
}

const isErrorBody = (body: unknown): body is ErrorBody =>
  typeof body === 'object' &&
  body !== null &&
  typeof (body as ErrorBody).code === 'string' &&
  typeof (body as ErrorBody).message === 'string';

/**
 * Any failure of a request as an ApiError. Takes Angular's HttpErrorResponse by its shape (`status`, `error` = the
 * parsed body), so that this file stays free of Angular and its spec runs under plain jest.
 */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const { status, error: body } = (error ?? {}) as { status?: unknown; error?: unknown };
  if (typeof status !== 'number') {
    return new ApiError(0, 'client_error', error instanceof Error ? error.message : String(error));
  }
  if (status === 0) return new ApiError(0, 'unreachable', 'the controller cannot be reached; check the connection');
  if (isErrorBody(body)) return new ApiError(status, body.code, body.message, body);
  return new ApiError(status, 'http_error', `the controller answered ${status}`, body);
}
