import { Injectable } from '@nestjs/common';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import type { EntityManager } from 'typeorm';
import type { GateCode } from '../../common/domain/gate-code.js';
import { DomainError } from '../../common/errors/domain-error.js';
import { msg } from '../../common/i18n/message.js';
import { isUuid } from '../../common/validation/uuid.js';
import { rowsIn, Sql } from '../../database/sql.js';
import type { Agency } from './agency.js';
import type { OfficerChangeAction } from './officer-change.entity.js';
import { recordOfficerChange } from './officer-change.js';
import {
  checkAgency,
  checkGates,
  checkNewOfficer,
  checkPassword,
  type CreateOfficerInput,
  OfficersService,
  OPERATOR_ACTOR,
  type OfficerProfile,
} from './officers.service.js';
import { accountKeySql } from './login-throttle.js';
import { hashPassword } from './password.js';

/** Who manages accounts: a supervisor through the API (their profile as read for this request), or an operator at the command line. */
export type AccountManager = OfficerProfile | 'operator';

/** An officer's account as those who manage it see it. */
export interface OfficerAccount {
  id: string;
  username: string;
  agency: Agency;
  gates: GateCode[];
  createdAt: string;
  disabledAt: string | null;
  /** While too many failed logins lock the account; null otherwise. */
  lockedUntil: string | null;
}

interface AccountRow {
  id: string;
  username: string;
  agency: Agency;
  gates: GateCode[];
  created_at: Date;
  disabled_at: Date | null;
  locked_until: Date | null;
}

// "Locked until": when the username's login wait ends (LoginThrottle), while it lasts.
const ACCOUNT_COLUMNS = `id, username, agency, gates, created_at, disabled_at,
  (SELECT t.blocked_until FROM login_throttle t
    WHERE t.key = ${accountKeySql('officer', 'officer.username')} AND t.blocked_until > now()) AS locked_until`;

function toAccount(row: AccountRow): OfficerAccount {
  return {
    id: row.id,
    username: row.username,
    agency: row.agency,
    gates: row.gates,
    createdAt: row.created_at.toISOString(),
    disabledAt: row.disabled_at ? row.disabled_at.toISOString() : null,
    lockedUntil: row.locked_until ? row.locked_until.toISOString() : null,
  };
}

const actorOf = (manager: AccountManager): string =>
  manager === 'operator' ? OPERATOR_ACTOR : `officer:${manager.id}`;

/** The gates a supervisor manages officers at; 403 for any other agency. */
function supervisedGates(manager: OfficerProfile): readonly GateCode[] {
  if (manager.agency !== 'supervisor') {
    throw new DomainError(
      'AUTH.FORBIDDEN',
      msg('auth.agencyCannot', {
        agency: manager.agency,
        action: msg('action.manageOfficers'),
        allowed: ['supervisor'],
      }),
      { agency: manager.agency, allowed: ['supervisor'] },
    );
  }
  return manager.gates;
}

/** 403 unless every gate is one of the supervisor's. */
function assertMayPostAt(manager: AccountManager, gates: readonly GateCode[]): void {
  if (manager === 'operator') return;
  const yours = supervisedGates(manager);
  const outside = gates.filter((gate) => !yours.includes(gate));
  if (outside.length > 0) {
    throw new DomainError('AUTH.FORBIDDEN', msg('officer.postingOutsideYourGates', { gates: outside, yours }), {
      gates: outside,
    });
  }
}

/** 403 unless every gate the officer is posted at is one of the supervisor's. */
function assertManages(manager: AccountManager, officer: AccountRow): void {
  if (manager === 'operator') return;
  const yours = supervisedGates(manager);
  const outside = officer.gates.filter((gate) => !yours.includes(gate));
  if (outside.length > 0) {
    throw new DomainError(
      'AUTH.FORBIDDEN',
      msg('officer.outsideYourGates', { username: officer.username, gates: outside, yours }),
      { gates: outside },
    );
  }
}

const notFound = (): DomainError => new DomainError('OFFICER.NOT_FOUND', msg('officer.notFound'));

/**
 * Supervisors manage the officers posted at their gates (operators, from the command line, any officer): list,
 * create, disable, enable, re-post, reset a password. Each change is recorded in officer_change with who made
 * it, in the transaction that makes it. Disabling and resetting a password end the officer's tokens at once.
 */
@Injectable()
export class OfficerAdministrationService {
  constructor(
    private readonly sql: Sql,
    private readonly officers: OfficersService,
    @InjectPinoLogger(OfficerAdministrationService.name) private readonly logger: PinoLogger,
  ) {}

  /** The officers posted at `gate` (every officer when an operator gives no gate), by username. */
  async list(manager: AccountManager, gate: GateCode | null): Promise<OfficerAccount[]> {
    if (manager !== 'operator') {
      if (!gate || !manager.gates.includes(gate))
        throw new DomainError('AUTH.FORBIDDEN', msg('auth.notPosted', { gate: gate ?? '' }), { gate });
      supervisedGates(manager);
    }
    const rows = await this.sql.rows<AccountRow>(
      `SELECT ${ACCOUNT_COLUMNS} FROM officer WHERE $1::text IS NULL OR $1 = ANY (gates) ORDER BY username`,
      [gate],
    );
    return rows.map(toAccount);
  }

