import { DeclarationReturnEntity } from './declaration-return.entity.js';
import { ReturnRuleEntity } from './return-rule.entity.js';

export const RETURNS_ENTITIES = [ReturnRuleEntity, DeclarationReturnEntity];
