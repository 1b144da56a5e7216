import { LoginThrottleEntity } from './login-throttle.entity.js';
import { OfficerChangeEntity } from './officer-change.entity.js';
import { OfficerEntity } from './officer.entity.js';

export const OFFICERS_ENTITIES = [OfficerEntity, OfficerChangeEntity, LoginThrottleEntity];
