import { ApiKeyEntity } from './api-key.entity.js';
import { CompanyEntity } from './company.entity.js';

export const COMPANIES_ENTITIES = [CompanyEntity, ApiKeyEntity];
