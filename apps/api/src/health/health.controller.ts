import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type Redis from 'ioredis';
import { DataSource } from 'typeorm';
import type { Health } from '@thymis/contracts';
import { Public } from '../auth/principal';
import { REDIS } from '../core/injection-tokens';
import { within } from '../core/within';

class HealthResponse implements Health {
  @ApiProperty({ enum: ['ok', 'degraded'] }) status: 'ok' | 'degraded';
  @ApiProperty({ enum: ['up', 'down'] }) database: 'up' | 'down';
  @ApiProperty({ enum: ['up', 'down'] }) redis: 'up' | 'down';
}

const probe = (work: () => Promise<unknown>) =>
  within(2000, work()).then(
    () => 'up' as const,
    () => 'down' as const,
  );

@ApiTags('health')
@Controller('api/health')
export class HealthController {
  constructor(
    private readonly db: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  @Public()
  @Get()
  @ApiOkResponse({ type: HealthResponse })
  @ApiServiceUnavailableResponse({ type: HealthResponse, description: 'Postgres or Redis is down.' })
  async check(@Res({ passthrough: true }) response: Response): Promise<Health> {
    const [database, redis] = await Promise.all([
      probe(() => this.db.query('SELECT 1')),
      probe(async () => {
        if (this.redis.status === 'wait') await this.redis.connect();
        return this.redis.ping();
      }),
    ]);
    const status = database === 'up' && redis === 'up' ? 'ok' : 'degraded';
    response.status(status === 'ok' ? 200 : 503);
    return { status, database, redis };
  }
}
