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
import type { AuthenticatedCompany } from './company-principal.js';

export type { AuthenticatedCompany } from './company-principal.js';

/** An API key as its company sees it: never the secret nor its hash. */
export interface ApiKeyView {
  prefix: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

// A key's last use is written at most once a minute per key and process (and at most once a minute in the database):
// the in-process stamp spares the other requests of the minute any statement beyond the key lookup itself.
const LAST_USE_EVERY_MS = 60_000;
const LAST_USE_STAMPS_MAX = 10_000;

interface ApiKeyRow {
  key_prefix: string;
  name: string;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

const toKeyView = (row: ApiKeyRow): ApiKeyView => ({
  prefix: row.key_prefix,
  name: row.name,
  createdAt: row.created_at.toISOString(),
  lastUsedAt: row.last_used_at?.toISOString() ?? null,
  revokedAt: row.revoked_at?.toISOString() ?? null,
});

const KEY_NAME_MAX = 100;

@Injectable()
export class CompaniesService {
  private readonly companies: Repository<CompanyEntity>;
  private readonly apiKeys: Repository<ApiKeyEntity>;
  private readonly lastUseStamps = new Map<string, number>();

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

  /** Marks the company an authorised economic operator (AEO), or no longer one: a priority class of the call forward. */
  async setAuthorisedEconomicOperator(
    companyId: string,
    on: boolean,
  ): Promise<{ companyId: string; taxCode: string; authorisedEconomicOperator: boolean }> {
    await this.companies.update({ id: companyId }, { authorisedEconomicOperator: on });
    const company = await this.companies.findOneByOrFail({ id: companyId });
    return { companyId, taxCode: company.taxCode, authorisedEconomicOperator: company.authorisedEconomicOperator };
  }

  /** A new key; its secret is returned once and never stored. `name` tells the company's keys apart. */
  async createKey(
    companyId: string,
    name = 'default',
  ): Promise<{ apiKey: string; prefix: string; name: string; createdAt: string }> {
    const trimmed = name.trim();
    if (trimmed.length === 0 || trimmed.length > KEY_NAME_MAX)
      throw DomainError.invalidField('name', msg('field.maxLength', { max: KEY_NAME_MAX }));
    const exists = await this.companies.existsBy({ id: companyId });
    if (!exists) throw DomainError.invalidField('company', msg('field.noSuchCompany'));
    const key = issueApiKey();
    const row = await this.sql.one<{ created_at: Date }>(
      'INSERT INTO api_key (company_id, key_prefix, key_hash, name) VALUES ($1, $2, $3, $4) RETURNING created_at',
      [companyId, key.prefix, key.hash, trimmed],
    );
    return { apiKey: key.secret, prefix: key.prefix, name: trimmed, createdAt: row!.created_at.toISOString() };
  }

  /** The company's keys, newest first, revoked ones too. */
  async listKeys(companyId: string): Promise<ApiKeyView[]> {
    const rows = await this.sql.rows<ApiKeyRow>(
      `SELECT key_prefix, name, created_at, last_used_at, revoked_at FROM api_key
        WHERE company_id = $1 ORDER BY created_at DESC, key_prefix`,
      [companyId],
    );
    return rows.map(toKeyView);
  }

  /** Revokes the company's key with this prefix (already revoked: unchanged); 404 `API_KEY.NOT_FOUND` if none. */
  async revokeKey(companyId: string, prefix: string): Promise<ApiKeyView> {
    const row = await this.sql.one<ApiKeyRow>(
      `UPDATE api_key SET revoked_at = coalesce(revoked_at, now())
        WHERE company_id = $1 AND key_prefix = $2
        RETURNING key_prefix, name, created_at, last_used_at, revoked_at`,
      [companyId, prefix],
    );
    if (!row) throw new DomainError('API_KEY.NOT_FOUND', msg('apiKey.notFound'));
    return toKeyView(row);
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
    const hash = hashApiKey(secret);
    const rows = await this.sql.rows<{ company_id: string; key_prefix: string }>(
      'SELECT company_id, key_prefix FROM api_key WHERE key_hash = $1 AND revoked_at IS NULL',
      [hash],
    );
    if (!rows.length) return null;
    await this.recordUse(hash);
    return {
      companyId: rows[0].company_id,
      keyPrefix: rows[0].key_prefix,
      userId: null,
      username: null,
      role: 'api_key',
    };
  }

  /**
   * Stamps the key's last use: at most one UPDATE a minute per key and process (the in-process stamp), and the
   * UPDATE itself is conditional, so processes that each stamp within the same minute write the row once.
   */
  private async recordUse(hash: Buffer): Promise<void> {
    const id = hash.toString('hex');
    const now = Date.now();
    if ((this.lastUseStamps.get(id) ?? 0) > now - LAST_USE_EVERY_MS) return;
    if (this.lastUseStamps.size >= LAST_USE_STAMPS_MAX) this.lastUseStamps.clear();
    this.lastUseStamps.set(id, now);
    await this.sql.rows(
      `UPDATE api_key SET last_used_at = now()
        WHERE key_hash = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
      [hash],
    );
  }
}
