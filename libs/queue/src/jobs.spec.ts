import { assertEveryJobHandled, JobName, QueueName } from './jobs';

describe(assertEveryJobHandled.name, () => {
  const maintenance = { queue: QueueName.Maintenance, jobs: [JobName.PurgeExpiredSessions] };
  const builds = { queue: QueueName.ImageBuilds, jobs: [JobName.BuildImage] };
  const probes = { queue: QueueName.Probes, jobs: [JobName.Probe] };

  it('accepts one handler per job on its own queue', () => {
    expect(() => assertEveryJobHandled([maintenance, builds, probes])).not.toThrow();
  });

  it('refuses a job without a handler, or with two', () => {
    expect(() => assertEveryJobHandled([builds, probes])).toThrow("job 'purge-expired-sessions' has 0 handlers");
    expect(() => assertEveryJobHandled([maintenance, maintenance, builds, probes])).toThrow(
      "job 'purge-expired-sessions' has 2 handlers",
    );
  });

  it('refuses a handler for a job no queue knows', () => {
    expect(() =>
      assertEveryJobHandled([builds, probes, { ...maintenance, jobs: [...maintenance.jobs, 'typo'] }]),
    ).toThrow("no job is named 'typo'");
  });
});
