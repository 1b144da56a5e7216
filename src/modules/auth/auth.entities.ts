import { OfficerRefreshTokenEntity } from './officer-refresh-token.entity.js';

export const AUTH_ENTITIES = [OfficerRefreshTokenEntity];
