import { LoginLimiter } from './login-limiter';

describe(LoginLimiter.name, () => {
  let now: number;
  let sut: LoginLimiter;
  beforeEach(() => {
    now = 1_000_000;
    sut = new LoginLimiter({ maxAttempts: 3, windowMs: 60_000 }, () => now);
  });

  const reserveTimes = (client: string, times: number) => Array.from({ length: times }, () => sut.reserve(client));

  it('lets a client make the allowed number of attempts, then tells it how long to wait', () => {
    expect(reserveTimes('a', 3)).toEqual([0, 0, 0]);
    expect(sut.reserve('a')).toBe(60_000);
    now += 1_000;
    expect(sut.reserve('a')).toBe(59_000);
  });

  it('counts attempts that have not finished yet, so that attempts sent at once cannot slip past', () => {
    // Twenty reservations with no outcome in between, as when twenty logins await the password file together.
    expect(reserveTimes('a', 20).filter((wait) => wait === 0)).toHaveLength(3);
  });

  it('keeps clients apart', () => {
    reserveTimes('a', 4);
    expect(sut.reserve('b')).toBe(0);
  });

  it('lets the client in again once the window has passed', () => {
    reserveTimes('a', 4);
    now += 59_000;
    expect(sut.reserve('a')).toBe(1_000);
    now += 1_000;
    expect(reserveTimes('a', 4)).toEqual([0, 0, 0, 60_000]);
  });

  it('forgets the attempts of a client that succeeded', () => {
    reserveTimes('a', 3);
    sut.succeed('a');
    expect(reserveTimes('a', 3)).toEqual([0, 0, 0]);
  });

  it('forgets clients whose window has passed', () => {
    for (let i = 0; i < 100; i++) sut.reserve(`client-${i}`);
    expect(sut.size).toBe(100);
    now += 30_000;
    sut.reserve('late');
    expect(sut.size).toBe(101);
    now += 30_000;
    sut.reserve('later');
    expect(sut.size).toBe(2);
  });

  it('remembers at most maxClients, dropping the oldest', () => {
    sut = new LoginLimiter({ maxAttempts: 1, windowMs: 60_000, maxClients: 3 }, () => now);
    for (const client of ['a', 'b', 'c', 'd']) {
      sut.reserve(client);
      now += 1;
    }
    expect(sut.size).toBe(3);
    expect(sut.reserve('a')).toBe(0);
    expect(sut.reserve('d')).toBeGreaterThan(0);
  });
});
