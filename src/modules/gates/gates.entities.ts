import { BoardWarningEntity } from './board-warning.entity.js';
import { GateEntity } from './gate.entity.js';

export const GATES_ENTITIES = [GateEntity, BoardWarningEntity];
