import { Module } from '@nestjs/common';
import { AuditCheckpointFile } from './audit-checkpoint-file.js';
import { AuditCheckpoints } from './audit-checkpoints.service.js';
import { AuditVerifier } from './audit-verifier.service.js';

/**
 * The audit chain over the declarations' audit log: the sealer (worker) numbers and hashes committed records,
 * the checkpoint schedule (worker) signs the head into a file outside the database, the verifier
 * (`npm run cli -- audit:verify`) walks the chain and holds it against those checkpoints.
 */
@Module({
  providers: [AuditVerifier, AuditCheckpoints, AuditCheckpointFile],
  exports: [AuditVerifier, AuditCheckpoints],
})
export class AuditModule {}
