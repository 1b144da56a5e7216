import { Module } from '@nestjs/common';
import { CompaniesModule } from '../companies/companies.module.js';
import { DeclarationsModule } from '../declarations/declarations.module.js';
import { OfficersModule } from '../officers/officers.module.js';
import { OutboxModule } from '../outbox/outbox.module.js';
import { PartitionMaintenance } from './partition-maintenance.service.js';
import { RetentionPurge } from './retention-purge.service.js';

/** Monthly partitions made ahead and the purge of short-lived rows; used by the worker's daily job and the CLI. */
@Module({
  imports: [CompaniesModule, DeclarationsModule, OfficersModule, OutboxModule],
  providers: [PartitionMaintenance, RetentionPurge],
  exports: [PartitionMaintenance, RetentionPurge],
})
export class RetentionModule {}
