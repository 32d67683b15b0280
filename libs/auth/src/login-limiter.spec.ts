import { LoginLimiter } from './login-limiter';

describe(LoginLimiter.name, () => {
  let now: number;
  let sut: LoginLimiter;
  beforeEach(() => {
    now = 1_000_000;
    sut = new LoginLimiter(3, 60_000, () => now);
  });

  it('lets a client try until it has failed the allowed number of times', () => {
    sut.fail('a');
    sut.fail('a');
    expect(sut.retryAfter('a')).toBe(0);
    sut.fail('a');
    expect(sut.retryAfter('a')).toBe(60_000);
  });

  it('keeps clients apart', () => {
    for (let i = 0; i < 3; i++) sut.fail('a');
    expect(sut.retryAfter('b')).toBe(0);
  });

  it('lets the client in again once the window has passed', () => {
    for (let i = 0; i < 3; i++) sut.fail('a');
    now += 59_000;
    expect(sut.retryAfter('a')).toBe(1_000);
    now += 1_000;
    expect(sut.retryAfter('a')).toBe(0);
  });

  it('forgets failures after a success', () => {
    sut.fail('a');
    sut.fail('a');
    sut.succeed('a');
    sut.fail('a');
    expect(sut.retryAfter('a')).toBe(0);
  });
});
