import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@thymis/config';
import { CommandRunner, dataSourceOptions, EventStore, openDatabase } from '@thymis/event-store';
import { CONTROLLER_SCHEMA } from '../database/schema';
import { LiveFeed } from '../live/live-feed.service';
import { Projections } from './projections.service';
import { REDIS } from './injection-tokens';

/** What every feature of the API shares: configuration, the database with its event store, Redis. */
@Global()
@Module({})
export class CoreModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CoreModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => dataSourceOptions(config.database.url, CONTROLLER_SCHEMA),
          // The API creates the database if missing and migrates it (under an advisory lock) before anything reads it.
          dataSourceFactory: () => openDatabase(config.database.url, CONTROLLER_SCHEMA, { migrate: true }),
        }),
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: EventStore, inject: [DataSource], useFactory: (db: DataSource) => new EventStore(db) },
        { provide: CommandRunner, inject: [EventStore], useFactory: (store: EventStore) => new CommandRunner(store) },
        {
          provide: REDIS,
          useFactory: () =>
            new Redis(config.redis.url, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false }),
        },
        LiveFeed,
        Projections,
      ],
      exports: [APP_CONFIG, EventStore, CommandRunner, REDIS, Projections, LiveFeed],
    };
  }

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}
