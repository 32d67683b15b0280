import { ApiError, toApiError } from './api-error';

describe(ApiError.name, () => {
  it('files each problem of a message under the field it names', () => {
    const sut = new ApiError(
      400,
      'validation_failed',
      "displayName: must not be empty; tags.0: tag 'x' does not exist",
    );
    expect(sut.fields).toEqual({ displayName: 'must not be empty', 'tags.0': "tag 'x' does not exist" });
    expect(sut.forField('displayName')).toBe('must not be empty');
    expect(sut.forField('tags')).toBe("0: tag 'x' does not exist");
    expect(sut.forField('hardwareModel')).toBeUndefined();
  });

  it('keeps a reason whole when it holds colons and semicolons of its own', () => {
    const reason = "Nix syntax error at line 2, column 5: unexpected ';'; at the end";
    const sut = new ApiError(400, 'validation_failed', `settings.code: ${reason}`);
    expect(sut.fields).toEqual({ 'settings.code': reason });
    expect(sut.forField('settings')).toBe(`code: ${reason}`);
  });

  it('names no field for a message about the whole request', () => {
    const sut = new ApiError(409, 'conflict', 'changed by someone else meanwhile; reload and try again');
    expect(sut.fields).toEqual({});
    expect(sut.message).toBe('changed by someone else meanwhile; reload and try again');
  });
});

describe(toApiError.name, () => {
  it('takes the API error body of an HTTP error response', () => {
    const sut = toApiError({ status: 412, error: { statusCode: 412, code: 'precondition_failed', message: 'stale' } });
    expect(sut).toBeInstanceOf(ApiError);
    expect(sut).toMatchObject({ statusCode: 412, code: 'precondition_failed', message: 'stale' });
  });

  it('says the controller cannot be reached when no answer came', () => {
    expect(toApiError({ status: 0, error: new Error('offline') })).toMatchObject({
      statusCode: 0,
      code: 'unreachable',
    });
  });

  it('names the status of an answer that is not in the API error shape', () => {
    expect(toApiError({ status: 502, error: '<html>Bad gateway</html>' })).toMatchObject({
      statusCode: 502,
      code: 'http_error',
      message: 'the controller answered 502',
    });
  });
});
