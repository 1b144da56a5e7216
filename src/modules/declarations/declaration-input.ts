import { DomainError } from '../../common/errors/domain-error.js';
import { classifyDriverDocument, normaliseContainerNumber } from '../../common/identifiers/identifiers.js';
import { PlateNumber } from '../../common/identifiers/plate-number.js';
import { normaliseDocumentNumber } from '../watchlist/watchlist.service.js';
import type { CargoRequestDto, DriverRequestDto, VehicleRequestDto } from './dto/submit-declaration.request.dto.js';
import { msg } from '../../common/i18n/message.js';
import type { CargoRegime, ContainerSizeFeet, TripKind } from './trip-kind.js';

/** A container as stored: ISO 6346 number, canonical; its length when the company gave it. */
export interface ContainerFields {
  number: string;
  sizeFeet: ContainerSizeFeet | null;
}

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
  /** The first container's number, kept on the declaration row for the readers that predate `containers`. */
  containerNumber: string | null;
  containers: ContainerFields[];
  vehicleTonnageKg: number | null;
  twoWayTransport: boolean;
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
  cargoRegime: CargoRegime;
}

/**
 * Canonicalises and cross-checks the sections (the checks one field's validator cannot make alone), for a trip
 * of `tripKind`: an empty trip carries no goods, a tractor swap names its trailer.
 */
export function canonicaliseSections(s: DeclarationSections, tripKind: TripKind): DeclarationFields {
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
  if (tripKind === 'empty' && s.cargo.grossWeightKg !== 0) {
    throw DomainError.invalidField('cargo.grossWeightKg', msg('field.emptyTripGoods'));
  }
  if (tripKind === 'tractor_swap' && !s.vehicle.trailerPlate) {
    throw DomainError.invalidField('vehicle.trailerPlate', msg('field.trailerForSwap'));
  }
  const containers = canonicalContainers(s.vehicle);
  return {
    plate: plate.value,
    plateShort: plate.withoutProvince,
    vehicleNationality: s.vehicle.nationality,
    trailerPlate: s.vehicle.trailerPlate ? PlateNumber.parse(s.vehicle.trailerPlate).value : null,
    containerNumber: containers[0]?.number ?? null,
    containers,
    vehicleTonnageKg: s.vehicle.tonnageKg ?? null,
    twoWayTransport: s.vehicle.twoWayTransport ?? false,
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
    cargoRegime: s.cargo.regime ?? 'standard',
  };
}

/** `containers`, or the older single `containerNumber`, canonical; one container listed twice is refused. */
function canonicalContainers(vehicle: VehicleRequestDto): ContainerFields[] {
  if (vehicle.containers && vehicle.containerNumber) {
    throw DomainError.invalidField('vehicle.containers', msg('field.containersAndNumber'));
  }
  const given = vehicle.containers ?? (vehicle.containerNumber ? [{ number: vehicle.containerNumber }] : []);
  const containers = given.map((c) => ({ number: normaliseContainerNumber(c.number), sizeFeet: c.sizeFeet ?? null }));
  if (new Set(containers.map((c) => c.number)).size !== containers.length) {
    throw DomainError.invalidField('vehicle.containers', msg('field.containerTwice'));
  }
  return containers;
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
    f.vehicleTonnageKg,
    f.twoWayTransport,
    f.cargoRegime,
    f.containers.map((c) => c.number),
    f.containers.map((c) => c.sizeFeet),
  ];
}
