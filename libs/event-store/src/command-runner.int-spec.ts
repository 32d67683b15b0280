import { DataSource } from 'typeorm';
import { createTestDatabase, openTestDataSource, type TestDatabase } from '@thymis/testing';
import { CommandRunner, type Aggregate } from './command-runner';
import { EventStore } from './event-store';

type Counted = { type: 'counter.added'; schemaVersion: number; data: { by: number } };
/** A counter that refuses to go past 3: decisions depend on the past, so deciding on a stale past shows. */
const counter: Aggregate<number, { add: number }, Counted> = {
  evolve: (total = 0, event) => total + event.data.by,
  decide: (_id, total = 0, command) =>
    total + command.add > 3 ? [] : [{ type: 'counter.added', schemaVersion: 1, data: { by: command.add } }],
};
const metadata = { actor: 'test', correlationId: 'c-1' };

describe(CommandRunner.name, () => {
  let database: TestDatabase;
  let db: DataSource;
  let store: EventStore;
  let sut: CommandRunner;
  let reads: number;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = await openTestDataSource(database.url);
    store = new EventStore(db);
    const readStream = store.readStream.bind(store);
    store.readStream = (...args) => ((reads += 1), readStream(...args));
    sut = new CommandRunner(store);
  });
  afterAll(async () => {
    await db.destroy();
    await database.drop();
  });
  beforeEach(async () => {
    await db.query('TRUNCATE events, outbox, checkpoints RESTART IDENTITY');
    reads = 0;
  });

  it('decides on the stream as the caller knows it, without reading it', async () => {
    const first = await sut.execute(
      'counter-a',
      'a',
      counter,
      { add: 1 },
      { metadata, from: { state: undefined, version: 0 } },
    );
    const second = await sut.execute('counter-a', 'a', counter, { add: 2 }, { metadata, from: first });
    expect(reads).toBe(0);
    expect([second.state, second.version]).toEqual([3, 2]);
    expect((await store.readStream('counter-a')).map((e) => e.data)).toEqual([{ by: 1 }, { by: 2 }]);
  });

  it('decides again on the stream as read when someone wrote since the caller looked', async () => {
    const mine = await sut.execute('counter-b', 'b', counter, { add: 1 }, { metadata });
    await sut.execute('counter-b', 'b', counter, { add: 2 }, { metadata }); // someone else: the total is 3 now
    const late = await sut.execute('counter-b', 'b', counter, { add: 1 }, { metadata, from: mine });
    // Decided on the stale past (1), it would have added; on the real one (3) it must not.
    expect([late.state, late.version, late.position]).toEqual([3, 2, undefined]);
    expect(await store.readStream('counter-b')).toHaveLength(2);
  });
});
