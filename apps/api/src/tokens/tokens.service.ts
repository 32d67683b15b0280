import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { hashSecret, newSecret } from '@thymis/auth';
import type { CreatedToken, TokenView } from '@thymis/contracts';
import { streams, tokenAggregate } from '@thymis/domain';
import { CommandRunner } from '@thymis/event-store';
import { ApiTokenRecord } from '@thymis/projections';
import type { Origin } from '../auth/principal';
import { Projections } from '../core/projections.service';

const view = (r: ApiTokenRecord): TokenView => ({
  id: r.id,
  name: r.name,
  createdBy: r.createdBy,
  createdAt: r.createdAt.toISOString(),
  revokedAt: r.revokedAt?.toISOString() ?? null,
});

@Injectable()
export class TokensService {
  constructor(
    private readonly db: DataSource,
    private readonly commands: CommandRunner,
    private readonly projections: Projections,
  ) {}

  list(): Promise<TokenView[]> {
    return this.db
      .getRepository(ApiTokenRecord)
      .find({ order: { createdAt: 'ASC' } })
      .then((rows) => rows.map(view));
  }

  async create(name: string, origin: Origin): Promise<CreatedToken> {
    const id = randomUUID();
    const token = `thy_${newSecret()}`;
    const command = { kind: 'create' as const, name, hash: hashSecret(token), createdBy: origin.actor };
    const result = await this.commands.execute(streams.token(id), id, tokenAggregate, command, { metadata: origin });
    await this.projections.settleReads(result.position);
    // From the command's own result: the secret is shown this once, whatever the read models are doing.
    return { id, name, createdBy: origin.actor, createdAt: result.at!.toISOString(), revokedAt: null, token };
  }

  async revoke(id: string, origin: Origin): Promise<void> {
    const result = await this.commands.execute(
      streams.token(id),
      id,
      tokenAggregate,
      { kind: 'revoke' },
      { metadata: origin },
    );
    await this.projections.settleReads(result.position);
  }
}
