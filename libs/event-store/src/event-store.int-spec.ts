import { DataSource } from 'typeorm';
import { createTestDatabase, openTestDataSource, type TestDatabase } from '@thymis/testing';
import { migrate } from './database';
import { EventStore } from './event-store';
import { StreamVersionConflict, type StoredEvent } from './stored-event';
import { Subscription } from './subscription';

const meta = { actor: 'test', correlationId: 'c-1' };
const happened = (n: number) => ({ type: 'thing.happened', schemaVersion: 1, data: { n } });

describe(EventStore.name, () => {
  let database: TestDatabase;
  let db: DataSource;
  let sut: EventStore;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = await openTestDataSource(database.url);
    sut = new EventStore(db, () => new Date('2026-01-02T03:04:05Z'));
  });
  afterAll(async () => {
    await db.destroy();
    await database.drop();
  });
  beforeEach(() => db.query('TRUNCATE events, outbox, checkpoints RESTART IDENTITY'));

  const outboxCount = async () => Number((await db.query('SELECT count(*) AS n FROM outbox'))[0].n);

  it('appends to a new stream and reads it back with metadata', async () => {
    const appended = await sut.append('s-1', [happened(1), happened(2)], { expectedVersion: 0, metadata: meta });
    expect(appended).toEqual({ position: 2, version: 2, at: new Date('2026-01-02T03:04:05Z') });
    const events = await sut.readStream('s-1');
    expect(events.map((e) => [e.position, e.version, e.data])).toEqual([
      [1, 1, { n: 1 }],
      [2, 2, { n: 2 }],
    ]);
    expect(events[0].metadata).toEqual({ ...meta, at: '2026-01-02T03:04:05.000Z' });
  });

  it('refuses an append at a stale version with a typed conflict and writes nothing', async () => {
    await sut.append('s-1', [happened(1)], { expectedVersion: 0, metadata: meta });
    const stale = sut.append('s-1', [happened(2)], {
      expectedVersion: 0,
      metadata: meta,
      outbox: [{ topic: 't', payload: {} }],
    });
    await expect(stale).rejects.toBeInstanceOf(StreamVersionConflict);
    await expect(stale).rejects.toMatchObject({ streamId: 's-1', expectedVersion: 0, actualVersion: 1 });
    expect(await sut.readStream('s-1')).toHaveLength(1);
    expect(await outboxCount()).toBe(0);
  });

  it('refuses an expected version ahead of the stream', async () => {
    await expect(sut.append('s-1', [happened(1)], { expectedVersion: 3, metadata: meta })).rejects.toBeInstanceOf(
      StreamVersionConflict,
    );
  });

  it('lets exactly one of two racing appends at the same version win', async () => {
    const results = await Promise.allSettled(
      [1, 2, 3, 4].map((n) => sut.append('race', [happened(n)], { expectedVersion: 0, metadata: meta })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results.filter((r) => r.status === 'rejected')) {
      expect(r.reason).toBeInstanceOf(StreamVersionConflict);
    }
  });

  it('writes an outbox row exactly when its event commits', async () => {
    await sut.append('s-1', [happened(1)], {
      expectedVersion: 0,
      metadata: meta,
      outbox: [{ topic: 'jobs', payload: { id: 'x' } }],
    });
    const rows = await db.query('SELECT position, topic, payload FROM outbox');
    expect(rows).toEqual([{ position: '1', topic: 'jobs', payload: { id: 'x' } }]);

    await expect(
      sut.transaction(async (tx) => {
        await sut.append(
          's-2',
          [happened(2)],
          { expectedVersion: 0, metadata: meta, outbox: [{ topic: 'jobs', payload: {} }] },
          tx,
        );
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await sut.readStream('s-2')).toEqual([]);
    expect(await outboxCount()).toBe(1);
  });

  it('commits appends to several streams together or not at all', async () => {
    await sut.append('a', [happened(1)], { expectedVersion: 0, metadata: meta });
    const both = sut.transaction(async (tx) => {
      await sut.append('b', [happened(2)], { expectedVersion: 0, metadata: meta }, tx);
      await sut.append('a', [happened(3)], { expectedVersion: 0, metadata: meta }, tx);
    });
    await expect(both).rejects.toBeInstanceOf(StreamVersionConflict);
    expect(await sut.readStream('b')).toEqual([]);
  });

  it('pages the whole log for the audit', async () => {
    for (let n = 1; n <= 5; n++) await sut.append(`s-${n}`, [happened(n)], { expectedVersion: 0, metadata: meta });
    expect((await sut.readAll(0, 2)).map((e) => e.position)).toEqual([1, 2]);
    expect((await sut.readAll(2, 10)).map((e) => e.position)).toEqual([3, 4, 5]);
    expect(await sut.head()).toBe(5);
  });

  it('runs migrations once when several processes start together', async () => {
    const other = await createTestDatabase();
    await other.drop(); // an empty database: recreate without the template's tables
    const { Client } = await import('pg');
    const admin = new Client({ connectionString: other.url.replace(/\/[^/]+$/, '/postgres') });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${other.url.split('/').pop()}`);
    await admin.end();
    const sources = await Promise.all([1, 2, 3].map(() => openTestDataSource(other.url)));
    await Promise.all(sources.map((s) => migrate(s)));
    const applied = await sources[0].query('SELECT name FROM migrations ORDER BY id');
    expect(applied.length).toBeGreaterThanOrEqual(3);
    await Promise.all(sources.map((s) => s.destroy()));
    await other.drop();
  });

  describe(Subscription.name, () => {
    const collect = (name: string) => {
      const seen: StoredEvent[] = [];
      const subscription = new Subscription(
        db,
        database.url,
        name,
        (events) => Promise.resolve(void seen.push(...events)),
        {
          pollMs: 50,
        },
      );
      return { seen, subscription };
    };

    it('delivers every event once, in order, while five writers append concurrently', async () => {
      const { seen, subscription } = collect('concurrent');
      await subscription.start();
      const perWriter = 60;
      await Promise.all(
        [1, 2, 3, 4, 5].map(async (writer) => {
          for (let n = 1; n <= perWriter; n++) {
            await sut.append(`w-${writer}`, [happened(n)], { expectedVersion: n - 1, metadata: meta });
          }
        }),
      );
      const head = await sut.head();
      expect(await subscription.waitFor(head, 10_000)).toBe(true);
      await subscription.stop();
      expect(seen).toHaveLength(5 * perWriter);
      expect(seen.map((e) => e.position)).toEqual([...seen.map((e) => e.position)].sort((a, b) => a - b));
      expect(new Set(seen.map((e) => e.position)).size).toBe(seen.length);
    });

    it('waits for a transaction still in flight instead of skipping its event', async () => {
      const { seen, subscription } = collect('in-flight');
      await subscription.start();
      const runner = db.createQueryRunner();
      await runner.connect();
      await runner.startTransaction();
      const slow = await sut.append('slow', [happened(1)], { expectedVersion: 0, metadata: meta }, runner.manager);
      const fast = await sut.append('fast', [happened(2)], { expectedVersion: 0, metadata: meta });
      expect(fast.position).toBeGreaterThan(slow.position);
      expect(await subscription.waitFor(fast.position, 300)).toBe(false);
      expect(seen).toEqual([]);
      await runner.commitTransaction();
      await runner.release();
      expect(await subscription.waitFor(fast.position)).toBe(true);
      await subscription.stop();
      expect(seen.map((e) => e.streamId)).toEqual(['slow', 'fast']);
    });

    it('steps over the position of a transaction that rolled back', async () => {
      const { seen, subscription } = collect('rolled-back');
      await subscription.start();
      const runner = db.createQueryRunner();
      await runner.connect();
      await runner.startTransaction();
      await sut.append('doomed', [happened(1)], { expectedVersion: 0, metadata: meta }, runner.manager);
      const kept = await sut.append('kept', [happened(2)], { expectedVersion: 0, metadata: meta });
      await runner.rollbackTransaction();
      await runner.release();
      expect(await subscription.waitFor(kept.position)).toBe(true);
      await subscription.stop();
      expect(seen.map((e) => e.streamId)).toEqual(['kept']);
    });

    it('is not held back by unrelated transactions while it steps over a rolled-back hole', async () => {
      const { Client } = await import('pg');
      const idle = new Client({ connectionString: database.url.replace(/\/[^/]+$/, '/postgres') });
      await idle.connect();
      await idle.query('BEGIN');
      await idle.query('SELECT pg_current_xact_id()'); // an open writer elsewhere on the server
      const sameDatabase = db.createQueryRunner();
      await sameDatabase.startTransaction();
      await sameDatabase.query('SELECT pg_current_xact_id()'); // and one here that appends nothing
      const { seen, subscription } = collect('unrelated');
      await subscription.start();
      const doomed = db.createQueryRunner();
      await doomed.startTransaction();
      await sut.append('doomed', [happened(1)], { expectedVersion: 0, metadata: meta }, doomed.manager);
      const kept = await sut.append('kept', [happened(2)], { expectedVersion: 0, metadata: meta });
      await doomed.rollbackTransaction();
      await doomed.release();
      expect(await subscription.waitFor(kept.position, 2000)).toBe(true);
      expect((await sut.readAll(0, 10)).map((e) => e.streamId)).toEqual(['kept']);
      await subscription.stop();
      expect(seen.map((e) => e.streamId)).toEqual(['kept']);
      await sameDatabase.rollbackTransaction();
      await sameDatabase.release();
      await idle.query('ROLLBACK');
      await idle.end();
    });

    it('ends an audit page before a hole an append in flight may still fill', async () => {
      const slow = db.createQueryRunner();
      await slow.startTransaction();
      await sut.append('slow', [happened(1)], { expectedVersion: 0, metadata: meta }, slow.manager);
      await sut.append('fast', [happened(2)], { expectedVersion: 0, metadata: meta });
      expect(await sut.readAll(0, 10)).toEqual([]);
      await slow.commitTransaction();
      await slow.release();
      expect((await sut.readAll(0, 10)).map((e) => e.streamId)).toEqual(['slow', 'fast']);
    });

    it('resumes from its checkpoint and shares work across processes without handling an event twice', async () => {
      for (let n = 1; n <= 3; n++) await sut.append(`r-${n}`, [happened(n)], { expectedVersion: 0, metadata: meta });
      const first = collect('shared');
      await first.subscription.start();
      expect(first.seen).toHaveLength(3);
      await first.subscription.stop();

      const a = collect('shared');
      const b = collect('shared');
      await Promise.all([a.subscription.start(), b.subscription.start()]);
      for (let n = 4; n <= 40; n++) await sut.append(`r-${n}`, [happened(n)], { expectedVersion: 0, metadata: meta });
      await Promise.all([a.subscription.waitFor(40), b.subscription.waitFor(40)]);
      await Promise.all([a.subscription.stop(), b.subscription.stop()]);
      const handled = [...a.seen, ...b.seen].map((e) => e.position).sort((x, y) => x - y);
      expect(handled).toEqual(Array.from({ length: 37 }, (_, i) => i + 4));
    });
  });
});
