import type { DataSource } from 'typeorm';
import type { StateDocument } from '@thymis/domain';
import { Subscription, type StoredEvent } from '@thymis/event-store';
import { GitRepository, type Person } from '@thymis/git';
import { renderChanged, type FlakeInputs } from '@thymis/nix';
import { commitMessage, positionOf } from './commit-message';
import { StateFold } from './state-fold';

export const REPOSITORY_SUBSCRIPTION = 'repository';
const STATE_FILE = 'state.json';

export interface RepositoryOptions {
  path: string;
  inputs: FlakeInputs;
  committer: Person;
}

/**
 * Keeps the configuration repository in step with the log: one commit per command (per appending transaction),
 * authored by whoever made the change, with the log position in a trailer. The repository is its own checkpoint, so a deleted repository is rebuilt
 * from the events — and since files and commit times come only from the events, rebuilt byte for byte.
 */
export class RepositoryProjection {
  private repo?: GitRepository;
  private state = new StateFold();
  private committed = 0;
  private readonly subscription: Subscription;

  constructor(
    private readonly db: DataSource,
    listenUrl: string,
    private readonly options: RepositoryOptions,
  ) {
    this.subscription = new Subscription(db, listenUrl, REPOSITORY_SUBSCRIPTION, (events) => this.handle(events));
  }

  get repository(): GitRepository {
    if (!this.repo) throw new Error('the repository projection has not started');
    return this.repo;
  }

  async start(): Promise<void> {
    this.repo = await GitRepository.openOrInit(this.options.path);
    await this.repo.discardUncommitted();
    const head = await this.repo.head();
    this.committed = head ? positionOf(head.message) : 0;
    const text = head && (await this.repo.readFile(head.sha, STATE_FILE));
    this.state = new StateFold(text ? (JSON.parse(text) as StateDocument) : undefined);
    // Replay from what the repository holds: after it was deleted, that is from the start.
    await this.db.query(
      `INSERT INTO checkpoints (name, position) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET position = $2`,
      [REPOSITORY_SUBSCRIPTION, this.committed],
    );
    await this.subscription.start();
  }

  stop(): Promise<void> {
    return this.subscription.stop();
  }

  waitFor(position: number, timeoutMs?: number): Promise<boolean> {
    return this.subscription.waitFor(position, timeoutMs);
  }

  private async handle(events: StoredEvent[]): Promise<void> {
    for (const command of byTransaction(events)) {
      const last = command[command.length - 1];
      if (last.position <= this.committed) continue; // committed before a restart
      if (!command.some(shapesTheRepository)) continue; // e.g. API tokens: nothing to commit
      const before = this.committed > 0 ? this.state.document() : undefined;
      command.forEach((event) => this.state.apply(event));
      const changes = renderChanged(before, this.state.document(), this.options.inputs);
      if (changes.write.size === 0 && changes.remove.length === 0) continue;
      const actor = last.metadata.actor;
      await this.repository.commit(changes, {
        author: { name: actor, email: `${actor}@thymis` },
        committer: this.options.committer,
        message: commitMessage(command),
        time: new Date(last.metadata.at),
      });
      this.committed = last.position;
    }
  }
}

const shapesTheRepository = (event: StoredEvent) => event.type.startsWith('config.') || event.type.startsWith('tag.');

/**
 * The events of each command — of each appending transaction, whatever the client sent as correlation id — in the
 * order the commands committed their last event. The subscription hands over whole transactions.
 */
function byTransaction(events: StoredEvent[]): StoredEvent[][] {
  const commands = new Map<string, StoredEvent[]>();
  for (const event of events) commands.set(event.transactionId, [...(commands.get(event.transactionId) ?? []), event]);
  const lastPosition = (command: StoredEvent[]) => command[command.length - 1].position;
  return [...commands.values()].sort((a, b) => lastPosition(a) - lastPosition(b));
}
