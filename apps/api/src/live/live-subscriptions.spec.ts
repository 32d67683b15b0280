import { LiveSubscriptions } from './live-subscriptions';

describe(LiveSubscriptions.name, () => {
  let sut: LiveSubscriptions<string>;
  beforeEach(() => (sut = new LiveSubscriptions<string>(3)));

  it('finds the subscribers of a topic', () => {
    sut.add('alice', ['state', 'tasks']);
    sut.add('bob', ['tasks']);
    expect([...sut.subscribers('tasks')]).toEqual(['alice', 'bob']);
    expect([...sut.subscribers('state')]).toEqual(['alice']);
    expect(sut.subscribers('task:1').size).toBe(0);
  });

  it('removes only the topics named', () => {
    sut.add('alice', ['state', 'tasks']);
    sut.remove('alice', ['state', 'task:never-subscribed']);
    expect(sut.subscribers('state').size).toBe(0);
    expect([...sut.topicsOf('alice')]).toEqual(['tasks']);
  });

  it('forgets everything of a client that dropped', () => {
    sut.add('alice', ['state', 'task:1']);
    sut.add('bob', ['state']);
    sut.drop('alice');
    expect(sut.topicsOf('alice').size).toBe(0);
    expect(sut.subscribers('task:1').size).toBe(0);
    expect([...sut.subscribers('state')]).toEqual(['bob']);
  });

  it('refuses a subscription past the limit whole, counting a topic held already once', () => {
    sut.add('alice', ['state', 'tasks']);
    expect(sut.add('alice', ['tasks', 'task:1'])).toBe(true);
    expect(sut.add('alice', ['task:2'])).toBe(false);
    expect(sut.subscribers('task:2').size).toBe(0);
    expect(sut.topicsOf('alice').size).toBe(3);
  });
});
