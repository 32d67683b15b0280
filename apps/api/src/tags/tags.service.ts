import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { TagView } from '@thymis/contracts';
import {
  chooseIdentifier,
  configAggregate,
  notFound,
  streams,
  tagAggregate,
  type ModuleCommand,
  type TagCommand,
  type TagState,
} from '@thymis/domain';
import { CommandRunner, EventStore, StaleVersion, retryOnConflict, type CommandResult } from '@thymis/event-store';
import { TagRecord, tagState } from '@thymis/projections';
import type { Origin } from '../auth/principal';
import { Projections } from '../core/projections.service';
import type { ModuleHost } from '../modules/module-host.interface';
import type { CreateTagRequest, UpdateTagRequest } from './tag.dto';

const view = (state: TagState, version: number): TagView => ({ ...tagState(state), version });
const viewOf = (result: CommandResult<TagState>) => view(result.state!, result.version);

@Injectable()
export class TagsService implements ModuleHost<TagView> {
  constructor(
    private readonly db: DataSource,
    private readonly store: EventStore,
    private readonly commands: CommandRunner,
    private readonly projections: Projections,
  ) {}

  async list(): Promise<TagView[]> {
    const records = await this.db.getRepository(TagRecord).find({ order: { priority: 'ASC', identifier: 'ASC' } });
    return records.map((r) => view(r, r.version));
  }

  async get(identifier: string): Promise<TagView> {
    const record = await this.db.getRepository(TagRecord).findOneBy({ identifier });
    if (!record) throw notFound('tag', identifier);
    return view(record, record.version);
  }

  async create(request: CreateTagRequest, origin: Origin): Promise<TagView> {
    const identifier = chooseIdentifier(request.identifier, request.displayName);
    return viewOf(await this.run(identifier, { kind: 'create', ...request }, origin));
  }

  async update(
    identifier: string,
    request: UpdateTagRequest,
    origin: Origin,
    expectedVersion?: number,
  ): Promise<TagView> {
    return viewOf(await this.run(identifier, { kind: 'update', ...request }, origin, expectedVersion));
  }

  async runModuleCommand(
    identifier: string,
    command: ModuleCommand,
    origin: Origin,
    expectedVersion?: number,
  ): Promise<TagView> {
    return viewOf(await this.run(identifier, command, origin, expectedVersion));
  }

  /** Deletes the tag and takes it off every configuration, all in one transaction. */
  async delete(identifier: string, origin: Origin, expectedVersion?: number): Promise<void> {
    const position = await retryOnConflict(() =>
      this.store.transactionAcrossStreams((tx) => this.deleteIn(tx, identifier, origin, expectedVersion)),
    );
    await this.projections.settle(position);
  }

  private async deleteIn(tx: EntityManager, identifier: string, origin: Origin, expectedVersion?: number) {
    // Held until commit: a configuration command naming this tag waits for it, then finds the tag gone.
    await this.store.lockStream(streams.tag(identifier), tx);
    const tag = await this.commands.load(streams.tag(identifier), tagAggregate, tx);
    if (expectedVersion !== undefined && expectedVersion !== tag.version) {
      throw new StaleVersion(streams.tag(identifier), expectedVersion, tag.version);
    }
    const deleted = tagAggregate.decide(identifier, tag.state, { kind: 'delete' });
    // Every configuration that ever named the tag, from the log itself: read models may not have caught up yet.
    const named: { stream_id: string }[] = await tx.query(
      `SELECT DISTINCT stream_id FROM events WHERE stream_id LIKE 'config-%' AND data->'tags' ? $1 ORDER BY stream_id`,
      [identifier],
    );
    for (const { stream_id: stream } of named) {
      await this.store.lockStream(stream, tx);
      const config = await this.commands.load(stream, configAggregate, tx);
      const untagged = configAggregate.decide(stream.slice('config-'.length), config.state, {
        kind: 'untag',
        tag: identifier,
      });
      if (untagged.length > 0) {
        await this.store.append(stream, untagged, { expectedVersion: config.version, metadata: origin }, tx);
      }
    }
    const appended = await this.store.append(
      streams.tag(identifier),
      deleted,
      { expectedVersion: tag.version, metadata: origin },
      tx,
    );
    return appended.position;
  }

  private async run(identifier: string, command: TagCommand, origin: Origin, expectedVersion?: number) {
    const stream = streams.tag(identifier);
    const result = await this.commands.execute(stream, identifier, tagAggregate, command, {
      metadata: origin,
      expectedVersion,
    });
    await this.projections.settle(result.position);
    return result;
  }
}
