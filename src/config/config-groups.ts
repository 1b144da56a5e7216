import { type ConfigType, registerAs } from '@nestjs/config';
import { type AppConfig, loadConfig } from './app-config.js';

/**
 * A group's injection token: `@Inject(databaseConfig.KEY) private readonly databaseConfig: DatabaseConfig`.
 * The application provides the group of its one validated load (`ConfigModule.forRoot(config)`); the factory
 * here reads the environment only where a group is registered on its own (`NestConfigModule.forFeature`).
 */
const group = <K extends keyof AppConfig>(name: K) => registerAs(name, (): AppConfig[K] => loadConfig()[name]);

export const appConfig = group('app');
export const databaseConfig = group('database');
export const queueConfig = group('queue');
export const screeningConfig = group('screening');
export const clearanceConfig = group('clearance');
export const webhooksConfig = group('webhooks');
export const authConfig = group('auth');
export const rateLimitConfig = group('rateLimit');
export const boardConfig = group('board');
export const idempotencyConfig = group('idempotency');
export const retentionConfig = group('retention');
export const workerConfig = group('worker');
export const metricsConfig = group('metrics');
export const auditConfig = group('audit');

export type AppSettings = ConfigType<typeof appConfig>;
export type DatabaseConfig = ConfigType<typeof databaseConfig>;
export type QueueConfig = ConfigType<typeof queueConfig>;
export type ScreeningConfig = ConfigType<typeof screeningConfig>;
export type ClearanceConfig = ConfigType<typeof clearanceConfig>;
export type WebhooksConfig = ConfigType<typeof webhooksConfig>;
export type AuthConfig = ConfigType<typeof authConfig>;
export type RateLimitConfig = ConfigType<typeof rateLimitConfig>;
export type BoardConfig = ConfigType<typeof boardConfig>;
export type IdempotencyConfig = ConfigType<typeof idempotencyConfig>;
export type RetentionConfig = ConfigType<typeof retentionConfig>;
export type WorkerConfig = ConfigType<typeof workerConfig>;
export type MetricsConfig = ConfigType<typeof metricsConfig>;
export type AuditConfig = ConfigType<typeof auditConfig>;
