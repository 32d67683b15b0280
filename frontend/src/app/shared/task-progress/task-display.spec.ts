import type { TaskProgress } from '@thymis/contracts';
import { formatSize, isActive, progressBar } from './task-display';

const halfway: TaskProgress = {
  builds: { done: 2, expected: 4, running: 1, failed: 0 },
  downloads: { done: 0, expected: 0 },
  activity: 'building thymis-image-kiosk',
  percent: 50,
};

describe(progressBar.name, () => {
  it('shows a running build at its reported percent, with its activity', () => {
    expect(progressBar('running', halfway)).toEqual({
      value: 50,
      label: 'building thymis-image-kiosk',
      tone: 'running',
    });
  });

  it('moves without a number while a running task has not reported yet', () => {
    expect(progressBar('running', null)).toEqual({ value: null, label: 'Running', tone: 'running' });
  });

  it('fills the bar once the task succeeded, whatever the last report said', () => {
    expect(progressBar('succeeded', halfway)).toEqual({ value: 100, label: 'Done', tone: 'succeeded' });
  });

  it('keeps where a failed or cancelled build stopped, in the failure tone', () => {
    expect(progressBar('failed', halfway)).toMatchObject({ value: 50, tone: 'failed', label: 'Failed' });
    expect(progressBar('cancelled', null)).toMatchObject({ value: 0, tone: 'failed', label: 'Cancelled' });
  });

  it('shows a queued task as not started', () => {
    expect(progressBar('queued', null)).toMatchObject({ value: 0, label: 'Waiting for a worker' });
  });
});

describe(formatSize.name, () => {
  it.each([
    [512, '512 bytes'],
    [64 * 1024, '64 KiB'],
    [1.5 * 1024 ** 3, '1.5 GiB'],
    [123 * 1024 ** 2, '123 MiB'],
  ])('%d bytes read as %s', (bytes, text) => expect(formatSize(bytes)).toBe(text));
});

describe(isActive.name, () => {
  it('counts queued and running tasks as active, ended ones not', () => {
    expect(['queued', 'running', 'succeeded', 'failed', 'cancelled'].filter((s) => isActive(s as never))).toEqual([
      'queued',
      'running',
    ]);
  });
});
