/** Every queue and job the workers serve. A job name belongs to exactly one queue; its payload type is below. */
export enum QueueName {
  Maintenance = 'maintenance',
}

export enum JobName {
  PurgeExpiredSessions = 'purge-expired-sessions',
}

export const QUEUE_OF: Record<JobName, QueueName> = {
  [JobName.PurgeExpiredSessions]: QueueName.Maintenance,
};

/** Payloads carry ids, never whole objects: a handler reads what it needs, so a retried job sees fresh state. */
export interface JobPayloads {
  [JobName.PurgeExpiredSessions]: Record<string, never>;
}

/** The job names a queue serves. */
export const jobsOf = (queue: QueueName): JobName[] =>
  (Object.keys(QUEUE_OF) as JobName[]).filter((job) => QUEUE_OF[job] === queue);
