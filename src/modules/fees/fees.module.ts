import { Module } from '@nestjs/common';
import { FeeSchedulesRepository } from './fee-schedules.repository.js';

/**
 * The border-gate fee (docs/fees.md): the dated fee schedules, the rules as one pure function (fee-rules.ts) and as
 * the one SQL join the yard's queue, the claim, the fee step and the declarations' answers quote by (fee-quote.ts),
 * and the check of a claimed exemption code. Depends on no feature module, so any may use it.
 */
@Module({
  providers: [FeeSchedulesRepository],
  exports: [FeeSchedulesRepository],
})
export class FeesModule {}
