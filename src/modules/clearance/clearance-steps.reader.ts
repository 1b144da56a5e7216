import { Injectable } from '@nestjs/common';
import { DeclarationStepsReader } from '../declarations/declaration-steps.reader.js';
import type { StepResponseDto } from '../declarations/dto/step.response.dto.js';
import { ClearanceRepository } from './clearance.repository.js';
import type { OfficerStepResponseDto } from '../declarations/dto/officer-declaration.response.dto.js';
import { toOfficerStepResponse, toStepResponse } from './step.mapper.js';

/** The declarations module's view of a declaration's steps, answered from the steps' owner. */
@Injectable()
export class ClearanceStepsReader extends DeclarationStepsReader {
  constructor(private readonly clearance: ClearanceRepository) {
    super();
  }

  async stepsOf(declarationId: string): Promise<StepResponseDto[]> {
    return (await this.clearance.stepsOf(declarationId)).map(toStepResponse);
  }

  async stepsForOfficersOf(declarationId: string): Promise<OfficerStepResponseDto[]> {
    return (await this.clearance.stepsWithOfficers(declarationId)).map(toOfficerStepResponse);
  }
}
