import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import type { ConfigView } from '@thymis/contracts';
import {
  chooseIdentifier,
  configAggregate,
  invalid,
  notFound,
  streams,
  type ConfigCommand,
  type ConfigState,
  type ModuleCommand,
} from '@thymis/domain';
import { CommandRunner, type CommandResult } from '@thymis/event-store';
import { ConfigRecord, configState, TagRecord } from '@thymis/projections';
import type { Origin } from '../auth/principal';
import { ReadModels } from '../core/read-models';
import type { ModuleHost } from '../modules/module-host';
import type { CreateConfigRequest, UpdateConfigRequest } from './config.dto';

const view = (state: ConfigState, version: number): ConfigView => ({ ...configState(state), version });
/** After any command but delete the configuration exists, or decide would have refused. */
const viewOf = (result: CommandResult<ConfigState>) => view(result.state!, result.version);

@Injectable()
export class ConfigsService implements ModuleHost<ConfigView> {
  constructor(
    private readonly db: DataSource,
    private readonly commands: CommandRunner,
    private readonly readModels: ReadModels,
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
    await this.checkTagsExist(request.tags);
    return viewOf(await this.run(identifier, { kind: 'create', ...request }, origin));
  }

  async update(
    identifier: string,
    request: UpdateConfigRequest,
    origin: Origin,
    expectedVersion?: number,
  ): Promise<ConfigView> {
    await this.checkTagsExist(request.tags);
    return viewOf(await this.run(identifier, { kind: 'update', ...request }, origin, expectedVersion));
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

  private async run(identifier: string, command: ConfigCommand, origin: Origin, expectedVersion?: number) {
    const stream = streams.config(identifier);
    const result = await this.commands.execute(stream, identifier, configAggregate, command, {
      metadata: origin,
      expectedVersion,
    });
    await this.readModels.settle(result.position);
    return result;
  }

  private async checkTagsExist(tags: string[] | undefined): Promise<void> {
    if (!tags?.length) return;
    const found = await this.db.getRepository(TagRecord).findBy({ identifier: In(tags) });
    const missing = tags.filter((t) => !found.some((f) => f.identifier === t));
    if (missing.length > 0) throw invalid('tags', `no tag '${missing.join("', '")}'`);
  }
}
