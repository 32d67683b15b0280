import type { LiveTopic } from './live-feed.service';

/** Who listens to what, indexed both ways: a publish finds its listeners without visiting every connection. */
export class LiveSubscriptions<Client> {
  private readonly byTopic = new Map<LiveTopic, Set<Client>>();
  private readonly byClient = new Map<Client, Set<LiveTopic>>();

  constructor(private readonly maxPerClient: number) {}

  /** Adds the topics, unless the client would then hold more than the limit; false when refused. */
  add(client: Client, topics: readonly LiveTopic[]): boolean {
    const held = this.byClient.get(client) ?? new Set<LiveTopic>();
    const added = topics.filter((topic) => !held.has(topic));
    if (held.size + added.length > this.maxPerClient) return false;
    this.byClient.set(client, held);
    for (const topic of added) {
      held.add(topic);
      const clients = this.byTopic.get(topic) ?? new Set<Client>();
      clients.add(client);
      this.byTopic.set(topic, clients);
    }
    return true;
  }

  remove(client: Client, topics: readonly LiveTopic[]): void {
    const held = this.byClient.get(client);
    if (!held) return;
    for (const topic of topics) {
      if (!held.delete(topic)) continue;
      const clients = this.byTopic.get(topic);
      clients?.delete(client);
      if (clients?.size === 0) this.byTopic.delete(topic);
    }
    if (held.size === 0) this.byClient.delete(client);
  }

  /** Forgets everything the client listened to: it has gone. */
  drop(client: Client): void {
    const held = this.byClient.get(client);
    if (held) this.remove(client, [...held]);
  }

  subscribers(topic: LiveTopic): ReadonlySet<Client> {
    return this.byTopic.get(topic) ?? new Set();
  }

  topicsOf(client: Client): ReadonlySet<LiveTopic> {
    return this.byClient.get(client) ?? new Set();
  }
}
