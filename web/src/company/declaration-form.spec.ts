import { describe, expect, it } from '@jest/globals';
import {
  arrivalIso,
  checkValues,
  emptyValues,
  type FormValues,
  isAsked,
  localInput,
  serverProblems,
  toBody,
  valuesOf,
} from './declaration-form';

const NOW = Date.parse('2026-12-07T01:00:00Z');

function good(): FormValues {
  return {
    ...emptyValues(),
    expectedArrivalAt: '2026-12-08T08:00',
    'vehicle.plate': '12C-123.45',
    'vehicle.trailerPlate': '12R-012.34',
    'vehicle.containers.0.number': 'CSQU3054383',
    'vehicle.containers.0.sizeFeet': '40',
    'driver.fullName': 'Nguyễn Văn An',
    'driver.documentNumber': '020090001234',
    'driver.phone': '+84912345678',
    'cargo.description': 'Fresh dragon fruit',
    'cargo.hsCode': '08109050',
    'cargo.grossWeightKg': '18000',
    'cargo.perishable': 'true',
    'cargo.customsDeclarationNumber': '305123456789',
  };
}

describe('the declaration form', () => {
  it('finds nothing wrong with a valid declaration, and builds the API body from it', () => {
    expect(checkValues(good(), 'en', NOW)).toEqual({});
    expect(toBody(good())).toEqual({
      gate: 'HUU_NGHI',
      direction: 'export',
      expectedArrivalAt: '2026-12-08T08:00:00+07:00',
      tripKind: 'through',
      vehicle: {
        plate: '12C-123.45',
        nationality: 'VN',
        trailerPlate: '12R-012.34',
        containers: [{ number: 'CSQU3054383', sizeFeet: 40 }],
        twoWayTransport: false,
      },
      driver: { fullName: 'Nguyễn Văn An', documentNumber: '020090001234', nationality: 'VN', phone: '+84912345678' },
      cargo: {
        description: 'Fresh dragon fruit',
        hsCode: '08109050',
        grossWeightKg: 18000,
        perishable: true,
        customsDeclarationNumber: '305123456789',
        quarantineRequired: false,
        regime: 'standard',
      },
    });
  });

  it("refuses with the API's rules and words, in the reader's language", () => {
    const values: FormValues = {
      ...good(),
      'vehicle.plate': '12Ц-123.45',
      'vehicle.trailerPlate': '12C-123.46',
      'vehicle.containers.0.number': 'CSQU3054384',
      'driver.documentNumber': '123',
      'cargo.hsCode': '77000000',
      'cargo.grossWeightKg': '18.5',
      'driver.fullName': ' ',
    };
    const en = checkValues(values, 'en', NOW);
    expect(en['vehicle.plate']).toContain('PLATE.LOOKALIKE_CHARACTER');
    expect(en['vehicle.trailerPlate']).toBe('is not a trailer plate (Vietnamese series R, Chinese ending in 挂)');
    expect(en['vehicle.containers.0.number']).toContain('ISO 6346');
    expect(en['driver.documentNumber']).toContain('CCCD');
    expect(en['cargo.hsCode']).toContain('HS code');
    expect(en['cargo.grossWeightKg']).toContain('whole number');
    expect(en['driver.fullName']).toBe('is required');
    const vi = checkValues(values, 'vi', NOW);
    expect(vi['driver.fullName']).toBe('là bắt buộc');
    expect(checkValues(values, 'zh', NOW)['driver.fullName']).toBe('为必填项');
  });

  it('checks across fields as the API does: the plate’s country against the nationality', () => {
    const values = { ...good(), 'vehicle.plate': '桂A12345', 'vehicle.trailerPlate': '' };
    expect(checkValues(values, 'en', NOW)['vehicle.nationality']).toBe(
      'is VN but the plate is a CN plate; make them agree',
    );
    expect(checkValues({ ...values, 'vehicle.nationality': 'CN' }, 'en', NOW)).toEqual({});
  });

  it('refuses an arrival more than a year away, and leaves out fields not asked for', () => {
    const far = { ...good(), expectedArrivalAt: '2028-12-08T08:00' };
    expect(checkValues(far, 'en', NOW).expectedArrivalAt).toContain('366');
    expect(checkValues(far, 'en', NOW, ['vehicle.plate'])).toEqual({});
  });

  it('books a slot: the arrival may then be left out (the API takes the slot start), and a slot must be a time', () => {
    const booked = { ...good(), expectedArrivalAt: '', slotStart: '2026-12-08T01:00:00.000Z' };
    expect(checkValues(booked, 'en', NOW)).toEqual({});
    expect(toBody(booked).expectedArrivalAt).toBeUndefined();
    expect(toBody(booked).slotStart).toBe('2026-12-08T01:00:00.000Z');
    expect(toBody({ ...booked, slotStart: '2026-12-08 08:00' }).slotStart).toBe('2026-12-08T08:00:00+07:00');
    expect(checkValues({ ...booked, slotStart: 'tomorrow' }, 'en', NOW).slotStart).toContain('366');
    expect(checkValues({ ...booked, slotStart: '2026-12-08 08:30' }, 'en', NOW).slotStart).toContain('whole hour');
    expect(checkValues({ ...booked, slotStart: '2026-12-06 08:00' }, 'en', NOW).slotStart).toContain('ended');
    // Both given, they must agree: the arrival within the booked hour.
    const both = { ...booked, slotStart: '2026-12-08 08:00', expectedArrivalAt: '2026-12-08T09:10' };
    expect(checkValues(both, 'en', NOW).slotStart).toContain('expected arrival');
    expect(checkValues({ ...both, expectedArrivalAt: '2026-12-08T08:59' }, 'en', NOW)).toEqual({});
    expect(checkValues({ ...good(), expectedArrivalAt: '' }, 'en', NOW).expectedArrivalAt).toBe('is required');
    expect(toBody(good()).slotStart).toBeUndefined();
  });

  it('reads local times as Vietnam time and keeps a written offset', () => {
    expect(arrivalIso('2026-12-08 08:00')).toBe('2026-12-08T08:00:00+07:00');
    expect(arrivalIso('2026-12-08T08:00:00Z')).toBe('2026-12-08T08:00:00Z');
    expect(localInput('2026-12-08T01:00:00Z')).toBe('2026-12-08T08:00');
  });

  it("sorts the API's field problems by field, the handover's and the containers' included", () => {
    const answer = serverProblems([
      { field: 'vehicle.plate', message: 'bad plate' },
      { field: 'handover.linkedDeclarationId', message: 'names no declaration' },
      { field: 'vehicle.containers.1.sizeFeet', message: 'must be one of 20, 40, 45' },
      { field: 'vehicle.containers', message: 'lists the same container twice' },
      { field: 'handover', message: 'is required' },
      { field: 'elsewhere', message: 'other' },
    ]);
    expect(answer.problems).toEqual({
      'vehicle.plate': 'bad plate',
      'handover.linkedDeclarationId': 'names no declaration',
      'vehicle.containers.1.sizeFeet': 'must be one of 20, 40, 45',
      'vehicle.containers.0.number': 'lists the same container twice',
      'handover.role': 'is required',
    });
    expect(answer.other).toEqual(['elsewhere: other']);
  });
});

