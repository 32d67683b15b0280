import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Queue, QueueEvents } from 'bullmq';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { SessionRecord, SessionStore } from '@thymis/auth';
import { loadConfig } from '@thymis/config';
import { bullConnection, JobName, QueueName } from '@thymis/queue';
import { createTestDatabase, openTestDataSource, type TestDatabase } from '@thymis/testing';
import { WorkerModule } from './worker.module';

describe(WorkerModule.name, () => {
  let database: TestDatabase;
  let db: DataSource;
  let worker: INestApplicationContext;
  let queue: Queue;
  let events: QueueEvents;
  const config = () =>
    loadConfig({ DATABASE_URL: database.url, THYMIS_REDIS_PREFIX: `thymis-test-${randomBytes(4).toString('hex')}` });

  beforeAll(async () => {
    database = await createTestDatabase();
    db = await openTestDataSource(database.url);
    const settings = config();
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(settings), { logger: ['error'] });
    await worker.init();
    queue = new Queue(QueueName.Maintenance, bullConnection(settings));
    events = new QueueEvents(QueueName.Maintenance, bullConnection(settings));
    await events.waitUntilReady();
  });

  afterAll(async () => {
    await worker.close();
    await events.close();
    await queue.obliterate({ force: true });
    await queue.close();
    await db.destroy();
    await database.drop();
  });

  it('schedules session purging at start', async () => {
    const schedulers = await queue.getJobSchedulers();
    expect(schedulers.map((s) => [s.key, s.every])).toEqual([[JobName.PurgeExpiredSessions, 3_600_000]]);
  });

  it('purges expired sessions and keeps live ones', async () => {
    const past = new SessionStore(db, 60, () => new Date(Date.now() - 3_600_000));
    await past.open('old');
    const live = await new SessionStore(db, 3600).open('current');
    const job = await queue.add(JobName.PurgeExpiredSessions, {});
    expect(await job.waitUntilFinished(events, 10_000)).toEqual({ purged: 1 });
    expect((await db.getRepository(SessionRecord).find()).map((s) => s.username)).toEqual(['current']);
    expect(await new SessionStore(db, 3600).user(live.secret)).toBe('current');
  });

  it('fails a job it has no handler for without retrying it', async () => {
    const job = await queue.add('no-such-job', {}, { attempts: 3 });
    await expect(job.waitUntilFinished(events, 10_000)).rejects.toThrow("no handler for job 'no-such-job'");
    expect((await queue.getJob(job.id!))?.attemptsMade).toBe(1);
  });
});
