import { type DynamicModule, Module } from '@nestjs/common';
import type { Logger } from 'pino';
import { ApiModule } from './api.module.js';
import type { AppConfig } from './config/app-config.js';
import { ConfigModule } from './config/config.module.js';
import { loggingModule } from './common/logging/logger.js';
import { DatabaseModule } from './database/database.module.js';
import { ENTITIES } from './entities.js';
import { QueueModule } from './modules/queue/queue.module.js';
import { WorkerModule } from './worker/worker.module.js';

/** One codebase, two roles: `api`, `worker`, or `all` of them in one process for a small site. */
@Module({})
export class AppModule {
  static forRole(config: AppConfig, logger: Logger): DynamicModule {
    const roles = [
      ...(config.app.role === 'worker' ? [] : [ApiModule]),
      ...(config.app.role === 'api' ? [] : [WorkerModule]),
    ];
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        loggingModule(logger),
        DatabaseModule.forRoot(ENTITIES),
        QueueModule,
        ...roles,
      ],
    };
  }
}
