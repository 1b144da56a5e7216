import { AuditChainHeadEntity } from './audit-chain-head.entity.js';

export const AUDIT_ENTITIES = [AuditChainHeadEntity];
