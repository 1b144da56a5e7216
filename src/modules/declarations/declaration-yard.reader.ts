import type { RegulationYardWaitDto } from './dto/regulation-yard-wait.response.dto.js';

/**
 * A declaration's wait at a regulation yard, for its company's view and its officers'. The regulation-yards module
 * provides it: it depends on declarations (lifecycle, audit log), so declarations asks through this port.
 */
export abstract class DeclarationYardReader {
  /** Its wait while it waits or is called; null otherwise. */
  abstract waitOf(declarationId: string): Promise<RegulationYardWaitDto | null>;
}
