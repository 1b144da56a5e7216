import { OfficerEntity } from './officer.entity.js';

export const OFFICERS_ENTITIES = [OfficerEntity];
