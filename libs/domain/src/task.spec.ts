import { DomainError } from './errors';
import { decideTask, evolveTask, hasEnded, type Task, type TaskEvent } from './task';

const input = { type: 'image-build' as const, configId: 'kiosk', position: 7, commit: 'abc1234' };
const requested: TaskEvent = { type: 'task.requested', schemaVersion: 1, data: input };
const started = (attempt: number): TaskEvent => ({
  type: 'task.started',
  schemaVersion: 1,
  data: { attempt, worker: 'w1' },
});
const artifact = { name: 'thymis-image-kiosk.img', size: 65536, sha256: 'f'.repeat(64) };
const given = (...events: TaskEvent[]) => events.reduce<Task | undefined>(evolveTask, undefined);

describe(decideTask.name, () => {
  const sut = decideTask;

  it('records a request with its input and the task it retries', () => {
    expect(sut('t', given(), { kind: 'request', input })).toEqual([requested]);
    expect(sut('t', given(), { kind: 'request', input, retryOf: 'old' })).toEqual([
      { ...requested, data: { ...input, retryOf: 'old' } },
    ]);
    expect(given(requested)).toEqual({ ...input, status: 'queued', attempts: 0 });
  });

  it('refuses a second request under the same id', () => {
    expect(() => sut('t', given(requested), { kind: 'request', input })).toThrow(DomainError);
  });

  it('counts attempts: a job taken up again after its worker died starts once more', () => {
    expect(sut('t', given(requested), { kind: 'start', worker: 'w1' })).toEqual([started(1)]);
    expect(sut('t', given(requested, started(1)), { kind: 'start', worker: 'w1' })).toEqual([started(2)]);
    expect(given(requested, started(1), started(2))?.attempts).toBe(2);
  });

  it('ends a running task as succeeded with its artifact, or failed with the reason', () => {
    const running = given(requested, started(1));
    expect(sut('t', running, { kind: 'succeed', artifact })).toEqual([
      { type: 'task.succeeded', schemaVersion: 1, data: { artifact } },
    ]);
    expect(sut('t', running, { kind: 'fail', reason: 'no space' })).toEqual([
      { type: 'task.failed', schemaVersion: 1, data: { reason: 'no space' } },
    ]);
    expect(sut('t', running, { kind: 'succeed' })).toEqual([{ type: 'task.succeeded', schemaVersion: 1, data: {} }]);
  });

  it('ignores reports about a task that has ended, so workers may report twice', () => {
    const cancelled = given(requested, { type: 'task.cancelled', schemaVersion: 1, data: { reason: 'by admin' } });
    expect(sut('t', cancelled, { kind: 'start', worker: 'w1' })).toEqual([]);
    expect(sut('t', cancelled, { kind: 'succeed', artifact })).toEqual([]);
    expect(sut('t', cancelled, { kind: 'fail', reason: 'x' })).toEqual([]);
  });

  it('cancels a queued or running task, and refuses to cancel one that has ended', () => {
    expect(sut('t', given(requested), { kind: 'cancel', reason: 'r' })).toEqual([
      { type: 'task.cancelled', schemaVersion: 1, data: { reason: 'r' } },
    ]);
    expect(sut('t', given(requested, started(1)), { kind: 'cancel', reason: 'r' })).toHaveLength(1);
    const done = given(requested, started(1), { type: 'task.succeeded', schemaVersion: 1, data: { artifact } });
    expect(() => sut('t', done, { kind: 'cancel', reason: 'r' })).toThrow("task 't' has ended (succeeded)");
  });

  it('refuses anything but a request for a task that does not exist', () => {
    expect(() => sut('t', given(), { kind: 'start', worker: 'w' })).toThrow("task 't' does not exist");
  });

  it('knows which statuses are final', () => {
    expect(['queued', 'running', 'succeeded', 'failed', 'cancelled'].map((s) => hasEnded(s as Task['status']))).toEqual(
      [false, false, true, true, true],
    );
  });
});
