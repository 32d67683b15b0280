import { HttpStatus, Logger, type ArgumentsHost } from '@nestjs/common';
import { AuthError } from '@thymis/auth';
import { ErrorFilter } from './error.filter';

/** The shape of the errors body-parser and Express raise through the http-errors package. */
const httpError = (status: number, message: string, expose = status < 500) =>
  Object.assign(new Error(message), { status, statusCode: status, expose });

describe(ErrorFilter.name, () => {
  const sut = new ErrorFilter();

  function answer(error: unknown) {
    const sent = { status: 0, headers: {} as Record<string, string>, body: undefined as unknown };
    const response = {
      setHeader: (name: string, value: string) => (sent.headers[name] = value),
      status: (status: number) => ((sent.status = status), response),
      json: (body: unknown) => (sent.body = body),
    };
    const host = { switchToHttp: () => ({ getResponse: () => response }) } as unknown as ArgumentsHost;
    sut.catch(error, host);
    return sent;
  }

  it('answers wrong credentials with 401 invalid_credentials', () => {
    expect(answer(AuthError.invalidCredentials())).toEqual({
      status: 401,
      headers: {},
      body: { statusCode: 401, code: 'invalid_credentials', message: 'wrong username or password' },
    });
  });

  it('answers too many logins with 429 and a Retry-After header', () => {
    expect(answer(AuthError.tooManyRequests(42))).toEqual({
      status: 429,
      headers: { 'Retry-After': '42' },
      body: { statusCode: 429, code: 'too_many_requests', message: 'too many failed logins; try again in 42 s' },
    });
  });

  it('answers an exposed 4xx error of Express middleware with its status and message', () => {
    expect(answer(httpError(400, 'request aborted')).body).toEqual({
      statusCode: 400,
      code: 'bad_request',
      message: 'request aborted',
    });
    expect(answer(Object.assign(new Error('nope'), { statusCode: 416, expose: true })).body).toEqual({
      statusCode: 416,
      code: 'error',
      message: 'nope',
    });
  });

  it.each([
    ['not exposed', Object.assign(new Error('secret detail'), { status: 400, expose: false })],
    ['without expose', Object.assign(new Error('secret detail'), { status: 404 })],
    ['a 5xx', httpError(503, 'upstream down')],
    ['a plain error', new Error('secret detail')],
  ])('answers any other error, such as one %s, with 500 and no detail', (_, error) => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const { status, body } = answer(error);
    expect(logged).toHaveBeenCalledWith(expect.stringContaining(error.message));
    logged.mockRestore();
    expect(status).toBe(HttpStatus.INTERNAL_SERVER_ERROR);
    expect(body).toEqual({
      statusCode: 500,
      code: 'internal_error',
      message: 'internal error; the controller log has the details',
    });
  });
});
