import 'reflect-metadata';
import { type DynamicModule, type INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { loadConfig } from '../../src/config/app-config.js';
import { ConfigModule } from '../../src/config/config.module.js';
import { createLogger, loggingModule, nestLogger } from '../../src/common/logging/logger.js';
import { DatabaseModule } from '../../src/database/database.module.js';
import { ENTITIES } from '../../src/entities.js';
import { ClearanceModule } from '../../src/modules/clearance/clearance.module.js';
import { CompaniesModule } from '../../src/modules/companies/companies.module.js';
import { DeclarationsApiModule } from '../../src/modules/declarations/declarations-api.module.js';
import { QueueModule } from '../../src/modules/queue/queue.module.js';
import { OfficersModule } from '../../src/modules/officers/officers.module.js';
import { RegulationYardsModule } from '../../src/modules/regulation-yards/regulation-yards.module.js';
import { ScreeningModule } from '../../src/modules/screening/screening.module.js';
import { SlotsModule } from '../../src/modules/slots/slots.module.js';
import type { SimulationClock } from './simulation-clock.js';

/** The scratch database's name must say it is the simulation's: the tool drops and recreates it. */
export function assertScratchName(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!name.includes('sim')) throw new Error(`refusing to drop database "${name}": its name must contain "sim"`);
  return name;
}

/** Drops (if there) and creates the scratch database; the application context migrates it at start. */
export async function recreateScratchDatabase(url: string): Promise<void> {
  const name = assertScratchName(url);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
    // A scratch database thrown away after the run: commits need not wait for the disk.
    await client.query(`ALTER DATABASE "${name}" SET synchronous_commit = off`);
  } finally {
    await client.end();
  }
}

@Module({})
class SimulationModule {
  static create(config: ReturnType<typeof loadConfig>, clock: SimulationClock): DynamicModule {
    const logger = createLogger(config.app.logLevel, 2);
    return {
      module: SimulationModule,
      imports: [
        ConfigModule.forRoot(config),
        loggingModule(logger),
        DatabaseModule.forRoot(ENTITIES, { clock }),
        // Screening's re-driver holds its queue: the run connects to Redis but never enqueues (no worker runs).
        QueueModule,
        CompaniesModule,
        OfficersModule,
        ScreeningModule,
        SlotsModule,
        RegulationYardsModule,
        ClearanceModule,
        DeclarationsApiModule.register({ stepsFrom: ClearanceModule }),
      ],
    };
  }
}

/**
 * The service's own modules (submission, screening, slots, regulation yards, the gate's check-in, agency queues,
 * decisions and exit) over the scratch database, deciding by `clock`; no HTTP server, no worker, no queue.
 * The declarations are written at the wall clock's time while they describe the simulated day, so the screening's
 * arrival window (relative to the submission) is widened to reach the simulated day: the one rule the run relaxes.
 */
export async function startSimulation(
  databaseUrl: string,
  redisUrl: string,
  clock: SimulationClock,
  logLevel = 'warn',
): Promise<INestApplicationContext> {
  const config = loadConfig({
    PATH: process.env.PATH,
    NODE_ENV: 'development',
    APP_ROLE: 'worker',
    LOG_LEVEL: logLevel,
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: assertScratchName(databaseUrl),
    DATABASE_POOL_SIZE: '12',
    AUTH_TOKEN_SECRET: randomBytes(48).toString('base64url'),
  });
  const behindMinutes = Math.ceil((Date.now() - clock.now().getTime()) / 60_000) + 14 * 24 * 60;
  const aheadDays = Math.ceil((clock.now().getTime() - Date.now()) / 86_400_000) + 30;
  config.screening.windowPastMinutes = Math.max(config.screening.windowPastMinutes, behindMinutes);
  config.screening.windowFutureDays = Math.max(config.screening.windowFutureDays, aheadDays);
  return NestFactory.createApplicationContext(SimulationModule.create(config, clock), {
    logger: nestLogger(createLogger(logLevel, 2)),
    abortOnError: false,
  });
}
