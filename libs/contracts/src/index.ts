/** Shapes the API answers with, shared by the API and the dashboard. */
import type { HardwareModel, ImageFormat, ModuleInstance, StateDocument } from '@thymis/domain';

export type { HardwareModel, ImageFormat, ModuleInstance, StateDocument };

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
