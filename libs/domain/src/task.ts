import { DomainError, notFound } from './errors';
import type { DomainEvent } from './events';

/**
 * A long job as the log records it; progress itself travels through Redis, not events. A probe does nothing: it shows
 * that requests reach the workers and their reports come back.
 */
export type TaskType = 'image-build' | 'probe';
export type TaskStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
export const TASK_TYPES: TaskType[] = ['image-build', 'probe'];
export const TASK_STATUSES: TaskStatus[] = ['queued', 'running', 'succeeded', 'failed', 'cancelled'];

export interface TaskInput {
  type: TaskType;
  /** What an image build builds. */
  configId?: string;
  /** The log position an image build renders the repository at: later edits do not leak in. */
  position?: number;
  /** The repository commit at that position, for people. */
  commit?: string;
}

export interface Artifact {
  name: string;
  size: number;
  sha256: string;
}

export interface Task extends TaskInput {
  status: TaskStatus;
  attempts: number;
  retryOf?: string;
  artifact?: Artifact;
  reason?: string;
}

export type TaskEvent =
  | DomainEvent<'task.requested', TaskInput & { retryOf?: string }>
  | DomainEvent<'task.started', { attempt: number; worker: string }>
  | DomainEvent<'task.succeeded', { artifact?: Artifact }>
  | DomainEvent<'task.failed', { reason: string }>
  | DomainEvent<'task.cancelled', { reason: string }>;

export type TaskCommand =
  | { kind: 'request'; input: TaskInput; retryOf?: string }
  | { kind: 'start'; worker: string }
  | { kind: 'succeed'; artifact?: Artifact }
  | { kind: 'fail'; reason: string }
  | { kind: 'cancel'; reason: string };

export const hasEnded = (status: TaskStatus) => status === 'succeeded' || status === 'failed' || status === 'cancelled';
const event = <E extends TaskEvent>(type: E['type'], data: E['data']) => ({ type, schemaVersion: 1, data }) as E;

export function evolveTask(task: Task | undefined, e: TaskEvent): Task | undefined {
  switch (e.type) {
    case 'task.requested':
      return { ...e.data, status: 'queued', attempts: 0 };
    case 'task.started':
      return task && { ...task, status: 'running', attempts: e.data.attempt };
    case 'task.succeeded':
      return task && { ...task, status: 'succeeded', artifact: e.data.artifact };
    case 'task.failed':
      return task && { ...task, status: 'failed', reason: e.data.reason };
    case 'task.cancelled':
      return task && { ...task, status: 'cancelled', reason: e.data.reason };
  }
}

/**
 * Workers report what happened; a report about a task that has ended already (a cancelled build finishing, a job
 * retried after its worker died) changes nothing, so workers may report twice.
 */
export function decideTask(id: string, task: Task | undefined, command: TaskCommand): TaskEvent[] {
  if (command.kind === 'request') {
    if (task) throw new DomainError('already_exists', `task '${id}' already exists`);
    return [event('task.requested', { ...command.input, ...(command.retryOf ? { retryOf: command.retryOf } : {}) })];
  }
  if (!task) throw notFound('task', id);
  if (command.kind === 'cancel') {
    if (hasEnded(task.status)) throw new DomainError('nothing_to_do', `task '${id}' has ended (${task.status})`);
    return [event('task.cancelled', { reason: command.reason })];
  }
  if (hasEnded(task.status)) return [];
  switch (command.kind) {
    case 'start':
      return [event('task.started', { attempt: task.attempts + 1, worker: command.worker })];
    case 'succeed':
      return [event('task.succeeded', command.artifact ? { artifact: command.artifact } : {})];
    case 'fail':
      return [event('task.failed', { reason: command.reason })];
  }
}

export const taskAggregate = {
  evolve: evolveTask,
  decide: decideTask,
};
