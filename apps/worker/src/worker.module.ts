import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SessionRecord } from '@thymis/auth';
import { APP_CONFIG, type AppConfig } from '@thymis/config';
import { CommandRunner, dataSourceOptions, EventStore, openDatabase } from '@thymis/event-store';
import { DataSource } from 'typeorm';
import { assertEveryJobHandled, bullConnection, QueueName } from '@thymis/queue';
import { ImageBuildProcessor } from './builds/image-build.processor';
import { MaintenanceProcessor } from './maintenance.processor';
import { ProbeProcessor } from './probe.processor';
import { TaskReports } from './task-reports.service';
import { Schedules } from './schedules.service';

// The worker never migrates: the API does, once, before workers are started.
const WORKER_SCHEMA = { entities: [SessionRecord], migrations: [] };

/** Queue processors only: no HTTP server. Any number of these may run, on any host that reaches Postgres and Redis. */
@Module({})
export class WorkerModule implements OnModuleInit {
  constructor(
    private readonly maintenance: MaintenanceProcessor,
    private readonly imageBuilds: ImageBuildProcessor,
    private readonly probes: ProbeProcessor,
  ) {}

  onModuleInit(): void {
    assertEveryJobHandled([this.maintenance.handled, this.imageBuilds.handled, this.probes.handled]);
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
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: EventStore, inject: [DataSource], useFactory: (db: DataSource) => new EventStore(db) },
        { provide: CommandRunner, inject: [EventStore], useFactory: (store: EventStore) => new CommandRunner(store) },
        MaintenanceProcessor,
        TaskReports,
        ImageBuildProcessor,
        ProbeProcessor,
        Schedules,
      ],
    };
  }
}
