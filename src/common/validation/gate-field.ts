import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsIn, type ValidationOptions } from 'class-validator';
import { GATE_CODES, parseGateCode } from '../domain/gate-code.js';

/**
 * A gate code field of a body or query, in any letter case, stored on the DTO as its canonical code
 * (`huu_nghi` → `HUU_NGHI`). Anything else is left as sent, so the `IsIn` check names the field.
 */
export function IsGateCode(options?: ValidationOptions): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }: { value: unknown }) => parseGateCode(value) ?? value),
    IsIn(GATE_CODES, options),
  );
}
