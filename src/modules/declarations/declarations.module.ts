import { Module } from '@nestjs/common';
import { AuditLogRepository } from './audit-log.repository.js';
import { DailyFiguresRepository } from './daily-figures.repository.js';
import { DeclarationsRepository } from './declarations.repository.js';
import { GateFiguresRepository } from './gate-figures.repository.js';
import { PublicStatusRepository } from './public-status.repository.js';

const REPOSITORIES = [
  DeclarationsRepository,
  PublicStatusRepository,
  GateFiguresRepository,
  DailyFiguresRepository,
  AuditLogRepository,
];

/**
 * The declaration tables and their statements (declaration, its audit log, amendment requests, idempotency
 * records, reference serials, the capacity ledger), for every module that needs a declaration's data; and the
 * read models other modules show from them: a vehicle's public status, a gate's board, the daily figures, the
 * audit log in sealing order.
 */
@Module({
  providers: REPOSITORIES,
  exports: REPOSITORIES,
})
export class DeclarationsModule {}
