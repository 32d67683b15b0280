import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import type { AppConfig } from '@thymis/config';
import { AuthController } from './auth/auth.controller';
import { AuthGuard } from './auth/auth.guard';
import { authProviders } from './auth/auth.providers';
import { AuthService } from './auth/auth.service';
import { ConfigsController } from './configs/configs.controller';
import { ConfigsService } from './configs/configs.service';
import { CoreModule } from './core/core.module';
import { DashboardModule } from './dashboard/dashboard.module';
import { EventsController } from './events/events.controller';
import { HealthController } from './health/health.controller';
import { ErrorFilter } from './http/error.filter';
import { validationPipe } from './http/validation';
import { EtagInterceptor } from './http/versioning';
import { CatalogueController } from './modules/catalogue.controller';
import { ModuleSettings } from './modules/module-settings.service';
import { ModulesController } from './modules/modules.controller';
import { HistoryController } from './history/history.controller';
import { HistoryService } from './history/history.service';
import { LiveGateway } from './live/live.gateway';
import { ArtifactStore } from './tasks/artifact-store.service';
import { JobEvents } from './tasks/job-events.service';
import { JobQueues } from './tasks/job-queues';
import { OutboxRelay } from './tasks/outbox-relay.service';
import { QueuesController } from './tasks/queues.controller';
import { TasksController } from './tasks/tasks.controller';
import { TasksService } from './tasks/tasks.service';
import { TagReferences } from './tags/tag-references.service';
import { StateController } from './state/state.controller';
import { TagsController } from './tags/tags.controller';
import { TagsService } from './tags/tags.service';
import { TokensController } from './tokens/tokens.controller';
import { TokensService } from './tokens/tokens.service';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [CoreModule.forRoot(config), DashboardModule.forRoot(config.dashboardDir)],
      controllers: [
        HealthController,
        AuthController,
        TokensController,
        ConfigsController,
        TagsController,
        ModulesController,
        StateController,
        EventsController,
        CatalogueController,
        HistoryController,
        TasksController,
        QueuesController,
      ],
      providers: [
        ...authProviders,
        AuthService,
        TokensService,
        ConfigsService,
        TagsService,
        TagReferences,
        ModuleSettings,
        HistoryService,
        LiveGateway,
        TasksService,
        ArtifactStore,
        JobQueues,
        OutboxRelay,
        JobEvents,
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: ErrorFilter },
        { provide: APP_PIPE, useValue: validationPipe },
        { provide: APP_INTERCEPTOR, useClass: EtagInterceptor },
      ],
    };
  }
}
