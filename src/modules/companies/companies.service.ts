import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, IsNull, type Repository } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error.js';
import { rowsIn, Sql } from '../../database/sql.js';
import { isValidVnTaxCode, normaliseTaxCode } from '../../common/identifiers/identifiers.js';
import { isUuid } from '../../common/validation/uuid.js';
import { ApiKeyEntity } from './api-key.entity.js';
import { hashApiKey, issueApiKey, looksLikeApiKey } from './api-key.js';
import { CompanyEntity } from './company.entity.js';
import { msg } from '../../common/i18n/message.js';

export interface AuthenticatedCompany {
  companyId: string;
  keyPrefix: string;
}

@Injectable()
export class CompaniesService {
  private readonly companies: Repository<CompanyEntity>;
  private readonly apiKeys: Repository<ApiKeyEntity>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly sql: Sql,
  ) {
    this.companies = dataSource.getRepository(CompanyEntity);
    this.apiKeys = dataSource.getRepository(ApiKeyEntity);
  }

  /** Creates a company with its first API key; the key's secret is returned once and never stored. */
  async create(name: string, taxCodeInput: string): Promise<{ id: string; apiKey: string }> {
    const taxCode = normaliseTaxCode(taxCodeInput);
    if (!isValidVnTaxCode(taxCode)) throw DomainError.invalidField('taxCode', msg('field.taxCode'));
    const trimmed = name.trim();
    if (trimmed.length === 0 || trimmed.length > 200) throw DomainError.invalidField('name', msg('field.companyName'));
    return this.dataSource.transaction(async (manager) => {
      const company = await manager.save(manager.create(CompanyEntity, { name: trimmed, taxCode }));
      const key = issueApiKey();
      await manager.insert(ApiKeyEntity, { companyId: company.id, keyPrefix: key.prefix, keyHash: key.hash });
      return { id: company.id, apiKey: key.secret };
    });
  }

  /** The company with this id or tax code (any spelling of it), or null. */
  async find(idOrTaxCode: string): Promise<{ id: string; name: string; taxCode: string } | null> {
    const where = isUuid(idOrTaxCode) ? { id: idOrTaxCode } : { taxCode: normaliseTaxCode(idOrTaxCode) };
    const company = await this.companies.findOneBy(where);
    return company && { id: company.id, name: company.name, taxCode: company.taxCode };
  }

  async createKey(companyId: string): Promise<{ apiKey: string; prefix: string }> {
    const exists = await this.companies.existsBy({ id: companyId });
    if (!exists) throw DomainError.invalidField('company', msg('field.noSuchCompany'));
    const key = issueApiKey();
    await this.apiKeys.insert({ companyId, keyPrefix: key.prefix, keyHash: key.hash });
    return { apiKey: key.secret, prefix: key.prefix };
  }

  /**
   * Locks the company's row until the caller's transaction ends (FOR NO KEY UPDATE: inserts that reference the
   * company, such as declarations and keys, are not held up by it). Call inside a transaction.
   */
  async lockForUpdate(manager: EntityManager, companyId: string): Promise<void> {
    await rowsIn(manager, 'SELECT id FROM company WHERE id = $1 FOR NO KEY UPDATE', [companyId]);
  }

  /** Revokes one key (by prefix) or every key of the company; returns how many were revoked. */
  async revokeKeys(companyId: string, prefix?: string): Promise<number> {
    const result = await this.apiKeys.update(
      { companyId, revokedAt: IsNull(), ...(prefix === undefined ? {} : { keyPrefix: prefix }) },
      { revokedAt: () => 'now()' },
    );
    return result.affected ?? 0;
  }

  /** Resolves a bearer secret to its company; null when unknown or revoked. Every company request: hand SQL. */
  async authenticate(secret: string): Promise<AuthenticatedCompany | null> {
    if (!looksLikeApiKey(secret)) return null;
    const rows = await this.sql.rows<{ company_id: string; key_prefix: string }>(
      'SELECT company_id, key_prefix FROM api_key WHERE key_hash = $1 AND revoked_at IS NULL',
      [hashApiKey(secret)],
    );
    return rows.length ? { companyId: rows[0].company_id, keyPrefix: rows[0].key_prefix } : null;
  }
}
