import { DomainError } from '../../common/errors/domain-error.js';
import { classifyDriverDocument, normaliseContainerNumber } from '../../common/identifiers/identifiers.js';
import { PlateNumber } from '../../common/identifiers/plate-number.js';
import { normaliseDocumentNumber } from '../watchlist/watchlist.service.js';
import type { CargoRequestDto, DriverRequestDto, VehicleRequestDto } from './dto/submit-declaration.request.dto.js';
import { msg } from '../../common/i18n/message.js';

/** The parts of a declaration a company writes (and may amend), as validated DTO sections. */
export interface DeclarationSections {
  expectedArrivalAt: string;
  vehicle: VehicleRequestDto;
  driver: DriverRequestDto;
  cargo: CargoRequestDto;
}

/** The same parts, canonical and ready to store. */
export interface DeclarationFields {
  plate: string;
  plateShort: string | null;
  vehicleNationality: 'VN' | 'CN';
  trailerPlate: string | null;
  containerNumber: string | null;
  expectedArrivalAt: string;
  driverFullName: string;
  driverDocumentNumber: string;
  driverDocumentKind: string;
  driverNationality: 'VN' | 'CN';
  driverPhone: string | null;
  cargoDescription: string;
  cargoHsCode: string | null;
  cargoGrossWeightKg: number;
  cargoPerishable: boolean;
  cargoCustomsDeclarationNumber: string | null;
  cargoQuarantineRequired: boolean;
}

/** Canonicalises and cross-checks the sections (the checks one field's validator cannot make alone). */
export function canonicaliseSections(s: DeclarationSections): DeclarationFields {
  const plate = PlateNumber.parse(s.vehicle.plate);
  if (plate.country !== s.vehicle.nationality) {
    throw DomainError.invalidField(
      'vehicle.nationality',
      msg('field.nationalityMismatch', { given: s.vehicle.nationality, country: plate.country }),
    );
  }
  const documentNumber = normaliseDocumentNumber(s.driver.documentNumber);
  const documentKind = classifyDriverDocument(s.driver.nationality, documentNumber);
  if (!documentKind) {
    throw DomainError.invalidField(
      'driver.documentNumber',
      msg(s.driver.nationality === 'VN' ? 'field.documentVn' : 'field.documentCn'),
    );
  }
  return {
    plate: plate.value,
    plateShort: plate.withoutProvince,
    vehicleNationality: s.vehicle.nationality,
    trailerPlate: s.vehicle.trailerPlate ? PlateNumber.parse(s.vehicle.trailerPlate).value : null,
    containerNumber: s.vehicle.containerNumber ? normaliseContainerNumber(s.vehicle.containerNumber) : null,
    expectedArrivalAt: new Date(s.expectedArrivalAt).toISOString(),
    driverFullName: s.driver.fullName.trim(),
    driverDocumentNumber: documentNumber,
    driverDocumentKind: documentKind,
    driverNationality: s.driver.nationality,
    driverPhone: s.driver.phone ?? null,
    cargoDescription: s.cargo.description.trim(),
    cargoHsCode: s.cargo.hsCode ?? null,
    cargoGrossWeightKg: s.cargo.grossWeightKg,
    cargoPerishable: s.cargo.perishable,
    cargoCustomsDeclarationNumber: s.cargo.customsDeclarationNumber ?? null,
    cargoQuarantineRequired: s.cargo.quarantineRequired ?? false,
  };
}

/** The ordered SQL parameters of DeclarationFields, shared by insert and amendment statements. */
export function fieldParams(f: DeclarationFields): unknown[] {
  return [
    f.plate,
    f.plateShort,
    f.vehicleNationality,
    f.trailerPlate,
    f.containerNumber,
    f.expectedArrivalAt,
    f.driverFullName,
    f.driverDocumentNumber,
    f.driverDocumentKind,
    f.driverNationality,
    f.driverPhone,
    f.cargoDescription,
    f.cargoHsCode,
    f.cargoGrossWeightKg,
    f.cargoPerishable,
    f.cargoCustomsDeclarationNumber,
    f.cargoQuarantineRequired,
  ];
}
