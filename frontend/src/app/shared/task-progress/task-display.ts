import type { TaskProgress, TaskStatus } from '@thymis/contracts';
import type { ProgressTone } from '../progress-bar/progress-bar.component';

/** Queued or running: it can still be cancelled, and cannot be retried yet. */
export const isActive = (status: TaskStatus): boolean => status === 'queued' || status === 'running';

export interface BarState {
  /** 0–100, or null while a running task has not said how far it is. */
  value: number | null;
  label: string;
  tone: ProgressTone;
}

/** What a task's progress bar shows in each state; `progress` is the worker's last report, if any. */
export function progressBar(status: TaskStatus, progress: TaskProgress | null | undefined): BarState {
  switch (status) {
    case 'queued':
      return { value: 0, label: 'Waiting for a worker', tone: 'running' };
    case 'running':
      return { value: progress?.percent ?? null, label: progress?.activity ?? 'Running', tone: 'running' };
    case 'succeeded':
      // The worker's last report may predate the end: an ended task is whole.
      return { value: 100, label: 'Done', tone: 'succeeded' };
    case 'failed':
      return { value: progress?.percent ?? 0, label: 'Failed', tone: 'failed' };
    case 'cancelled':
      return { value: progress?.percent ?? 0, label: 'Cancelled', tone: 'failed' };
  }
}

const UNITS = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];

/** An image's size as people read it: "64 KiB", "1.5 GiB". */
export function formatSize(bytes: number): string {
  let size = bytes;
  let unit = 0;
  while (size >= 1024 && unit < UNITS.length - 1) {
    size /= 1024;
    unit++;
  }
  const digits = unit === 0 || size >= 10 ? 0 : 1;
  return `${size.toFixed(digits)} ${UNITS[unit]}`;
}

/** Task ids are UUIDs: the first group tells them apart on one screen. */
export const shortId = (id: string): string => id.slice(0, 8);
