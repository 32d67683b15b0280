/** Shapes the API answers with, shared by the API and the dashboard. */
import type {
  Artifact,
  HardwareModel,
  ImageFormat,
  ModuleInstance,
  SettingValue,
  StateDocument,
  TaskStatus,
  TaskType,
} from '@thymis/domain';

// Type-only: the dashboard compiles these without pulling domain code into its bundle.
export type { Artifact, HardwareModel, ImageFormat, ModuleInstance, SettingValue, StateDocument, TaskStatus, TaskType };

export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
}

export interface List<T> {
  items: T[];
  total?: number;
  next?: number;
}

export interface ConfigView {
  identifier: string;
  displayName: string;
  hardwareModel: HardwareModel;
  imageFormat: ImageFormat;
  tags: string[];
  modules: ModuleInstance[];
  version: number;
}

export interface TagView {
  identifier: string;
  displayName: string;
  priority: number;
  modules: ModuleInstance[];
  version: number;
}

export interface EventView {
  position: number;
  /** Events of one command share it. */
  transactionId: string;
  streamId: string;
  version: number;
  type: string;
  schemaVersion: number;
  data: unknown;
  metadata: { actor: string; correlationId: string; at: string };
}

export interface TokenView {
  id: string;
  name: string;
  createdBy: string;
  createdAt: string;
  revokedAt: string | null;
}

export interface CreatedToken extends TokenView {
  /** The secret: shown once, never stored. */
  token: string;
}

export interface Me {
  username: string;
  via: 'session' | 'token';
}

export interface Health {
  status: 'ok' | 'degraded';
  database: 'up' | 'down';
  redis: 'up' | 'down';
}

/** `GET /api/tasks` items. Dates are ISO strings on the wire. */
export interface TaskView {
  id: string;
  type: TaskType;
  /** The configuration an image build builds. */
  configId: string | null;
  status: TaskStatus;
  /** Log position an image build renders the configuration at. */
  position: number | null;
  /** Repository commit at that position. */
  commit: string | null;
  attempts: number;
  retryOf: string | null;
  artifact: Artifact | null;
  /** Why it failed or was cancelled. */
  reason: string | null;
  requestedBy: string;
  createdAt: string;
  updatedAt: string;
}

/** A running image build as its worker last reported it. */
export interface TaskProgress {
  builds: { done: number; expected: number; running: number; failed: number };
  downloads: { done: number; expected: number };
  /** What runs now, e.g. "building thymis-image-kiosk-raw-efi (installPhase)". */
  activity?: string;
  /** 0–100; 100 only once the build has finished without failure. */
  percent: number;
}

/** `GET /api/tasks/:id`. */
export interface TaskDetailView extends TaskView {
  progress: TaskProgress | null;
}

/** `GET /api/tasks/:id/logs`; `complete` is false while more lines may come. */
export interface TaskLogs {
  lines: string[];
  complete: boolean;
}

/** 202 answer of every request that starts a task. */
export interface TaskAccepted {
  taskId: string;
}

/** `GET /api/queues` items: jobs per state and the worker processes connected. */
export interface QueueView {
  name: string;
  counts: { waiting: number; active: number; completed: number; failed: number; delayed: number; paused: number };
  workers: { name: string; address: string; age: number }[];
}

/** `GET /api/history` items: one commit of the configuration repository. */
export interface HistoryEntry {
  sha: string;
  message: string;
  author: string;
  date: string;
  /** Position in the event log of the last event the commit records. */
  position: number;
}

/** `GET /api/history/:sha/diff`: unified diff of every file the commit changed. */
export interface HistoryDiff {
  sha: string;
  diff: string;
}

export type SettingType = 'bool' | 'string' | 'int' | 'select' | 'list' | 'textarea' | 'nix';

/** One setting of a catalogue module; `default` is what the device uses when the setting is not set. */
export interface SettingView {
  name: string;
  type: SettingType;
  displayName: string;
  description: string;
  default: SettingValue;
  choices?: string[];
  min?: number;
  max?: number;
  /** A list's items: plain strings, or objects whose fields are settings themselves. */
  of?: 'string' | { fields: SettingView[] };
  /** Anchored regular expression a string (or each item of a list of strings) must match. */
  pattern?: string;
  patternDescription?: string;
  unique?: boolean;
}

/** `GET /api/modules` items: the module catalogue. */
export interface ModuleTypeView {
  type: string;
  displayName: string;
  description: string;
  settings: SettingView[];
}

/** Topics of the `/api/ws` live feed. */
export type LiveTopic = 'state' | 'tasks' | `task:${string}`;

export type LiveClientMessage = { type: 'subscribe' | 'unsubscribe'; topics: LiveTopic[] };

export type LiveServerMessage =
  | { type: 'subscribed' | 'unsubscribed'; topics: LiveTopic[] }
  | { type: 'event'; topic: LiveTopic; message: unknown }
  | { type: 'error'; message: string };

/** On `state`: configurations or tags changed up to this log position; fetch again. */
export interface LiveStateChange {
  position: number;
}

/** On `tasks` and `task:<id>`: a task's status changed (`type` is the event, e.g. "task.succeeded"). */
export interface LiveTaskChange {
  taskId: string;
  type: string;
  data: unknown;
  at: string;
}

/** On `task:<id>` only: a running build's progress, with the log lines since the last report. */
export interface LiveTaskProgress {
  type: 'task.progress';
  data: TaskProgress & { lines?: string[] };
}