describe('the kinds of trip in the form', () => {
  const DELIVERING_ID = '3f2a9c1e-5b7d-4e8f-9a01-23456789abcd';

  it('sends the handover only for the kinds made of two vehicles, the receiving one naming the delivering one', () => {
    const receiving = {
      ...good(),
      tripKind: 'transshipment',
      'handover.role': 'receiving',
      'handover.linkedDeclarationId': DELIVERING_ID.toUpperCase(),
    };
    expect(checkValues(receiving, 'en', NOW)).toEqual({});
    expect(toBody(receiving).handover).toEqual({ role: 'receiving', linkedDeclarationId: DELIVERING_ID });
    expect(isAsked('handover.linkedDeclarationId', receiving)).toBe(true);

    const delivering = { ...good(), tripKind: 'transshipment', 'handover.role': 'delivering' };
    expect(toBody(delivering).handover).toEqual({ role: 'delivering', linkedDeclarationId: undefined });
    expect(isAsked('handover.linkedDeclarationId', delivering)).toBe(false);

    // A through trip asks nothing of a handover and sends none, whatever was typed before the kind changed.
    const through = { ...receiving, tripKind: 'through' };
    expect(toBody(through).handover).toBeUndefined();
    expect(isAsked('handover.role', through)).toBe(false);
    expect(checkValues(through, 'en', NOW)).toEqual({});
  });

  it("checks the handover with the API's rules and words", () => {
    const receiving = { ...good(), tripKind: 'tractor_swap', 'handover.role': 'receiving' };
    expect(checkValues(receiving, 'en', NOW)['handover.linkedDeclarationId']).toBe(
      "is required for the receiving vehicle: the delivering vehicle's declaration id",
    );
    expect(
      checkValues({ ...receiving, 'handover.linkedDeclarationId': 'not-an-id' }, 'vi', NOW)[
        'handover.linkedDeclarationId'
      ],
    ).toBeDefined();
    const delivering = { ...receiving, 'handover.role': 'delivering', 'handover.linkedDeclarationId': DELIVERING_ID };
    expect(checkValues(delivering, 'en', NOW)['handover.linkedDeclarationId']).toBe(
      'must not be given for the delivering vehicle: the receiving one names it',
    );
    expect(checkValues({ ...receiving, 'handover.role': '' }, 'en', NOW)['handover.role']).toBe(
      'is required for a tractor_swap trip: give role delivering or receiving',
    );
  });

  it('asks a tractor swap for its trailer and an empty trip for no goods', () => {
    const swap = {
      ...good(),
      tripKind: 'tractor_swap',
      'handover.role': 'delivering',
      'vehicle.trailerPlate': '',
    };
    expect(checkValues(swap, 'en', NOW)['vehicle.trailerPlate']).toBe(
      'is required for a tractor swap: the trailer that changes tractor',
    );
    const empty = { ...good(), tripKind: 'empty' };
    expect(checkValues(empty, 'en', NOW)['cargo.grossWeightKg']).toBe(
      'must be 0 for an empty trip (tripKind empty carries no goods)',
    );
    expect(checkValues({ ...empty, 'cargo.grossWeightKg': '0' }, 'en', NOW)).toEqual({});
  });

  it('takes up to two containers with their sizes, tonnage, the two-way permit, the regime and an exemption', () => {
    const values: FormValues = {
      ...good(),
      'vehicle.containers.1.number': 'msku 1234565',
      'vehicle.tonnageKg': '15000',
      'vehicle.twoWayTransport': 'true',
      'cargo.regime': 're_export',
      feeExemptionCode: 'emergency_relief',
    };
    expect(checkValues(values, 'en', NOW)).toEqual({});
    const body = toBody(values);
    expect(body.vehicle).toMatchObject({
      containers: [
        { number: 'CSQU3054383', sizeFeet: 40 },
        { number: 'msku 1234565', sizeFeet: undefined },
      ],
      tonnageKg: 15000,
      twoWayTransport: true,
    });
    expect(body.cargo.regime).toBe('re_export');
    expect(body.feeExemptionCode).toBe('EMERGENCY_RELIEF');

    const bad = checkValues(
      {
        ...values,
        'vehicle.containers.1.number': 'CSQU 305438 3',
        'vehicle.containers.1.sizeFeet': '30',
        'vehicle.tonnageKg': '0',
        'cargo.regime': 'smuggled',
        feeExemptionCode: '1X',
      },
      'en',
      NOW,
    );
    expect(bad['vehicle.containers.1.number']).toBe('lists the same container twice');
    expect(bad['vehicle.containers.1.sizeFeet']).toBe('must be one of 20, 40, 45');
    expect(bad['vehicle.tonnageKg']).toBe('must not be less than 1');
    expect(bad['cargo.regime']).toContain('re_export');
    expect(bad.feeExemptionCode).toContain('wrong format');
    const sizeAlone = { ...good(), 'vehicle.containers.0.number': '', 'vehicle.containers.0.sizeFeet': '20' };
    expect(checkValues(sizeAlone, 'en', NOW)['vehicle.containers.0.number']).toBe('is required');
  });

  it('reads an answered declaration back into the form, kind and containers included', () => {
    const values = valuesOf({
      gate: 'HUU_NGHI',
      direction: 'import',
      expectedArrivalAt: '2026-12-08T01:00:00Z',
      tripKind: 'transshipment',
      handover: { role: 'receiving', linkedDeclarationId: DELIVERING_ID },
      feeExemptionCode: null,
      vehicle: {
        plateDisplay: '桂A12345',
        nationality: 'CN',
        trailerPlate: null,
        containerNumber: 'CSQU3054383',
        containers: [{ number: 'CSQU3054383', sizeFeet: 20 }],
        tonnageKg: null,
        twoWayTransport: true,
      },
      driver: { fullName: '王伟', documentNumber: 'E12345678', nationality: 'CN', phone: null },
      cargo: {
        description: 'Machine parts',
        hsCode: null,
        grossWeightKg: 9000,
        perishable: false,
        customsDeclarationNumber: null,
        quarantineRequired: false,
        regime: 'temporary_import',
      },
    });
    expect(values).toMatchObject({
      tripKind: 'transshipment',
      'handover.role': 'receiving',
      'handover.linkedDeclarationId': DELIVERING_ID,
      'vehicle.containers.0.number': 'CSQU3054383',
      'vehicle.containers.0.sizeFeet': '20',
      'vehicle.containers.1.number': '',
      'vehicle.tonnageKg': '',
      'vehicle.twoWayTransport': 'true',
      'cargo.regime': 'temporary_import',
      feeExemptionCode: '',
    });
    expect(toBody(values).vehicle.containers).toEqual([{ number: 'CSQU3054383', sizeFeet: 20 }]);
  });
});
