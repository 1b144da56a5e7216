import { ApiKeyEntity } from './api-key.entity.js';
import { CompanyEntity } from './company.entity.js';
import { CompanySessionEntity } from './company-session.entity.js';
import { CompanyUserEntity } from './company-user.entity.js';

export const COMPANIES_ENTITIES = [CompanyEntity, ApiKeyEntity, CompanyUserEntity, CompanySessionEntity];
