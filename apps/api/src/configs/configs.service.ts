import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ConfigView } from '@thymis/contracts';
import {
  chooseIdentifier,
  configAggregate,
  notFound,
  streams,
  type ConfigCommand,
  type ConfigState,
  type ModuleCommand,
} from '@thymis/domain';
import { CommandRunner, type CommandResult } from '@thymis/event-store';
import { ConfigRecord, configState } from '@thymis/projections';
import type { Origin } from '../auth/principal';
import { Projections } from '../core/projections.service';
import type { ModuleHost } from '../modules/module-host.interface';
import { TagReferences } from '../tags/tag-references.service';
import type { CreateConfigRequest, UpdateConfigRequest } from './config.dto';

const view = (state: ConfigState, version: number): ConfigView => ({ ...configState(state), version });
/** After any command but delete the configuration exists, or decide would have refused. */
const viewOf = (result: CommandResult<ConfigState>) => view(result.state!, result.version);

@Injectable()
export class ConfigsService implements ModuleHost<ConfigView> {
  constructor(
    private readonly db: DataSource,
    private readonly commands: CommandRunner,
    private readonly tagReferences: TagReferences,
    private readonly projections: Projections,
  ) {}

  async list(): Promise<ConfigView[]> {
    const records = await this.db.getRepository(ConfigRecord).find({ order: { identifier: 'ASC' } });
    return records.map((r) => view(r, r.version));
  }

  async get(identifier: string): Promise<ConfigView> {
    const record = await this.db.getRepository(ConfigRecord).findOneBy({ identifier });
    if (!record) throw notFound('configuration', identifier);
    return view(record, record.version);
  }

  async create(request: CreateConfigRequest, origin: Origin): Promise<ConfigView> {
    const identifier = chooseIdentifier(request.identifier, request.displayName);
    return viewOf(await this.run(identifier, { kind: 'create', ...request }, origin, undefined, request.tags));
  }

  async update(
    identifier: string,
    request: UpdateConfigRequest,
    origin: Origin,
    expectedVersion?: number,
  ): Promise<ConfigView> {
    return viewOf(await this.run(identifier, { kind: 'update', ...request }, origin, expectedVersion, request.tags));
  }

  async delete(identifier: string, origin: Origin, expectedVersion?: number): Promise<void> {
    await this.run(identifier, { kind: 'delete' }, origin, expectedVersion);
  }

  async runModuleCommand(
    identifier: string,
    command: ModuleCommand,
    origin: Origin,
    expectedVersion?: number,
  ): Promise<ConfigView> {
    return viewOf(await this.run(identifier, command, origin, expectedVersion));
  }

  private async run(
    identifier: string,
    command: ConfigCommand,
    origin: Origin,
    expectedVersion?: number,
    tags?: string[],
  ) {
    const stream = streams.config(identifier);
    const guard = tags?.length ? (tx: EntityManager) => this.tagReferences.hold(tags, tx) : undefined;
    const result = await this.commands.execute(stream, identifier, configAggregate, command, {
      metadata: origin,
      expectedVersion,
      guard,
    });
    await this.projections.settle(result.position);
    return result;
  }
}
