import { ConfigError, loadConfig } from './app-config';

describe(loadConfig.name, () => {
  it('gives defaults that start the controller on this machine', () => {
    const sut = loadConfig({});
    expect(sut.listen).toEqual({ host: '127.0.0.1', port: 8000, trustProxy: false });
    expect(sut.database.url).toBe('postgres://postgres@127.0.0.1:5432/thymis');
    expect(sut.redis.url).toBe('redis://127.0.0.1:6379');
    expect(sut.auth.username).toBe('admin');
    expect(sut.auth.passwordFile).toMatch(/var\/auth-basic-password$/);
    expect(sut.repoPath).toMatch(/var\/repository$/);
    expect(sut.baseUrl).toBe('http://127.0.0.1:8000/');
  });

  it('derives paths from THYMIS_STATE_DIR', () => {
    const sut = loadConfig({ THYMIS_STATE_DIR: '/srv/thymis' });
    expect(sut.repoPath).toBe('/srv/thymis/repository');
    expect(sut.auth.passwordFile).toBe('/srv/thymis/auth-basic-password');
  });

  it.each<[string, string | number]>([
    ['loopback', 'loopback'],
    ['1', 1],
    ['loopback, 10.0.0.0/8,fd00::/8 ,192.0.2.7', 'loopback,10.0.0.0/8,fd00::/8,192.0.2.7'],
  ])('passes THYMIS_TRUST_PROXY=%p on to Express as %p', (value, trustProxy) => {
    expect(loadConfig({ THYMIS_TRUST_PROXY: value }).listen.trustProxy).toEqual(trustProxy);
  });

  it.each(['true', 'everyone', '10.0.0.0/33', '10.0.0.1/8/8', '1.5', '101', 'loopback,'])(
    'refuses THYMIS_TRUST_PROXY=%p',
    (value) => {
      expect(() => loadConfig({ THYMIS_TRUST_PROXY: value })).toThrow(/THYMIS_TRUST_PROXY: /);
    },
  );

  it('sends images to the controller only when a remote worker names it and its token', () => {
    expect(loadConfig({}).worker.controller).toBeUndefined();
    const sut = loadConfig({ THYMIS_CONTROLLER_URL: 'https://ctl.example/thymis', THYMIS_WORKER_TOKEN: ' t0k ' });
    expect(sut.worker.controller).toEqual({ url: 'https://ctl.example/thymis/', token: 't0k' });
  });

  it.each([
    [{ THYMIS_CONTROLLER_URL: 'http://ctl:8000' }, /set both .* or neither/],
    [{ THYMIS_WORKER_TOKEN: 'secret' }, /set both .* or neither/],
    [{ THYMIS_CONTROLLER_URL: 'ftp://ctl', THYMIS_WORKER_TOKEN: 'secret' }, /THYMIS_CONTROLLER_URL: protocol/],
  ])('refuses a half-configured remote worker: %p', (env, problem) => {
    expect(() => loadConfig(env)).toThrow(problem);
  });

  it('lists every bad key at once', () => {
    const attempt = () => loadConfig({ LISTEN_PORT: '70000', DATABASE_URL: 'mysql://x', REDIS_URL: 'not a url' });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      expect((error as ConfigError).problems).toEqual([
        'LISTEN_PORT: must be a whole number from 1 to 65535',
        'DATABASE_URL: protocol must be one of postgres:, postgresql:',
        'REDIS_URL: not a valid URL',
      ]);
    }
  });
});
