import { Injectable } from '@nestjs/common';
import { DomainError } from '../../common/errors/domain-error.js';
import { classifyDriverDocument, normaliseContainerNumber } from '../../common/identifiers/identifiers.js';
import { PlateNumber } from '../../common/identifiers/plate-number.js';
import type { AuthenticatedCompany } from '../companies/companies.service.js';
import { normaliseDocumentNumber } from '../watchlist/watchlist.service.js';
import { toDeclarationResponse } from './declaration.mapper.js';
import { DeclarationsRepository, type NewDeclaration } from './declarations.repository.js';
import type { DeclarationPageResponseDto, DeclarationResponseDto } from './dto/declaration.response.dto.js';
import type { ListDeclarationsQueryDto } from './dto/list-declarations.query.dto.js';
import type { SubmitDeclarationRequestDto } from './dto/submit-declaration.request.dto.js';
import { IdempotencyService, requestHash } from './idempotency.service.js';
import { decodeCursor, encodeCursor } from './page-cursor.js';

export interface SubmitResult {
  status: number;
  body: Record<string, unknown>;
  replayed: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class DeclarationsService {
  constructor(
    private readonly declarations: DeclarationsRepository,
    private readonly idempotency: IdempotencyService,
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
    const record = this.canonicalise(company.companyId, key, dto);
    const outcome = await this.idempotency.begin(company.companyId, key, requestHash(rawBody));
    if (outcome.kind === 'replay') return { status: outcome.status, body: outcome.body, replayed: true };
    try {
      const body = await this.declarations.insertSubmitted(record);
      return { status: 202, body: { ...body }, replayed: false };
    } catch (error) {
      await this.idempotency.abandon(company.companyId, key).catch(() => undefined);
      throw error;
    }
  }

  async getOwned(company: AuthenticatedCompany, id: string): Promise<DeclarationResponseDto> {
    // Malformed ids and other companies' ids answer alike, so ids cannot be probed.
    const row = UUID.test(id) ? await this.declarations.findOwned(company.companyId, id.toLowerCase()) : null;
    if (!row) throw new DomainError('DECLARATION.NOT_FOUND', 'No such declaration');
    return toDeclarationResponse(row, await this.declarations.timeline(row.id));
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

  private canonicalise(companyId: string, key: string, dto: SubmitDeclarationRequestDto): NewDeclaration {
    const plate = PlateNumber.parse(dto.vehicle.plate);
    if (plate.country !== dto.vehicle.nationality) {
      throw DomainError.invalidField(
        'vehicle.nationality',
        `is ${dto.vehicle.nationality} but the plate is a ${plate.country} plate`,
      );
    }
    const documentNumber = normaliseDocumentNumber(dto.driver.documentNumber);
    const documentKind = classifyDriverDocument(dto.driver.nationality, documentNumber);
    if (!documentKind) {
      throw DomainError.invalidField(
        'driver.documentNumber',
        dto.driver.nationality === 'VN'
          ? 'must be a 12-digit citizen ID (CCCD) or an 8-9 character passport number'
          : 'must be an 18-character resident ID with a valid check character, or an 8-9 character passport number',
      );
    }
    return {
      companyId,
      idempotencyKey: key,
      gate: dto.gate,
      direction: dto.direction,
      plate: plate.value,
      plateShort: plate.withoutProvince,
      vehicleNationality: dto.vehicle.nationality,
      trailerPlate: dto.vehicle.trailerPlate ? PlateNumber.parse(dto.vehicle.trailerPlate).value : null,
      containerNumber: dto.vehicle.containerNumber ? normaliseContainerNumber(dto.vehicle.containerNumber) : null,
      expectedArrivalAt: new Date(dto.expectedArrivalAt).toISOString(),
      driverFullName: dto.driver.fullName.trim(),
      driverDocumentNumber: documentNumber,
      driverDocumentKind: documentKind,
      driverNationality: dto.driver.nationality,
      driverPhone: dto.driver.phone ?? null,
      cargoDescription: dto.cargo.description.trim(),
      cargoHsCode: dto.cargo.hsCode ?? null,
      cargoGrossWeightKg: dto.cargo.grossWeightKg,
      cargoPerishable: dto.cargo.perishable,
      cargoCustomsDeclarationNumber: dto.cargo.customsDeclarationNumber ?? null,
    };
  }
}
