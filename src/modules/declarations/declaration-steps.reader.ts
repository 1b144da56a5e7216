import type { OfficerStepResponseDto } from './dto/officer-declaration.response.dto.js';
import type { StepResponseDto } from './dto/step.response.dto.js';

/**
 * The clearance steps of a declaration, for its company's view and its officers'. The clearance module provides it: clearance
 * depends on declarations (lifecycle, audit log), so declarations asks through this port instead of importing it.
 */
export abstract class DeclarationStepsReader {
  abstract stepsOf(declarationId: string): Promise<StepResponseDto[]>;

  /** The steps as officers see them: with who claimed and who decided each. */
  abstract stepsForOfficersOf(declarationId: string): Promise<OfficerStepResponseDto[]>;
}
