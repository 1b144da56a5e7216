import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error.js';
import { Sql } from '../../database/sql.js';
import { isValidVnTaxCode, normaliseTaxCode } from '../../common/identifiers/identifiers.js';
import { ApiKeyEntity } from './api-key.entity.js';
import { hashApiKey, issueApiKey, looksLikeApiKey } from './api-key.js';
import { CompanyEntity } from './company.entity.js';

export interface AuthenticatedCompany {
  companyId: string;
  keyPrefix: string;
}

@Injectable()
export class CompaniesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sql: Sql,
  ) {}

  /** Creates a company with its first API key; the key's secret is returned once and never stored. */
  async create(name: string, taxCodeInput: string): Promise<{ id: string; apiKey: string }> {
    const taxCode = normaliseTaxCode(taxCodeInput);
    if (!isValidVnTaxCode(taxCode)) throw DomainError.invalidField('taxCode', 'must be 10 or 13 digits');
    const trimmed = name.trim();
    if (trimmed.length === 0 || trimmed.length > 200)
      throw DomainError.invalidField('name', 'must be 1-200 characters');
    return this.dataSource.transaction(async (manager) => {
      const company = await manager.save(manager.create(CompanyEntity, { name: trimmed, taxCode }));
      const key = issueApiKey();
      await manager.insert(ApiKeyEntity, { companyId: company.id, keyPrefix: key.prefix, keyHash: key.hash });
      return { id: company.id, apiKey: key.secret };
    });
  }

  async createKey(companyId: string): Promise<{ apiKey: string; prefix: string }> {
    const exists = await this.dataSource.getRepository(CompanyEntity).existsBy({ id: companyId });
    if (!exists) throw new DomainError('REQUEST.VALIDATION_FAILED', 'company: no such company');
    const key = issueApiKey();
    await this.dataSource.getRepository(ApiKeyEntity).insert({ companyId, keyPrefix: key.prefix, keyHash: key.hash });
    return { apiKey: key.secret, prefix: key.prefix };
  }

  /** Revokes one key (by prefix) or every key of the company; returns how many were revoked. */
  async revokeKeys(companyId: string, prefix?: string): Promise<number> {
    const rows = await this.sql.rows(
      `UPDATE api_key SET revoked_at = now()
        WHERE company_id = $1 AND revoked_at IS NULL AND ($2::text IS NULL OR key_prefix = $2)
        RETURNING id`,
      [companyId, prefix ?? null],
    );
    return rows.length;
  }

  /** Resolves a bearer secret to its company; null when unknown or revoked. */
  async authenticate(secret: string): Promise<AuthenticatedCompany | null> {
    if (!looksLikeApiKey(secret)) return null;
    const rows = await this.sql.rows<{ company_id: string; key_prefix: string }>(
      'SELECT company_id, key_prefix FROM api_key WHERE key_hash = $1 AND revoked_at IS NULL',
      [hashApiKey(secret)],
    );
    return rows.length ? { companyId: rows[0].company_id, keyPrefix: rows[0].key_prefix } : null;
  }
}
