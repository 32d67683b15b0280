import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  configAggregate,
  DomainError,
  notFound,
  planRestore,
  stateDocument,
  streams,
  tagAggregate,
  type StateDocument,
  type StreamCommand,
} from '@thymis/domain';
import { CommandRunner, EventStore, type NewEvent } from '@thymis/event-store';
import { ConfigRecord, configState, positionOf, TagRecord, tagState } from '@thymis/projections';
import type { Origin } from '../auth/principal';
import { Projections } from '../core/projections.service';
import { TagReferences } from '../tags/tag-references.service';

export interface HistoryEntry {
  sha: string;
  message: string;
  author: string;
  date: string;
  position: number;
}

/** The configuration repository's history, and restoring an earlier state as new events (nothing is rewritten). */
@Injectable()
export class HistoryService {
  constructor(
    private readonly db: DataSource,
    private readonly store: EventStore,
    private readonly commands: CommandRunner,
    private readonly projections: Projections,
    private readonly tagReferences: TagReferences,
  ) {}

  async list(limit: number, offset: number): Promise<HistoryEntry[]> {
    const commits = await this.projections.repository.log(limit, offset);
    return commits.map((c) => ({ ...c, author: c.author.name, position: positionOf(c.message) }));
  }

  async diff(sha: string): Promise<{ sha: string; diff: string }> {
    const commit = await this.commit(sha);
    return { sha: commit, diff: await this.projections.repository.diff(commit) };
  }

  /** Appends the commands that bring the state back to what it was at `sha`, all in one transaction. */
  async revert(sha: string, origin: Origin): Promise<HistoryEntry> {
    const commit = await this.commit(sha);
    const text = await this.projections.repository.readFile(commit, 'state.json');
    if (!text) throw notFound('state.json in commit', commit);
    const plan = planRestore(await this.currentState(), JSON.parse(text) as StateDocument);
    if (plan.length === 0)
      throw new DomainError('nothing_to_do', `the state already is what it was at ${commit.slice(0, 7)}`);
    const metadata = { ...origin, cause: `Revert to ${commit.slice(0, 7)}` };
    const position = await this.store.transactionAcrossStreams(async (tx) => {
      let last = 0;
      for (const step of plan) last = (await this.apply(step, metadata, tx)) ?? last;
      return last;
    });
    await this.projections.settle(position);
    const [head] = await this.list(1, 0);
    return head;
  }

  private async apply(step: StreamCommand, metadata: Origin & { cause: string }, tx: EntityManager) {
    const stream = step.stream === 'config' ? streams.config(step.id) : streams.tag(step.id);
    if (step.stream === 'config' && 'tags' in step.command && step.command.tags) {
      await this.tagReferences.hold(step.command.tags, tx);
    }
    await this.store.lockStream(stream, tx);
    let events: NewEvent[];
    let version: number;
    if (step.stream === 'config') {
      const loaded = await this.commands.load(stream, configAggregate, tx);
      events = configAggregate.decide(step.id, loaded.state, step.command);
      version = loaded.version;
    } else {
      const loaded = await this.commands.load(stream, tagAggregate, tx);
      events = tagAggregate.decide(step.id, loaded.state, step.command);
      version = loaded.version;
    }
    if (events.length === 0) return undefined;
    return (await this.store.append(stream, events, { expectedVersion: version, metadata }, tx)).position;
  }

  private async currentState(): Promise<StateDocument> {
    const [configs, tags] = await Promise.all([
      this.db.getRepository(ConfigRecord).find(),
      this.db.getRepository(TagRecord).find(),
    ]);
    return stateDocument(configs.map(configState), tags.map(tagState));
  }

  private async commit(sha: string): Promise<string> {
    const commit = await this.projections.repository.resolve(sha);
    if (!commit) throw notFound('commit', sha);
    return commit;
  }
}
