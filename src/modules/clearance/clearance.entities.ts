import { ClearanceStepEntity } from './clearance-step.entity.js';
import { FeeDirectionFactorEntity } from './fee-direction-factor.entity.js';
import { FeeRateEntity } from './fee-rate.entity.js';

export const CLEARANCE_ENTITIES = [ClearanceStepEntity, FeeRateEntity, FeeDirectionFactorEntity];
