import { Inject, Injectable } from '@nestjs/common';
import { isUuid } from '../../common/validation/uuid.js';
import { DomainError } from '../../common/errors/domain-error.js';
import { PlateNumber } from '../../common/identifiers/plate-number.js';
import type { AuthenticatedCompany } from '../companies/companies.service.js';
import { companyActorRef } from '../companies/company-principal.js';
import { canonicaliseSections } from './declaration-input.js';
import { canonicaliseArrival, canonicaliseTrip, type TripFields } from './trip-input.js';
import { Clock } from '../../common/clock.js';
import { toDeclarationResponse } from './declaration.mapper.js';
import QRCode from 'qrcode';
import { type ClearanceConfig, clearanceConfig } from '../../config/config-groups.js';
import { CHECK_IN_AUDIENCE, TokenService } from '../auth/token.service.js';
import {
  type DeclarationRow,
  DeclarationsRepository,
  type NewDeclaration,
  type SubmittedDeclaration,
} from './declarations.repository.js';
import { toAmendmentResponse } from './amendment.mapper.js';
import { DeclarationStepsReader } from './declaration-steps.reader.js';
import { DeclarationYardReader } from './declaration-yard.reader.js';
import { FeeSchedulesRepository } from '../fees/fee-schedules.repository.js';
import { Sql } from '../../database/sql.js';
import type { DeclarationPageResponseDto, DeclarationResponseDto } from './dto/declaration.response.dto.js';
import type { ListDeclarationsQueryDto } from './dto/list-declarations.query.dto.js';
import type { SubmitDeclarationRequestDto } from './dto/submit-declaration.request.dto.js';
import { IdempotencyService, requestHash } from './idempotency.service.js';
import { decodeCursor, encodeCursor } from './page-cursor.js';
import { violatedConstraint } from '../../common/errors/violated-constraint.js';
import { msg } from '../../common/i18n/message.js';

const IDEMPOTENCY_KEY_CONSTRAINT = 'idempotency_record_pkey';
const RECEIVING_LINK_CONSTRAINT = 'UQ_declaration_receiving_link';
const TERMINAL_FOR_HANDOVER = ['rejected', 'cancelled', 'expired', 'exited'];

export interface SubmitResult {
  status: number;
  body: Record<string, unknown>;
  replayed: boolean;
}

@Injectable()
export class DeclarationsService {
  constructor(
    private readonly declarations: DeclarationsRepository,
    private readonly idempotency: IdempotencyService,
    private readonly tokens: TokenService,
    private readonly steps: DeclarationStepsReader,
    private readonly yards: DeclarationYardReader,
    private readonly fees: FeeSchedulesRepository,
    private readonly sql: Sql,
    private readonly clock: Clock,
    @Inject(clearanceConfig.KEY) private readonly clearanceConfig: ClearanceConfig,
  ) {}

