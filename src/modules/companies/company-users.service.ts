import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error.js';
import { CONSTRAINT_ERRORS } from '../../common/errors/error-codes.js';
import { violatedConstraint } from '../../common/errors/violated-constraint.js';
import { msg } from '../../common/i18n/message.js';
import { isUuid } from '../../common/validation/uuid.js';
import { rowsIn, Sql } from '../../database/sql.js';
import { USERNAME } from '../officers/officers.service.js';
import { type LoginClient, LoginLock } from '../officers/login-lock.js';
import type { LoginLimits } from '../officers/login-throttle.js';
import { hashPassword, passwordPolicyProblem } from '../officers/password.js';
import { COMPANY_USER_ROLES, type CompanyUserRole, isCompanyUserRole } from './company-principal.js';

export interface CreateCompanyUserInput {
  companyId: string;
  username: string;
  password: string;
  role: string;
}

/** A person of a company as the company's administrators see them: never the password hash. */
export interface CompanyUserView {
  id: string;
  username: string;
  role: CompanyUserRole;
  createdAt: string;
  disabledAt: string | null;
}

interface UserRow {
  id: string;
  company_id: string;
  username: string;
  role: CompanyUserRole;
  created_at: Date;
  disabled_at: Date | null;
}

const USER_COLUMNS = 'id, company_id, username, role, created_at, disabled_at';

const toView = (row: UserRow): CompanyUserView => ({
  id: row.id,
  username: row.username,
  role: row.role,
  createdAt: row.created_at.toISOString(),
  disabledAt: row.disabled_at?.toISOString() ?? null,
});

const notFound = (): DomainError => new DomainError('COMPANY_USER.NOT_FOUND', msg('companyUser.notFound'));

/**
 * The people of each company: created by the operator (CLI) or a company administrator, disabled and enabled by
 * them. The login counters follow the officers' rules (OfficersService): one conditional statement each.
 */
@Injectable()
export class CompanyUsersService {
  private readonly loginLock: LoginLock;

  constructor(
    private readonly dataSource: DataSource,
    private readonly sql: Sql,
  ) {
    this.loginLock = new LoginLock(sql, 'company_user');
  }

  /** Creates a person; the username is lower-cased. 409 `CONFLICT.DUPLICATE` on a username taken in any company. */
  async create(input: CreateCompanyUserInput): Promise<CompanyUserView> {
    const username = input.username.toLowerCase();
    if (!USERNAME.test(username)) throw DomainError.invalidField('username', msg('field.username'));
    const passwordProblem = passwordPolicyProblem(input.password);
    if (passwordProblem) throw DomainError.invalidField('password', passwordProblem);
    if (!isCompanyUserRole(input.role))
      throw DomainError.invalidField('role', msg('field.oneOf', { allowed: COMPANY_USER_ROLES }));
    if (!isUuid(input.companyId)) throw DomainError.invalidField('company', msg('field.noSuchCompany'));

    const passwordHash = await hashPassword(input.password);
    try {
      const row = await this.sql.one<UserRow>(
        `INSERT INTO company_user (company_id, username, password_hash, role)
         SELECT id, $2, $3, $4 FROM company WHERE id = $1
         RETURNING ${USER_COLUMNS}`,
        [input.companyId, username, passwordHash, input.role],
      );
      if (!row) throw DomainError.invalidField('company', msg('field.noSuchCompany'));
      return toView(row);
    } catch (error) {
      const known = CONSTRAINT_ERRORS[violatedConstraint(error) ?? ''];
      if (known) throw new DomainError(known.code, known.text);
      throw error;
    }
  }

  /** The company's people, oldest first, disabled ones too. */
  async list(companyId: string): Promise<CompanyUserView[]> {
    const rows = await this.sql.rows<UserRow>(
      `SELECT ${USER_COLUMNS} FROM company_user WHERE company_id = $1 ORDER BY created_at, username`,
      [companyId],
    );
    return rows.map(toView);
  }

  /** The person with this username (any case), in whichever company, disabled or not, or null. */
  async findByUsername(username: string): Promise<(CompanyUserView & { companyId: string }) | null> {
    const row = await this.sql.one<UserRow>(`SELECT ${USER_COLUMNS} FROM company_user WHERE username = $1`, [
      username.toLowerCase(),
    ]);
    return row && { ...toView(row), companyId: row.company_id };
  }

  /**
   * Disables one of the company's people and ends their sign-ins, in one transaction (already disabled:
   * unchanged). 404 `COMPANY_USER.NOT_FOUND` outside the company; an administrator cannot disable themself.
   */
  async disable(companyId: string, id: string, actingUserId: string | null): Promise<CompanyUserView> {
    if (!isUuid(id)) throw notFound();
    if (id.toLowerCase() === actingUserId)
      throw new DomainError('COMPANY_USER.CANNOT_DISABLE_SELF', msg('companyUser.cannotDisableSelf'));
    return this.dataSource.transaction(async (manager) => {
      const [row] = await rowsIn<UserRow>(
        manager,
        `UPDATE company_user SET disabled_at = coalesce(disabled_at, now())
          WHERE id = $1 AND company_id = $2 RETURNING ${USER_COLUMNS}`,
        [id, companyId],
      );
      if (!row) throw notFound();
      await rowsIn(manager, 'UPDATE company_session SET ended_at = now() WHERE user_id = $1 AND ended_at IS NULL', [
        id,
      ]);
      return toView(row);
    });
  }

  /** The operator's way (CLI): disables the person with this username, in whichever company; null if none. */
  async disableByUsername(username: string): Promise<CompanyUserView | null> {
    const found = await this.findByUsername(username);
    return found && this.disable(found.companyId, found.id, null);
  }

  /** Enables one of the company's people again (already enabled: unchanged); the login lock is lifted too. */
  async enable(companyId: string, id: string): Promise<CompanyUserView> {
    if (!isUuid(id)) throw notFound();
    const row = await this.sql.one<UserRow>(
      `UPDATE company_user SET disabled_at = NULL, failed_logins = 0, locked_until = NULL
        WHERE id = $1 AND company_id = $2 RETURNING ${USER_COLUMNS}`,
      [id, companyId],
    );
    if (!row) throw notFound();
    return toView(row);
  }

  /** The id of the person whose password this is; see LoginLock.check for the refusals. */
  checkLogin(username: string, password: string, client: LoginClient, limits: LoginLimits): Promise<string> {
    return this.loginLock.check(username, password, client, limits);
  }
}
