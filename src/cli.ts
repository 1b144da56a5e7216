import 'reflect-metadata';
import { type DynamicModule, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from './config/app-config.js';
import { ConfigModule } from './config/config.module.js';
import { DomainError } from './common/errors/domain-error.js';
import { CONSTRAINT_ERRORS } from './common/errors/error-codes.js';
import { renderMessage } from './common/i18n/message.js';
import { violatedConstraint } from './common/errors/violated-constraint.js';
import { createLogger, loggingModule, nestLogger } from './common/logging/logger.js';
import { DatabaseModule } from './database/database.module.js';
import { ENTITIES } from './entities.js';
import { CompaniesModule } from './modules/companies/companies.module.js';
import { CompaniesService } from './modules/companies/companies.service.js';
import { DeclarationsModule } from './modules/declarations/declarations.module.js';
import { DeclarationsRepository } from './modules/declarations/declarations.repository.js';
import { OfficersModule } from './modules/officers/officers.module.js';
import { OfficersService } from './modules/officers/officers.service.js';
import { QueueModule } from './modules/queue/queue.module.js';
import { PartitionMaintenance } from './modules/retention/partition-maintenance.service.js';
import { RetentionModule } from './modules/retention/retention.module.js';
import { ScreeningModule } from './modules/screening/screening.module.js';
import { ScreeningReconciler } from './modules/screening/screening-reconciler.service.js';
import { StatsModule } from './modules/stats/stats.module.js';
import { StatsRollupService } from './modules/stats/stats-rollup.service.js';
import { WatchlistModule } from './modules/watchlist/watchlist.module.js';
import { WatchlistService } from './modules/watchlist/watchlist.service.js';
import { AuditModule } from './modules/audit/audit.module.js';
import { AuditVerifier } from './modules/audit/audit-verifier.service.js';
import type { INestApplicationContext } from '@nestjs/common';

type Options = Record<string, string | undefined>;
type Command = (app: INestApplicationContext, o: Options) => Promise<unknown>;

class UsageError extends Error {}

function required(o: Options, name: string): string {
  const value = o[name];
  if (!value) throw new UsageError(`--${name} is required`);
  return value;
}

function watchlistTarget(o: Options): { kind: 'plate' | 'document'; value: string } {
  if (o.plate && o.document) throw new UsageError('give either --plate or --document, not both');
  if (o.plate) return { kind: 'plate', value: o.plate };
  if (o.document) return { kind: 'document', value: o.document };
  throw new UsageError('--plate or --document is required');
}

/** Each command prints one JSON line on stdout; logs go to stderr. */
export const COMMANDS: Record<string, { usage: string; run: Command }> = {
  'company:create': {
    usage: '--name "<name>" --tax-code <10 or 13 digits>',
    run: (app, o) => app.get(CompaniesService).create(required(o, 'name'), required(o, 'tax-code')),
  },
  'company:create-key': {
    usage: '--company <id>',
    run: (app, o) => app.get(CompaniesService).createKey(required(o, 'company')),
  },
  'company:revoke-key': {
    usage: '--company <id> [--prefix <key prefix>]   (without --prefix: every key of the company)',
    run: async (app, o) => ({ revoked: await app.get(CompaniesService).revokeKeys(required(o, 'company'), o.prefix) }),
  },
  'officer:create': {
    usage:
      '--username <name> --password <12-128 characters> --agency customs|border_guard|quarantine|yard|supervisor --gates HUU_NGHI[,TAN_THANH]',
    run: (app, o) =>
      app.get(OfficersService).create({
        username: required(o, 'username'),
        password: required(o, 'password'),
        agency: required(o, 'agency'),
        gates: required(o, 'gates')
          .split(',')
          .map((gate) => gate.trim()),
      }),
  },
  'watchlist:add': {
    usage: '--plate <plate> | --document <number>  --reason "<why>"',
    run: (app, o) => {
      const { kind, value } = watchlistTarget(o);
      return app.get(WatchlistService).add(kind, value, required(o, 'reason'));
    },
  },
  'watchlist:remove': {
    usage: '--plate <plate> | --document <number>',
    run: async (app, o) => {
      const { kind, value } = watchlistTarget(o);
      return { removed: await app.get(WatchlistService).remove(kind, value) };
    },
  },
  'audit:verify': {
    usage: '   (recomputes the audit hash chain; exit code 1 if it is broken)',
    run: (app) => app.get(AuditVerifier).verify(),
  },
  'screening:retry': {
    usage: '--id <declaration id>   (re-drives a declaration whose screening failed)',
    run: async (app, o) => {
      const id = required(o, 'id');
      const version = await app.get(DeclarationsRepository).resetFailedScreening(id);
      if (version === null) throw new UsageError('no declaration with that id is waiting for screening');
      return { outcome: await app.get(ScreeningReconciler).redrive(id, version, true) };
    },
  },
  'partitions:ensure': {
    usage: '   (creates the missing monthly partitions of the audit log, this month through PARTITIONS_MONTHS_AHEAD)',
    run: async (app) => ({ partitions: await app.get(PartitionMaintenance).ensureAhead() }),
  },
  'stats:rebuild': {
    usage: '--from YYYY-MM-DD --to YYYY-MM-DD   (recomputes daily statistics of every gate for those local days)',
    run: async (app, o) => ({
      rebuilt: await app.get(StatsRollupService).rebuild(required(o, 'from'), required(o, 'to')),
    }),
  },
};

@Module({})
class CliModule {
  static create(config: ReturnType<typeof loadConfig>, logger: ReturnType<typeof createLogger>): DynamicModule {
    return {
      module: CliModule,
      imports: [
        ConfigModule.forRoot(config),
        loggingModule(logger),
        DatabaseModule.forRoot(ENTITIES),
        QueueModule,
        CompaniesModule,
        DeclarationsModule,
        OfficersModule,
        WatchlistModule,
        ScreeningModule,
        StatsModule,
        RetentionModule,
        AuditModule,
      ],
    };
  }
}

function printUsage(): void {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  npm run cli -- ${name} ${c.usage}`);
  process.stderr.write(`usage:\n${lines.join('\n')}\n`);
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    printUsage();
    return 2;
  }
  const { values } = parseArgs({
    args: rest,
    options: Object.fromEntries(
      [
        'name',
        'tax-code',
        'company',
        'prefix',
        'plate',
        'document',
        'reason',
        'id',
        'username',
        'password',
        'agency',
        'gates',
        'from',
        'to',
      ].map((k) => [k, { type: 'string' as const }]),
    ),
    strict: true,
  });
  const config = loadConfig();
  const logger = createLogger(config.app.logLevel === 'info' ? 'warn' : config.app.logLevel, 2);
  const app = await NestFactory.createApplicationContext(CliModule.create(config, logger), {
    logger: nestLogger(logger),
  });
  try {
    const result = await command.run(app, values);
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return (result as { ok?: unknown } | null)?.ok === false ? 1 : 0; // audit:verify found a break
  } finally {
    await app.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError || (error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      process.stderr.write(`${(error as Error).message}\n`);
      printUsage();
      process.exit(2);
    }
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78);
    }
    const constraint = CONSTRAINT_ERRORS[violatedConstraint(error) ?? ''];
    const known =
      error instanceof DomainError
        ? { code: error.code, message: error.message }
        : constraint && { code: constraint.code, message: renderMessage('en', constraint.text) };
    process.stderr.write(`${JSON.stringify(known ?? { code: 'INTERNAL', message: (error as Error).message })}\n`);
    process.exit(1);
  },
);
