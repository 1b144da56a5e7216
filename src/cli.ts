#!/usr/bin/env node
import 'reflect-metadata';
import { type DynamicModule, type INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { parseArgs } from 'node:util';
import { attachOptionValues } from './cli-args.js';
import { CliFailure, EXIT, failure, UsageError } from './cli-failure.js';
import { renderResult } from './cli-output.js';
import type { AppConfig } from './config/app-config.js';
import { ConfigModule } from './config/config.module.js';
import { databaseLabel } from './config/connection-problem.js';
import { loadSettingsOrExit } from './config/entry-point.js';
import { DomainError } from './common/errors/domain-error.js';
import { CONSTRAINT_ERRORS } from './common/errors/error-codes.js';
import { violatedConstraint } from './common/errors/violated-constraint.js';
import { createLogger, loggingModule, nestLogger } from './common/logging/logger.js';
import { DatabaseModule } from './database/database.module.js';
import { ENTITIES } from './entities.js';
import { CompaniesModule } from './modules/companies/companies.module.js';
import { CompaniesService } from './modules/companies/companies.service.js';
import { CompanyUsersService } from './modules/companies/company-users.service.js';
import { DeclarationsModule } from './modules/declarations/declarations.module.js';
import { DeclarationsRepository } from './modules/declarations/declarations.repository.js';
import { OfficersModule } from './modules/officers/officers.module.js';
import { OfficersService } from './modules/officers/officers.service.js';
import { OfficerAdministrationService } from './modules/officers/officer-administration.service.js';
import { GATE_CODES, parseGateCode } from './common/domain/gate-code.js';
import { msg } from './common/i18n/message.js';
import { QueueModule } from './modules/queue/queue.module.js';
import { PartitionMaintenance } from './modules/retention/partition-maintenance.service.js';
import { RetentionModule } from './modules/retention/retention.module.js';
import { ScreeningModule } from './modules/screening/screening.module.js';
import { ScreeningReconciler } from './modules/screening/screening-reconciler.service.js';
import { FeeSchedulesRepository } from './modules/fees/fee-schedules.repository.js';
import { FeesModule } from './modules/fees/fees.module.js';
import { scheduleInForce } from './modules/fees/fee-rules.js';
import { StatsModule } from './modules/stats/stats.module.js';
import { StatsRollupService } from './modules/stats/stats-rollup.service.js';
import { WatchlistModule } from './modules/watchlist/watchlist.module.js';
import { WatchlistService } from './modules/watchlist/watchlist.service.js';
import { AuditModule } from './modules/audit/audit.module.js';
import { AuditVerifier } from './modules/audit/audit-verifier.service.js';
import { AuditCheckpoints } from './modules/audit/audit-checkpoints.service.js';

type Options = Record<string, string | undefined>;
type Command = (app: INestApplicationContext, o: Options) => Promise<unknown>;

/** A create found the record already there: the record goes to stdout (never a secret), the message to stderr. */
class AlreadyExists {
  constructor(
    readonly record: object,
    readonly message: string,
  ) {}
}

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

/** A unique constraint answered the create: the thing is there already. */
function isDuplicate(error: unknown): boolean {
  const code = error instanceof DomainError ? error.code : CONSTRAINT_ERRORS[violatedConstraint(error) ?? '']?.code;
  return code === 'CONFLICT.DUPLICATE';
}

/** `--company` as an id or a tax code, resolved to the company. */
async function company(app: INestApplicationContext, o: Options): Promise<{ id: string; taxCode: string }> {
  const ref = required(o, 'company');
  const found = await app.get(CompaniesService).find(ref);
  if (!found)
    throw new CliFailure(
      `no company with id or tax code ${JSON.stringify(ref)}; give --company the id or the tax code company:create printed`,
    );
  return found;
}

const gateList = (option: string): string[] => option.split(',').map((gate) => gate.trim());

/** `--username` resolved to the officer's id. */
async function officerId(app: INestApplicationContext, o: Options): Promise<string> {
  const username = required(o, 'username');
  const found = await app.get(OfficerAdministrationService).findByUsername(username);
  if (!found)
    throw new CliFailure(
      `no officer with username ${JSON.stringify(username)}; officer:list --gate <gate> shows the officers of a gate`,
    );
  return found.id;
}

/** Each command's result goes to stdout (renderResult); messages and logs go to stderr. */
export const COMMANDS: Record<string, { usage: string; run: Command }> = {
  'company:create': {
    usage: '--name "<name>" --tax-code <10 or 13 digits>   (exit 3 if the tax code is taken: no key is made)',
    run: async (app, o) => {
      const companies = app.get(CompaniesService);
      const [name, taxCode] = [required(o, 'name'), required(o, 'tax-code')];
      try {
        const created = await companies.create(name, taxCode);
        process.stderr.write('the apiKey is shown only this once: store it now\n');
        return created;
      } catch (error) {
        const existing = isDuplicate(error) ? await companies.find(taxCode) : null;
        if (!existing) throw error;
        return new AlreadyExists(
          existing,
          `a company with tax code ${existing.taxCode} already exists (id ${existing.id}, ${JSON.stringify(existing.name)}); ` +
            `no key was made. For a new API key: npm run cli -- company:create-key --company ${existing.taxCode}`,
        );
      }
    },
  },
  'company:create-key': {
    usage: '--company <id or tax code> [--name "<what the key is for>"]   (name: default "default")',
    run: async (app, o) => {
      const { id } = await company(app, o);
      return { companyId: id, ...(await app.get(CompaniesService).createKey(id, o.name)) };
    },
  },
  'company:revoke-key': {
    usage: '--company <id or tax code> [--prefix <key prefix>]   (without --prefix: every key of the company)',
    run: async (app, o) => {
      const { id } = await company(app, o);
      return { revoked: await app.get(CompaniesService).revokeKeys(id, o.prefix) };
    },
  },
  'company:aeo': {
    usage:
      '--tax-code <10 or 13 digits> --on|--off   (an authorised economic operator: its trucks take the AEO turns of the call forward)',
    run: async (app, o) => {
      const [on, off] = [o.on !== undefined, o.off !== undefined];
      if (on === off) throw new UsageError('give either --on or --off');
      const { id } = await company(app, { company: required(o, 'tax-code') });
      return app.get(CompaniesService).setAuthorisedEconomicOperator(id, on);
    },
  },
  'company-user:create': {
    usage:
      '--company <id or tax code> --username <name> --password <12-128 characters> --role admin|clerk   (exit 3 if the username is taken)',
    run: async (app, o) => {
      const users = app.get(CompanyUsersService);
      const username = required(o, 'username');
      const [password, role] = [required(o, 'password'), required(o, 'role')];
      const { id } = await company(app, o);
      try {
        return { companyId: id, ...(await users.create({ companyId: id, username, password, role })) };
      } catch (error) {
        const existing = isDuplicate(error) ? await users.findByUsername(username) : null;
        if (!existing) throw error;
        return new AlreadyExists(
          existing,
          `company user ${JSON.stringify(existing.username)} already exists (id ${existing.id}, ${existing.role} of ` +
            `company ${existing.companyId}); nothing was changed`,
        );
      }
    },
  },
  'company-user:disable': {
    usage: '--username <name>   (also ends their sign-ins)',
    run: async (app, o) => {
      const username = required(o, 'username');
      const disabled = await app.get(CompanyUsersService).disableByUsername(username);
      if (!disabled) throw new CliFailure(`no company user ${JSON.stringify(username)}; nothing was changed`);
      return disabled;
    },
  },
  'officer:create': {
    usage:
      '--username <name> --password <12-128 characters> --agency customs|border_guard|quarantine|yard|supervisor --gates HUU_NGHI[,TAN_THANH]',
    run: async (app, o) => {
      const officers = app.get(OfficersService);
      const username = required(o, 'username');
      try {
        return await officers.create({
          username,
          password: required(o, 'password'),
          agency: required(o, 'agency'),
          gates: gateList(required(o, 'gates')),
        });
      } catch (error) {
        const existing = isDuplicate(error) ? await officers.findByUsername(username) : null;
        if (!existing) throw error;
        return new AlreadyExists(
          existing,
          `officer ${JSON.stringify(existing.username)} already exists (id ${existing.id}, ${existing.agency} at ` +
            `${existing.gates.join(', ')}); nothing was changed`,
        );
      }
    },
  },
  'officer:list': {
    usage: '[--gate HUU_NGHI|TAN_THANH]   (every officer without --gate; by username)',
    run: async (app, o) => {
      const gate = o.gate === undefined ? null : parseGateCode(o.gate);
      if (gate === null && o.gate !== undefined)
        throw DomainError.invalidField('gate', msg('field.oneOf', { allowed: GATE_CODES }));
      return { officers: await app.get(OfficerAdministrationService).list('operator', gate) };
    },
  },
  'officer:disable': {
    usage: '--username <name>   (they cannot log in, and their tokens stop working at once)',
    run: async (app, o) => app.get(OfficerAdministrationService).disable('operator', await officerId(app, o)),
  },
  'officer:enable': {
    usage: '--username <name>   (a disabled officer can log in again)',
    run: async (app, o) => app.get(OfficerAdministrationService).enable('operator', await officerId(app, o)),
  },
  'officer:postings': {
    usage: '--username <name> --gates HUU_NGHI[,TAN_THANH] [--agency customs|border_guard|quarantine|yard|supervisor]',
    run: async (app, o) => {
      const id = await officerId(app, o);
      return app.get(OfficerAdministrationService).setPostings('operator', id, {
        gates: gateList(required(o, 'gates')),
        agency: o.agency,
      });
    },
  },
  'officer:reset-password': {
    usage: '--username <name> --password <12-128 characters>   (clears the lock; tokens from before stop working)',
    run: async (app, o) => {
      const id = await officerId(app, o);
      return app.get(OfficerAdministrationService).resetPassword('operator', id, required(o, 'password'));
    },
  },
  'watchlist:add': {
    usage: '--plate <plate> | --document <number>  --reason "<why>"',
    run: async (app, o) => {
      const watchlist = app.get(WatchlistService);
      const { kind, value } = watchlistTarget(o);
      try {
        return await watchlist.add(kind, value, required(o, 'reason'));
      } catch (error) {
        const existing = isDuplicate(error) ? await watchlist.findActive(kind, value) : null;
        if (!existing) throw error;
        return new AlreadyExists(
          existing,
          `${kind} ${existing.value} is already on the watchlist (id ${existing.id}, reason ` +
            `${JSON.stringify(existing.reason)}); nothing was changed`,
        );
      }
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
    usage: '   (recomputes the audit hash chain and checks it against the signed checkpoints; exit code 1 if broken)',
    run: (app) => app.get(AuditVerifier).verify(),
  },
  'audit:checkpoint': {
    usage: '   (appends a signed checkpoint of the audit chain head to AUDIT_CHECKPOINT_DIR, if the head moved)',
    run: (app) => app.get(AuditCheckpoints).write(),
  },
  'screening:retry': {
    usage: '--id <declaration id>   (re-drives a declaration whose screening failed)',
    run: async (app, o) => {
      const id = required(o, 'id');
      const version = await app.get(DeclarationsRepository).resetFailedScreening(id);
      if (version === null)
        throw new CliFailure(`no declaration with id ${JSON.stringify(id)} is waiting for screening; check --id`);
      return { outcome: await app.get(ScreeningReconciler).redrive(id, version, true) };
    },
  },
  'partitions:ensure': {
    usage: '   (creates the missing monthly partitions of the audit log, this month through PARTITIONS_MONTHS_AHEAD)',
    run: async (app) => ({ partitions: await app.get(PartitionMaintenance).ensureAhead() }),
  },
  'fee-schedule:list': {
    usage:
      '[--day YYYY-MM-DD]   (the fee schedules, oldest first, and the one in force on the day; default today, UTC)',
    run: async (app, o) => {
      const day = o.day ?? new Date().toISOString().slice(0, 10);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new UsageError('--day must be a day written YYYY-MM-DD');
      const schedules = await app.get(FeeSchedulesRepository).schedules();
      return { day, inForce: scheduleInForce(schedules, day)?.id ?? null, schedules };
    },
  },
  'stats:rebuild': {
    usage: '--from YYYY-MM-DD --to YYYY-MM-DD   (recomputes daily statistics of every gate for those local days)',
    run: async (app, o) => ({
      rebuilt: await app.get(StatsRollupService).rebuild(required(o, 'from'), required(o, 'to')),
    }),
  },
};

const OPTIONS = [
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
  'role',
  'gates',
  'gate',
  'from',
  'to',
  'day',
] as const;

@Module({})
class CliModule {
  static create(config: AppConfig, logger: ReturnType<typeof createLogger>): DynamicModule {
    return {
      module: CliModule,
      imports: [
        ConfigModule.forRoot(config),
        loggingModule(logger),
        // An operator command never creates a database: a wrong DATABASE_URL is an error naming it, not an empty one.
        DatabaseModule.forRoot(ENTITIES, { createDatabase: false }),
        QueueModule,
        CompaniesModule,
        DeclarationsModule,
        OfficersModule,
        WatchlistModule,
        ScreeningModule,
        StatsModule,
        FeesModule,
        RetentionModule,
        AuditModule,
      ],
    };
  }
}

const say = (line: string): void => void process.stderr.write(`${line}\n`);

function usage(name?: string): string {
  const names = name && COMMANDS[name] ? [name] : Object.keys(COMMANDS);
  const lines = names.map((n) => `  npm run cli -- ${n} ${COMMANDS[n].usage}`);
  return `usage (add --json for one JSON line on a terminal too):\n${lines.join('\n')}`;
}

async function run(name: string, options: Options, json: boolean, config: AppConfig): Promise<number> {
  const logger = createLogger(config.app.logLevel === 'info' ? 'warn' : config.app.logLevel, 2);
  say(`database: ${databaseLabel(config.database.url)}`);
  let app: INestApplicationContext | undefined;
  try {
    app = await NestFactory.createApplicationContext(CliModule.create(config, logger), {
      logger: nestLogger(logger),
      abortOnError: false, // a failed start is reported below, in one line
    });
    const result = await COMMANDS[name].run(app, options);
    if (result instanceof AlreadyExists) {
      process.stdout.write(renderResult(result.record, json));
      say(result.message);
      return EXIT.alreadyExists;
    }
    process.stdout.write(renderResult(result, json));
    if ((result as { ok?: unknown } | null)?.ok !== false) return EXIT.ok;
    say(`${name}: the audit log's hash chain is broken at the record shown; see the runbook in docs/operations.md`);
    return EXIT.failed;
  } catch (error) {
    const { message, exit } = failure(error, name, config);
    say(exit === EXIT.usage ? `${message}\n${usage(name)}` : message);
    return exit;
  } finally {
    await app?.close().catch(() => undefined);
  }
}

function main(argv: string[]): Promise<number> | number {
  const [name, ...rest] = argv;
  if (name === 'help' || name === '--help' || name === '-h') {
    say(usage());
    return EXIT.ok;
  }
  if (!name || !COMMANDS[name]) {
    say(`${name ? `unknown command ${JSON.stringify(name)}` : 'no command given'}\n${usage()}`);
    return EXIT.usage;
  }
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: attachOptionValues(rest, OPTIONS),
      options: {
        ...Object.fromEntries(OPTIONS.map((k) => [k, { type: 'string' as const }])),
        json: { type: 'boolean' },
        on: { type: 'boolean' },
        off: { type: 'boolean' },
      },
      strict: true,
    }));
  } catch (error) {
    say(`${(error as Error).message}\n${usage(name)}`);
    return EXIT.usage;
  }
  const { json, on, off, ...strings } = values;
  // The on/off switches (company:aeo) reach the command as present ('true') or absent.
  const options = { ...strings, ...(on ? { on: 'true' } : {}), ...(off ? { off: 'true' } : {}) };
  const config = loadSettingsOrExit();
  return run(name, options, json === true || !process.stdout.isTTY, config);
}

void Promise.resolve(main(process.argv.slice(2))).then((code) => process.exit(code));
