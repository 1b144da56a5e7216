import { Injectable } from '@nestjs/common';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { DomainError } from '../../common/errors/domain-error.js';
import { DataSource, type Repository } from 'typeorm';
import { Sql } from '../../database/sql.js';
import { assertOfficerMay, type AuthenticatedOfficer } from '../auth/officer-access.js';
import { GateEntity } from './gate.entity.js';
import type { GateCode } from '../../common/domain/gate-code.js';
import type { GateStateResponseDto } from './dto/gate.dto.js';
import { msg } from '../../common/i18n/message.js';

function toGate(gate: GateEntity): GateStateResponseDto {
  return {
    code: gate.code,
    name: gate.name,
    nameEn: gate.nameEn,
    district: gate.district,
    counterpartName: gate.counterpartName,
    yards: gate.yards.map((y) => ({ code: y.code, name: y.name })),
    capacityPerDay: { export: gate.capacityExportPerDay, import: gate.capacityImportPerDay },
    timezone: gate.timezone,
    yardCapacity: gate.yardCapacity,
    open: gate.open,
    closedReason: gate.closedReason,
    closedAt: gate.closedAt ? gate.closedAt.toISOString() : null,
    closedBy: gate.closedBy,
  };
}

/** The gates' reference data and whether each is open; supervisors close and reopen their gate. */
@Injectable()
export class GateStateService {
  private readonly gates: Repository<GateEntity>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly sql: Sql,
    @InjectPinoLogger(GateStateService.name) private readonly logger: PinoLogger,
  ) {
    this.gates = dataSource.getRepository(GateEntity);
  }

  /** Every gate, with who closed it (callers that answer the public drop `closedBy`). */
  async list(): Promise<GateStateResponseDto[]> {
    return (await this.gates.find({ order: { code: 'ASC' } })).map(toGate);
  }

  /** Whether the gate is open, and why not; null for an unknown gate. One primary-key read (every check-in). */
  openState(gate: string): Promise<{ open: boolean; closed_reason: string | null; closed_at: Date | null } | null> {
    return this.sql.one('SELECT open, closed_reason, closed_at FROM gate WHERE code = $1', [gate]);
  }

  /** Supervisors of the gate only. 409 `GATE.ALREADY_CLOSED` when it is closed already (the first reason stays). */
  /** Sets how many vehicles the gate's own yard holds at once (supervisors of the gate): the call forward fills it. */
  async setYardCapacity(
    officer: AuthenticatedOfficer,
    gate: GateCode,
    capacity: number,
  ): Promise<GateStateResponseDto> {
    assertOfficerMay(officer, gate, [], msg('action.setYardCapacity'));
    await this.gates.update({ code: gate }, { yardCapacity: capacity });
    const row = await this.gates.findOneByOrFail({ code: gate });
    this.logger.info(
      { component: 'gates', gate, yardCapacity: capacity, officerId: officer.id },
      'gate yard capacity set',
    );
    return toGate(row);
  }

  async close(officer: AuthenticatedOfficer, gate: GateCode, reason: string): Promise<GateStateResponseDto> {
    assertOfficerMay(officer, gate, [], msg('action.closeOrOpenGate'));
    // The gate row is locked first, so two supervisors closing at once get one success and one 409.
    const closed = await this.dataSource.transaction(async (manager) => {
      const current = await manager.findOne(GateEntity, { where: { code: gate }, lock: { mode: 'pessimistic_write' } });
      if (!current?.open) return { closed: null, current };
      await manager.update(
        GateEntity,
        { code: gate },
        {
          open: false,
          closedReason: reason.trim(),
          closedAt: () => "date_trunc('milliseconds', now())",
          closedBy: officer.id,
        },
      );
      return { closed: await manager.findOneByOrFail(GateEntity, { code: gate }), current };
    });
    if (!closed.closed) {
      throw new DomainError('GATE.ALREADY_CLOSED', msg('gate.alreadyClosed', { gate }), {
        gate,
        closedReason: closed.current?.closedReason ?? null,
        closedAt: closed.current?.closedAt ? closed.current.closedAt.toISOString() : null,
      });
    }
    this.logger.info({ gate, officerId: officer.id, reason: closed.closed.closedReason }, 'gate closed');
    return toGate(closed.closed);
  }

  /** Supervisors of the gate only. 409 `GATE.ALREADY_OPEN` when it is open. Clears the closure columns. */
  async open(officer: AuthenticatedOfficer, gate: GateCode): Promise<GateStateResponseDto> {
    assertOfficerMay(officer, gate, [], msg('action.closeOrOpenGate'));
    const result = await this.dataSource.transaction(async (manager) => {
      const was = await manager.findOne(GateEntity, { where: { code: gate }, lock: { mode: 'pessimistic_write' } });
      if (!was || was.open) return null;
      await manager.update(
        GateEntity,
        { code: gate },
        { open: true, closedReason: null, closedAt: null, closedBy: null },
      );
      return { was, row: await manager.findOneByOrFail(GateEntity, { code: gate }) };
    });
    if (!result) throw new DomainError('GATE.ALREADY_OPEN', msg('gate.alreadyOpen', { gate }), { gate });
    // The gate row holds only the current closure; the log keeps who closed and who reopened it, and when.
    this.logger.info(
      {
        gate,
        officerId: officer.id,
        closedAt: result.was.closedAt?.toISOString() ?? null,
        closedBy: result.was.closedBy,
      },
      'gate reopened',
    );
    return toGate(result.row);
  }
}
