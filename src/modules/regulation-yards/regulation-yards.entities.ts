import { CallRuleEntity } from './call-rule.entity.js';
import { PriorityCycleEntity } from './priority-cycle.entity.js';
import { RegulationYardEntity } from './regulation-yard.entity.js';
import { YardWaitEntity } from './yard-wait.entity.js';

export const REGULATION_YARDS_ENTITIES = [RegulationYardEntity, YardWaitEntity, PriorityCycleEntity, CallRuleEntity];
