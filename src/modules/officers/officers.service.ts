import { Injectable } from '@nestjs/common';
import { DataSource, IsNull, type Repository } from 'typeorm';
import { isUuid } from '../../common/validation/uuid.js';
import { DomainError } from '../../common/errors/domain-error.js';
import { CONSTRAINT_ERRORS } from '../../common/errors/error-codes.js';
import { Sql } from '../../database/sql.js';
import { hashPassword, passwordPolicyProblem } from './password.js';
import { GATE_CODES, type GateCode, parseGateCode } from '../../common/domain/gate-code.js';
import { AGENCIES, type Agency, isAgency } from './agency.js';
import { violatedConstraint } from '../../common/errors/violated-constraint.js';
import { OfficerEntity } from './officer.entity.js';
import { msg } from '../../common/i18n/message.js';

/** Usernames of officers and of company people alike: lower-cased before this check. */
export const USERNAME = /^[a-z0-9._-]{3,64}$/;
export interface CreateOfficerInput {
  username: string;
  password: string;
  agency: string;
  gates: readonly string[];
}

/** Who an officer is and where they serve; what a guard attaches to a request. */
export interface OfficerProfile {
  id: string;
  username: string;
  agency: Agency;
  gates: GateCode[];
}

/** What a login needs to decide, read in one statement. */
export interface LoginCandidate {
  id: string;
  passwordHash: string;
  disabled: boolean;
  /** Seconds until the lock ends (at least 1) while the account is locked, else null. */
  lockedForSeconds: number | null;
}

interface LockRow {
  failed_logins: number;
  locked_for_seconds: number | null;
}

const LOCKED_FOR = `CASE WHEN locked_until > now() THEN greatest(1, ceil(extract(epoch FROM locked_until - now())))::int END`;

@Injectable()
export class OfficersService {
  private readonly officers: Repository<OfficerEntity>;

  // Accounts are managed through the repository; the guard's and the login's reads and counters are hand SQL.
  constructor(
    dataSource: DataSource,
    private readonly sql: Sql,
  ) {
    this.officers = dataSource.getRepository(OfficerEntity);
  }

  /** Creates an officer; the username is lower-cased, gates deduplicated. 409 `CONFLICT.DUPLICATE` on a taken username. */
  async create(input: CreateOfficerInput): Promise<{ id: string }> {
    const username = input.username.toLowerCase();
    if (!USERNAME.test(username)) throw DomainError.invalidField('username', msg('field.username'));
    const passwordProblem = passwordPolicyProblem(input.password);
    if (passwordProblem) throw DomainError.invalidField('password', passwordProblem);
    if (!isAgency(input.agency)) throw DomainError.invalidField('agency', msg('field.oneOf', { allowed: AGENCIES }));
    const named = input.gates.map(parseGateCode);
    if (input.gates.length === 0 || named.includes(null))
      throw DomainError.invalidField('gates', msg('field.oneOrMoreOf', { allowed: GATE_CODES }));
    const gates = GATE_CODES.filter((gate) => named.includes(gate));

    const passwordHash = await hashPassword(input.password);
    try {
      const { identifiers } = await this.officers.insert({ username, passwordHash, agency: input.agency, gates });
      return { id: String(identifiers[0].id) };
    } catch (error) {
      const known = CONSTRAINT_ERRORS[violatedConstraint(error) ?? ''];
      if (known) throw new DomainError(known.code, known.text);
      throw error;
    }
  }

  /** Disables an officer; their tokens stop working on the next request. Returns false when already disabled or unknown. */
  async disable(id: string): Promise<boolean> {
    if (!isUuid(id)) return false;
    const result = await this.officers.update({ id, disabledAt: IsNull() }, { disabledAt: () => 'now()' });
    return (result.affected ?? 0) > 0;
  }

  /** The active officer with this id (one primary-key lookup), or null when unknown or disabled. */
  async findActive(id: string): Promise<OfficerProfile | null> {
    if (!isUuid(id)) return null;
    return this.sql.one<OfficerProfile>(
      'SELECT id, username, agency, gates FROM officer WHERE id = $1 AND disabled_at IS NULL',
      [id],
    );
  }

  /** The officer with this username (any case), disabled or not, or null. */
  async findByUsername(username: string): Promise<OfficerProfile | null> {
    return this.sql.one<OfficerProfile>('SELECT id, username, agency, gates FROM officer WHERE username = $1', [
      username.toLowerCase(),
    ]);
  }

  async findLoginCandidate(username: string): Promise<LoginCandidate | null> {
    const row = await this.sql.one<{
      id: string;
      password_hash: string;
      disabled: boolean;
      locked_for_seconds: number | null;
    }>(
      `SELECT id, password_hash, disabled_at IS NOT NULL AS disabled, ${LOCKED_FOR} AS locked_for_seconds
         FROM officer WHERE username = $1`,
      [username.toLowerCase()],
    );
    return row
      ? {
          id: row.id,
          passwordHash: row.password_hash,
          disabled: row.disabled,
          lockedForSeconds: row.locked_for_seconds,
        }
      : null;
  }

  /**
   * Counts one failed login, and locks the account for `lockSeconds` once `maxFailures` failures in a row are
   * reached. One conditional statement, so concurrent failures count exactly and lock exactly once. The count
   * is only reset by a successful login: after a lock ends, the next failure locks again.
   * Returns null when the account was already locked (the failure is not counted).
   */
  async recordFailedLogin(
    id: string,
    maxFailures: number,
    lockSeconds: number,
  ): Promise<{ failedLogins: number; lockedForSeconds: number | null } | null> {
    const row = await this.sql.one<LockRow>(
      `UPDATE officer
          SET failed_logins = failed_logins + 1,
              locked_until = CASE WHEN failed_logins + 1 >= $2 THEN now() + make_interval(secs => $3) ELSE locked_until END
        WHERE id = $1 AND (locked_until IS NULL OR locked_until <= now())
        RETURNING failed_logins, ${LOCKED_FOR} AS locked_for_seconds`,
      [id, maxFailures, lockSeconds],
    );
    return row ? { failedLogins: row.failed_logins, lockedForSeconds: row.locked_for_seconds } : null;
  }

  /**
   * Clears the failure count after a correct password, unless the account was locked or disabled in the
   * meantime (then null: the login must not succeed). Returns the officer as of this moment.
   */
  async recordSuccessfulLogin(id: string): Promise<OfficerProfile | null> {
    return this.sql.one<OfficerProfile>(
      `UPDATE officer SET failed_logins = 0, locked_until = NULL
        WHERE id = $1 AND disabled_at IS NULL AND (locked_until IS NULL OR locked_until <= now())
        RETURNING id, username, agency, gates`,
      [id],
    );
  }

  /** Seconds until the lock ends, or null when the account is not locked. */
  async lockedForSeconds(id: string): Promise<number | null> {
    const row = await this.sql.one<{ locked_for_seconds: number | null }>(
      `SELECT ${LOCKED_FOR} AS locked_for_seconds FROM officer WHERE id = $1`,
      [id],
    );
    return row?.locked_for_seconds ?? null;
  }
}