  /**
   * Accepts a declaration for background screening. `rawBody` is the body as the client sent it, hashed
   * to tell a replay from a different request under the same Idempotency-Key.
   */
  async submit(
    company: AuthenticatedCompany,
    key: string,
    dto: SubmitDeclarationRequestDto,
    rawBody: unknown,
  ): Promise<SubmitResult> {
    const trip = canonicaliseTrip(dto);
    const horizonMs = dto.slotStart === undefined ? 0 : ((await this.declarations.bookingHorizonMs(dto.gate)) ?? 0);
    const arrival = canonicaliseArrival(dto, this.clock.now(), horizonMs);
    const record: NewDeclaration = {
      companyId: company.companyId,
      actorRef: companyActorRef(company),
      idempotencyKey: key,
      requestHash: requestHash(rawBody),
      gate: dto.gate,
      direction: dto.direction,
      ...canonicaliseSections({ ...dto, expectedArrivalAt: arrival.expectedArrivalAt }, trip.tripKind),
      ...trip,
      feeExemptionCode: dto.feeExemptionCode ?? null,
      slotStart: arrival.slotStart,
    };
    if (record.feeExemptionCode) await this.assertExemptionListed(record);
    if (trip.linkedDeclarationId) {
      const problem = await this.handoverProblem(record, trip);
      if (problem) {
        // A replay of the submission that took the delivering vehicle over answers as it did then.
        const earlier = await this.idempotency.earlierAnswer(record.companyId, key, record.requestHash);
        if (earlier) return { ...earlier, replayed: true };
        throw problem;
      }
    }
    // Twice at most: the second time only when the key was held by an abandoned claim, now released.
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const inserted = await this.insertOrFindEarlier(record);
      if (inserted) return inserted;
    }
    throw new Error(`declaration not inserted and no earlier answer for its key (is gate ${dto.gate} missing?)`);
  }

  private async insertOrFindEarlier(record: NewDeclaration): Promise<SubmitResult | null> {
    let body: SubmittedDeclaration | null;
    try {
      body = await this.declarations.insertSubmitted(record);
    } catch (error) {
      // Another vehicle took the delivering one over between the check and this insert.
      if (violatedConstraint(error) === RECEIVING_LINK_CONSTRAINT) {
        throw DomainError.invalidField('handover.linkedDeclarationId', msg('field.linkUnknown'));
      }
      // The same key committed by a concurrent request between this statement's check and its insert.
      if (violatedConstraint(error) !== IDEMPOTENCY_KEY_CONSTRAINT) throw error;
      body = null;
    }
    if (body) return { status: 202, body: { ...body }, replayed: false };
    const earlier = await this.idempotency.earlierAnswer(record.companyId, record.idempotencyKey, record.requestHash);
    return earlier && { ...earlier, replayed: true };
  }

  /** A claimed exemption must be one the fee schedule in force on the arrival day lists. */
  private async assertExemptionListed(record: NewDeclaration): Promise<void> {
    const day = await this.declarations.arrivalDay(record.gate, record.expectedArrivalAt);
    if (!day || !(await this.fees.exemptionListed(this.sql, record.feeExemptionCode!, day))) {
      throw DomainError.invalidField('feeExemptionCode', msg('field.exemptionUnknown'));
    }
  }

  /**
   * Why the receiving vehicle cannot take over from the declaration it names, or null when it can: it must be the
   * delivering leg of the same kind of trip, gate and direction, still open, not taken over by another live
   * vehicle, and for a tractor swap bring the same trailer. It may be another company's (the id is the shared secret).
   */
  private async handoverProblem(record: NewDeclaration, trip: TripFields): Promise<DomainError | null> {
    const delivering = await this.declarations.handoverCandidate(trip.linkedDeclarationId!);
    const usable =
      delivering &&
      delivering.trip_kind === trip.tripKind &&
      delivering.handover_role === 'delivering' &&
      delivering.gate_code === record.gate &&
      delivering.direction === record.direction &&
      !TERMINAL_FOR_HANDOVER.includes(delivering.status) &&
      !delivering.taken;
    if (!usable) return DomainError.invalidField('handover.linkedDeclarationId', msg('field.linkUnknown'));
    if (trip.tripKind === 'tractor_swap' && delivering.trailer_plate !== record.trailerPlate) {
      return DomainError.invalidField(
        'vehicle.trailerPlate',
        msg('field.linkTrailer', { trailer: delivering.trailer_plate ?? '' }),
      );
    }
    return null;
  }

  async getOwned(company: AuthenticatedCompany, id: string): Promise<DeclarationResponseDto> {
    // Malformed ids and other companies' ids answer alike, so ids cannot be probed.
    const row = await this.findOwnedRow(company, id);
    const [steps, amendments, feeQuote, regulationYard] = await Promise.all([
      this.steps.stepsOf(row.id),
      this.declarations.amendmentRequests(row.id),
      this.fees.quoteOf(row.id),
      row.status === 'waiting_at_yard' ? this.yards.waitOf(row.id) : null,
    ]);
    return {
      ...toDeclarationResponse(row, { withTimeline: true }),
      feeQuote,
      steps,
      amendmentRequests: amendments.map(toAmendmentResponse),
      regulationYard,
      // A truck waiting at a regulation yard shows its QR code at the gate when called.
      qrToken: row.status === 'accepted' || row.status === 'waiting_at_yard' ? await this.checkInToken(row) : null,
    };
  }

  /** The check-in QR code of an accepted declaration, as a PNG. */
  async qrPng(company: AuthenticatedCompany, id: string): Promise<Buffer> {
    const row = await this.findOwnedRow(company, id);
    if (row.status !== 'accepted' && row.status !== 'waiting_at_yard') {
      throw new DomainError('DECLARATION.NOT_ACCEPTED', msg('declaration.qrNotAccepted', { status: row.status }));
    }
    return QRCode.toBuffer(await this.checkInToken(row), {
      type: 'png',
      errorCorrectionLevel: 'M',
      margin: 2,
      width: 320,
    });
  }

  private async findOwnedRow(company: AuthenticatedCompany, id: string): Promise<DeclarationRow> {
    // Malformed ids and other companies' ids answer alike, so ids cannot be probed.
    const row = isUuid(id) ? await this.declarations.findOwned(company.companyId, id.toLowerCase()) : null;
    if (!row) throw new DomainError('DECLARATION.NOT_FOUND', msg('declaration.notFound'));
    return row;
  }

  /** Valid for this version only (an amendment makes a new one) and until the declaration would expire. */
  private checkInToken(row: DeclarationRow): Promise<string> {
    const expiresAt = row.expected_arrival_at.getTime() + this.clearanceConfig.noShowExpiryMinutes * 60_000;
    const ttlSeconds = Math.max(60, Math.ceil((expiresAt - Date.now()) / 1000));
    return this.tokens.sign(CHECK_IN_AUDIENCE, { sub: row.id, gate: row.gate_code, ver: row.version }, ttlSeconds);
  }

  async listOwned(company: AuthenticatedCompany, query: ListDeclarationsQueryDto): Promise<DeclarationPageResponseDto> {
    const limit = query.limit ?? 50;
    const rows = await this.declarations.listOwned(
      company.companyId,
      {
        status: query.status,
        plate: query.plate ? PlateNumber.parse(query.plate).value : undefined,
        gate: query.gate,
        direction: query.direction,
        from: query.from ? new Date(query.from).toISOString() : undefined,
        to: query.to ? new Date(query.to).toISOString() : undefined,
      },
      query.cursor ? decodeCursor(query.cursor) : null,
      limit + 1,
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map((row) => toDeclarationResponse(row)),
      nextCursor:
        rows.length > limit && last ? encodeCursor({ createdAt: last.created_at.toISOString(), id: last.id }) : null,
    };
  }
}
