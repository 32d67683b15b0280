/** Every queue and job the workers serve. A job name belongs to exactly one queue; its payload type is below. */
export enum QueueName {
  Maintenance = 'maintenance',
  ImageBuilds = 'image-builds',
  Probes = 'probes',
}

export enum JobName {
  PurgeExpiredSessions = 'purge-expired-sessions',
  BuildImage = 'build-image',
  Probe = 'probe',
}

export const QUEUE_OF: Record<JobName, QueueName> = {
  [JobName.PurgeExpiredSessions]: QueueName.Maintenance,
  [JobName.BuildImage]: QueueName.ImageBuilds,
  [JobName.Probe]: QueueName.Probes,
};

/** Redis channel on which the API tells workers to stop a task's job (message: the task id); one per key prefix. */
export const cancelChannel = (prefix: string) => `${prefix}:cancel-task`;

/** Payloads carry ids, never whole objects: a handler reads what it needs, so a retried job sees fresh state. */
export interface JobPayloads {
  [JobName.PurgeExpiredSessions]: Record<string, never>;
  [JobName.BuildImage]: { taskId: string };
  [JobName.Probe]: { taskId: string };
}

/** Fails at boot unless every job name has exactly one handler among the processors, each on the job's own queue. */
export function assertEveryJobHandled(processors: { queue: QueueName; jobs: string[] }[]): void {
  const problems: string[] = [];
  for (const job of Object.values(JobName)) {
    const handlers = processors.filter((p) => p.jobs.includes(job));
    if (handlers.length !== 1) problems.push(`job '${job}' has ${handlers.length} handlers`);
    else if (handlers[0].queue !== QUEUE_OF[job])
      problems.push(`job '${job}' is handled on ${String(handlers[0].queue)}`);
  }
  for (const { jobs } of processors) {
    for (const job of jobs) if (!(job in QUEUE_OF)) problems.push(`no job is named '${job}'`);
  }
  if (problems.length > 0) throw new Error(`worker job handlers: ${problems.join('; ')}`);
}
