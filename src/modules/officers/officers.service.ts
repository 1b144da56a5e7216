import { Injectable } from '@nestjs/common';
import { isUuid } from '../../common/validation/uuid.js';
import { DomainError } from '../../common/errors/domain-error.js';
import { CONSTRAINT_ERRORS } from '../../common/errors/error-codes.js';
import { rowsIn, Sql } from '../../database/sql.js';
import { type LoginClient, LoginLock } from './login-lock.js';
import type { LoginLimits } from './login-throttle.js';
import { recordOfficerChange } from './officer-change.js';
import { hashPassword, passwordPolicyProblem } from './password.js';
import { GATE_CODES, type GateCode, parseGateCode } from '../../common/domain/gate-code.js';
import { AGENCIES, type Agency, isAgency } from './agency.js';
import { violatedConstraint } from '../../common/errors/violated-constraint.js';
import { msg } from '../../common/i18n/message.js';

/** Usernames of officers and of company people alike: lower-cased before this check. */
export const USERNAME = /^[a-z0-9._-]{3,64}$/;

/** Who changes an account from the command line. */
export const OPERATOR_ACTOR = 'operator:cli';

export interface CreateOfficerInput {
  username: string;
  password: string;
  agency: string;
  gates: readonly string[];
}

/** A new officer's username, agency and gates, checked and in canonical form. */
export interface NewOfficer {
  username: string;
  agency: Agency;
  gates: GateCode[];
}

/** Gates as given (any letter case), as canonical codes in the reference order without repeats; else a 400 naming `field`. */
export function checkGates(given: readonly unknown[], field = 'gates'): GateCode[] {
  const named = given.map(parseGateCode);
  if (given.length === 0 || named.includes(null))
    throw DomainError.invalidField(field, msg('field.oneOrMoreOf', { allowed: GATE_CODES }));
  return GATE_CODES.filter((gate) => named.includes(gate));
}

export function checkAgency(given: unknown, field = 'agency'): Agency {
  if (!isAgency(given)) throw DomainError.invalidField(field, msg('field.oneOf', { allowed: AGENCIES }));
  return given;
}

export function checkPassword(password: string, field = 'password'): void {
  const problem = passwordPolicyProblem(password);
  if (problem) throw DomainError.invalidField(field, problem);
}

/** 400 naming the first field that is wrong: username, password, agency, gates. */
export function checkNewOfficer(input: CreateOfficerInput): NewOfficer {
  const username = input.username.toLowerCase();
  if (!USERNAME.test(username)) throw DomainError.invalidField('username', msg('field.username'));
  checkPassword(input.password);
  return { username, agency: checkAgency(input.agency), gates: checkGates(input.gates) };
}

/** Who an officer is and where they serve; what a guard attaches to a request. */
export interface OfficerProfile {
  id: string;
  username: string;
  agency: Agency;
  gates: GateCode[];
}

@Injectable()
export class OfficersService {
  private readonly loginLock: LoginLock;

  constructor(private readonly sql: Sql) {
    this.loginLock = new LoginLock(sql, 'officer');
  }

  /**
   * Creates an officer; the username is lower-cased, gates deduplicated. 409 `CONFLICT.DUPLICATE` on a taken
   * username. The creation is recorded in officer_change with `actor` (`officer:<id>` or `operator:cli`).
   */
  async create(input: CreateOfficerInput, actor: string = OPERATOR_ACTOR): Promise<{ id: string }> {
    return this.insert(checkNewOfficer(input), input.password, actor);
  }

  /** Inserts an officer checked by checkNewOfficer, and the record of its creation, in one transaction. */
  async insert(officer: NewOfficer, password: string, actor: string): Promise<{ id: string }> {
    const passwordHash = await hashPassword(password);
    try {
      return await this.sql.dataSource.transaction(async (manager) => {
        const [row] = await rowsIn<{ id: string }>(
          manager,
          'INSERT INTO officer (username, password_hash, agency, gates) VALUES ($1, $2, $3, $4) RETURNING id',
          [officer.username, passwordHash, officer.agency, officer.gates],
        );
        await recordOfficerChange(manager, row.id, 'created', actor, {
          username: officer.username,
          agency: officer.agency,
          gates: officer.gates,
        });
        return { id: row.id };
      });
    } catch (error) {
      const known = CONSTRAINT_ERRORS[violatedConstraint(error) ?? ''];
      if (known) throw new DomainError(known.code, known.text);
      throw error;
    }
  }

  /**
   * Disables an officer; their tokens stop working on the next request, and stay ended if the account is enabled
   * again. Returns false when already disabled or unknown.
   */
  async disable(id: string, actor: string = OPERATOR_ACTOR): Promise<boolean> {
    if (!isUuid(id)) return false;
    return this.sql.dataSource.transaction(async (manager) => {
      const rows = await rowsIn<{ id: string }>(
        manager,
        `UPDATE officer SET disabled_at = now(), token_version = token_version + 1
          WHERE id = $1 AND disabled_at IS NULL RETURNING id`,
        [id],
      );
      if (rows.length === 0) return false;
      await recordOfficerChange(manager, id, 'disabled', actor, {});
      return true;
    });
  }

  /**
   * The active officer with this id (one primary-key lookup), or null when unknown, disabled, or when
   * `tokenVersion` is not the account's: its password was reset (or it was disabled) after the token was issued.
   */
  async findActive(id: string, tokenVersion: number): Promise<OfficerProfile | null> {
    if (!isUuid(id)) return null;
    return this.sql.one<OfficerProfile>(
      'SELECT id, username, agency, gates FROM officer WHERE id = $1 AND disabled_at IS NULL AND token_version = $2',
      [id, tokenVersion],
    );
  }

  /** The officer with this username (any case), disabled or not, or null. */
  async findByUsername(username: string): Promise<OfficerProfile | null> {
    return this.sql.one<OfficerProfile>('SELECT id, username, agency, gates FROM officer WHERE username = $1', [
      username.toLowerCase(),
    ]);
  }

  /** The id of the officer whose password this is; see LoginLock.check for the refusals. */
  checkLogin(username: string, password: string, client: LoginClient, limits: LoginLimits): Promise<string> {
    return this.loginLock.check(username, password, client, limits);
  }

  /** The officer as of this moment after a correct password, or null when disabled in the meantime. */
  async recordSuccessfulLogin(id: string): Promise<(OfficerProfile & { tokenVersion: number }) | null> {
    return this.sql.one<OfficerProfile & { tokenVersion: number }>(
      `SELECT id, username, agency, gates, token_version AS "tokenVersion" FROM officer
        WHERE id = $1 AND disabled_at IS NULL`,
      [id],
    );
  }

  /** See LoginLock.purgeOld. */
  purgeOldLoginThrottles(batch: number, limits: LoginLimits): Promise<number> {
    return this.loginLock.purgeOld(batch, limits);
  }
}
