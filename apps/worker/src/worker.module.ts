import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SessionRecord } from '@thymis/auth';
import { APP_CONFIG, type AppConfig } from '@thymis/config';
import { dataSourceOptions, openDatabase } from '@thymis/event-store';
import { assertEveryJobHandled, bullConnection, QueueName } from '@thymis/queue';
import { MaintenanceProcessor } from './maintenance.processor';
import { Schedules } from './schedules.service';

// The worker never migrates: the API does, once, before workers are started.
const WORKER_SCHEMA = { entities: [SessionRecord], migrations: [] };

/** Queue processors only: no HTTP server. Any number of these may run, on any host that reaches Postgres and Redis. */
@Module({})
export class WorkerModule implements OnModuleInit {
  constructor(private readonly maintenance: MaintenanceProcessor) {}

  onModuleInit(): void {
    assertEveryJobHandled([this.maintenance.handled]);
  }

  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => dataSourceOptions(config.database.url, WORKER_SCHEMA),
          dataSourceFactory: () => openDatabase(config.database.url, WORKER_SCHEMA, { migrate: false }),
        }),
        BullModule.forRoot(bullConnection(config)),
        BullModule.registerQueue({ name: QueueName.Maintenance }),
      ],
      providers: [{ provide: APP_CONFIG, useValue: config }, MaintenanceProcessor, Schedules],
    };
  }
}
