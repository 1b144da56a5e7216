import type { DynamicModule } from '@nestjs/common';
import { ConfigModule as NestConfigModule, registerAs } from '@nestjs/config';
import type { AppConfig } from './app-config.js';

/** Makes each group of the validated configuration injectable everywhere (tokens in `config-groups.ts`). */
export class ConfigModule {
  /** `config` is the one load validated before Nest starts; nothing here reads the environment again. */
  static forRoot(config: AppConfig): Promise<DynamicModule> {
    const names = Object.keys(config) as (keyof AppConfig)[];
    return NestConfigModule.forRoot({
      isGlobal: true,
      ignoreEnvFile: true,
      ignoreEnvVars: true,
      skipProcessEnv: true,
      load: names.map((name) => registerAs(name, () => config[name])),
    });
  }
}
