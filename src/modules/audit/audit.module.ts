import { Module } from '@nestjs/common';
import { AuditVerifier } from './audit-verifier.service.js';

/**
 * The audit chain over the declarations' audit log: the sealer (worker) numbers and hashes committed records,
 * the verifier (`npm run cli -- audit:verify`) walks the chain.
 */
@Module({
  providers: [AuditVerifier],
  exports: [AuditVerifier],
})
export class AuditModule {}
