import { Worker, type Job } from 'bullmq';
import { hostname } from 'node:os';
import type { AppConfig } from '@thymis/config';
import { bullConnection, type QueueName } from '@thymis/queue';

/** This process as workers and task events name it. */
export const WORKER_NAME = `${hostname()}:${process.pid}`;

/**
 * A BullMQ worker with the controller's settings: concurrency, and a lock that, once this process stops renewing it
 * (killed mid-job), lets the job be taken up again after `lockMs`.
 */
export function startQueueWorker<T>(config: AppConfig, queue: QueueName, handle: (job: Job<T>) => Promise<unknown>) {
  return new Worker<T>(queue, handle, {
    ...bullConnection(config),
    concurrency: config.worker.concurrency,
    lockDuration: config.worker.lockMs,
    stalledInterval: config.worker.lockMs,
    name: WORKER_NAME,
  });
}
