import { reconnectDelay } from './reconnect-delay';

describe(reconnectDelay.name, () => {
  it('doubles with each failed attempt, between half and all of the ceiling', () => {
    expect([0, 1, 2, 3].map((attempt) => reconnectDelay(attempt, () => 0))).toEqual([250, 500, 1000, 2000]);
    expect([0, 1, 2, 3].map((attempt) => reconnectDelay(attempt, () => 1))).toEqual([500, 1000, 2000, 4000]);
  });

  it('never waits longer than half a minute, however many attempts failed', () => {
    expect(reconnectDelay(10, () => 1)).toBe(30_000);
    expect(reconnectDelay(1_000, () => 1)).toBe(30_000);
    expect(reconnectDelay(1_000, () => 0)).toBe(15_000);
  });
});
