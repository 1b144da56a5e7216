import { Module } from '@nestjs/common';
import { DeclarationsRepository } from './declarations.repository.js';

/**
 * The declaration tables and their statements (declaration, its audit log, amendment requests, idempotency
 * records, reference serials, the capacity ledger), for every module that needs a declaration's data.
 */
@Module({
  providers: [DeclarationsRepository],
  exports: [DeclarationsRepository],
})
export class DeclarationsModule {}
