import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock.js';
import { DeclarationYardReader } from '../declarations/declaration-yard.reader.js';
import type { RegulationYardWaitDto } from '../declarations/dto/regulation-yard-wait.response.dto.js';
import { RegulationYardsRepository } from './regulation-yards.repository.js';

/** The declarations module's view of a declaration's wait at a regulation yard, answered from the waits' owner. */
@Injectable()
export class RegulationYardsReader extends DeclarationYardReader {
  constructor(
    private readonly yards: RegulationYardsRepository,
    private readonly clock: Clock,
  ) {
    super();
  }

  async waitOf(declarationId: string): Promise<RegulationYardWaitDto | null> {
    const w = await this.yards.waitOf(declarationId, this.clock.now());
    if (!w || (w.state !== 'waiting' && w.state !== 'called')) return null;
    return {
      yard: w.yard_code,
      state: w.state,
      placeInLine: w.place_in_line,
      arrivedAt: w.arrived_at.toISOString(),
      calledAt: w.called_at?.toISOString() ?? null,
      callDeadline: w.call_deadline?.toISOString() ?? null,
      callRule: w.call_rule,
      missedCalls: w.missed_calls,
    };
  }
}