  /** The account with this username (any case), or null. */
  async findByUsername(username: string): Promise<OfficerAccount | null> {
    const row = await this.sql.one<AccountRow>(`SELECT ${ACCOUNT_COLUMNS} FROM officer WHERE username = $1`, [
      username.toLowerCase(),
    ]);
    return row && toAccount(row);
  }

  /** 400 naming the field, 403 for gates outside the supervisor's, 409 `CONFLICT.DUPLICATE` for a taken username. */
  async create(manager: AccountManager, input: CreateOfficerInput): Promise<OfficerAccount> {
    const officer = checkNewOfficer(input);
    assertMayPostAt(manager, officer.gates);
    const { id } = await this.officers.insert(officer, input.password, actorOf(manager));
    this.logChange(manager, id, 'created', { agency: officer.agency, gates: officer.gates });
    return this.account(id);
  }

  /** Ends the officer's access at once (their tokens too). A supervisor cannot disable themself. Disabled already: unchanged. */
  disable(manager: AccountManager, id: string): Promise<OfficerAccount> {
    if (manager !== 'operator' && manager.id === id.toLowerCase())
      throw new DomainError('AUTH.FORBIDDEN', msg('officer.cannotDisableSelf'));
    return this.change(manager, id, 'disabled', async (tx, officer) => {
      if (officer.disabled_at) return null;
      await rowsIn(tx, 'UPDATE officer SET disabled_at = now(), token_version = token_version + 1 WHERE id = $1', [
        officer.id,
      ]);
      return {};
    });
  }

  /** Lets a disabled officer log in again; tokens from before the disabling stay ended. Active already: unchanged. */
  enable(manager: AccountManager, id: string): Promise<OfficerAccount> {
    return this.change(manager, id, 'enabled', async (tx, officer) => {
      if (!officer.disabled_at) return null;
      await rowsIn(tx, 'UPDATE officer SET disabled_at = NULL WHERE id = $1', [officer.id]);
      return {};
    });
  }

  /**
   * Posts the officer at `gates` (replacing their postings), as `agency` when given. A supervisor posts only at
   * their own gates and cannot give up their own supervisor posting.
   */
  setPostings(
    manager: AccountManager,
    id: string,
    input: { agency?: string; gates: readonly unknown[] },
  ): Promise<OfficerAccount> {
    const gates = checkGates(input.gates);
    const agency = input.agency === undefined ? undefined : checkAgency(input.agency);
    assertMayPostAt(manager, gates);
    return this.change(manager, id, 'postings_changed', async (tx, officer) => {
      const to = { agency: agency ?? officer.agency, gates };
      if (manager !== 'operator' && manager.id === officer.id && to.agency !== 'supervisor')
        throw new DomainError('AUTH.FORBIDDEN', msg('officer.cannotLeaveSupervision'));
      if (to.agency === officer.agency && to.gates.join() === officer.gates.join()) return null;
      await rowsIn(tx, 'UPDATE officer SET agency = $2, gates = $3 WHERE id = $1', [officer.id, to.agency, to.gates]);
      return { from: { agency: officer.agency, gates: officer.gates }, to };
    });
  }

  /** A new password; clears the failed-login lock and ends every token issued before it. */
  async resetPassword(manager: AccountManager, id: string, password: string): Promise<OfficerAccount> {
    checkPassword(password);
    const passwordHash = await hashPassword(password);
    return this.change(manager, id, 'password_reset', async (tx, officer) => {
      await rowsIn(
        tx,
        `UPDATE officer SET password_hash = $2, failed_logins = 0, locked_until = NULL,
                token_version = token_version + 1
          WHERE id = $1`,
        [officer.id, passwordHash],
      );
      await rowsIn(tx, `DELETE FROM login_throttle WHERE key = ${accountKeySql('officer', '$1::text')}`, [
        officer.username,
      ]);
      return {};
    });
  }

  /**
   * Locks the officer's row, checks the manager may manage them, applies `apply` (null: nothing to change) and
   * records the change, in one transaction; then answers the account as it now stands.
   */
  private async change(
    manager: AccountManager,
    id: string,
    action: OfficerChangeAction,
    apply: (tx: EntityManager, officer: AccountRow) => Promise<Record<string, unknown> | null>,
  ): Promise<OfficerAccount> {
    if (!isUuid(id)) throw notFound();
    const officerId = id.toLowerCase();
    const changes = await this.sql.dataSource.transaction(async (tx) => {
      const [officer] = await rowsIn<AccountRow>(
        tx,
        `SELECT ${ACCOUNT_COLUMNS} FROM officer WHERE id = $1 FOR UPDATE`,
        [officerId],
      );
      if (!officer) throw notFound();
      assertManages(manager, officer);
      const made = await apply(tx, officer);
      if (made) await recordOfficerChange(tx, officerId, action, actorOf(manager), made);
      return made;
    });
    if (changes) this.logChange(manager, officerId, action, changes);
    return this.account(officerId);
  }

  private logChange(manager: AccountManager, officerId: string, action: string, changes: object): void {
    this.logger.info({ officerId, action, actor: actorOf(manager), changes }, 'officer account changed');
  }

  private async account(id: string): Promise<OfficerAccount> {
    const row = await this.sql.one<AccountRow>(`SELECT ${ACCOUNT_COLUMNS} FROM officer WHERE id = $1`, [id]);
    if (!row) throw notFound();
    return toAccount(row);
  }
}
