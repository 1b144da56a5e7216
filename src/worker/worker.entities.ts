import { WorkerHeartbeatEntity } from './worker-heartbeat.entity.js';

export const WORKER_ENTITIES = [WorkerHeartbeatEntity];
