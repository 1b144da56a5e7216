import { ClearanceStepEntity } from './clearance-step.entity.js';

export const CLEARANCE_ENTITIES = [ClearanceStepEntity];
