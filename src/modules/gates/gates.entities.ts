import { GateEntity } from './gate.entity.js';

export const GATES_ENTITIES = [GateEntity];
